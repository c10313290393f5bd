using System.IO.Compression;
using System.Text.RegularExpressions;
using Connective.Web.Data;
using Connective.Web.Features.Circle;
using Connective.Web.Features.Circle.Meetups;
using Connective.Web.Platform.DataRights;
using Connective.Web.Tests.Circle;
using Connective.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.DataRights;

/// <summary>The personal-data download, written once and run on each provider: every area's records, and nothing left out unnoticed.</summary>
internal static partial class ExportChecks
{
    /// <summary>
    /// A resident who asked for help, helped someone, earned and gave credits, thanked and was thanked, joined a circle and
    /// booked a meetup place, all through the real services, finds every one of those in their download.
    /// </summary>
    public static async Task A_resident_finds_their_help_credits_thanks_and_meetups_in_their_download(ConnectiveWebFactory factory)
    {
        // Arrange: the subject helps the world's requester, then asks for help themselves and another helper gives it.
        var world = await CircleWorld.CreateAsync(factory);
        var subject = await world.AddHelperAsync(check: null, training: HelperTraining.None, tiedTo: world.RequesterId);
        var helped = await world.AskAsync(CircleTaskTypes.MeetupCompany);
        await CompleteAsync(world, helped, subject);
        var helper = await world.AddHelperAsync(check: null, training: HelperTraining.None, tiedTo: subject, kmNorth: 0.7);
        var asked = await world.WithAsync<CircleTasks, long>(async tasks =>
        {
            var input = new NewHelpRequest(subject, CircleTaskTypes.MeetupCompany, "Company to the library talk", null, HelpUrgency.Routine, DateTime.UtcNow.AddDays(3));
            return (await tasks.CreateAsync(input, "test", byPhone: false, CancellationToken.None)).Id;
        });
        await CompleteAsync(world, asked, helper);
        Assert.True((await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.ThankAsync(helped, subject, "Lovely to meet you", CancellationToken.None))).Succeeded);
        Assert.True((await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.ThankAsync(helped, world.RequesterId, "Thank you for coming with me", CancellationToken.None))).Succeeded);
        var circleId = await world.DbAsync(db => db.Circles.OrderBy(circle => circle.Id).Select(circle => circle.Id).FirstAsync());
        Assert.True(await world.WithAsync<MeetupBook, bool>(book => book.SetMembershipAsync(circleId, subject, join: true, CancellationToken.None)));
        var meetupId = await MeetupsChecks.AddMeetupAsync(factory, DateTime.UtcNow.AddDays(7));
        Assert.Equal(RsvpOutcome.Booked, await world.WithAsync<MeetupBook, RsvpOutcome>(book => book.RsvpAsync(meetupId, subject, CancellationToken.None)));

        // Act
        var person = new DataSubject(subject, AccountId: null);
        var sections = (await world.WithAsync<PersonalDataExport, IReadOnlyList<PersonalDataExport.Section>>(export => export.SectionsAsync(person, CancellationToken.None)))
            .ToDictionary(section => section.Name, section => section.Rows);
        var zip = await world.WithAsync<PersonalDataExport, byte[]>(export => export.ZipAsync(person, CancellationToken.None));

        // Assert: each thing they did is there, as their own row.
        Assert.Equal(asked, Assert.Single(sections["help-requests"])["RequestId"]);
        Assert.Contains(sections["help-offers"], row => Equals(row["RequestId"], helped) && row["CheckedOutAt"] is not null);
        Assert.Single(sections["helper-profile"]);
        Assert.Contains(sections["credits"], row => (long)row["Minutes"]! > 0 && Equals(row["YouGaveTheTime"], true) && Equals(row["For"], "Task"));
        Assert.Contains(sections["credits"], row => (long)row["Minutes"]! < 0 && Equals(row["YouReceivedTheHelp"], true));
        Assert.Single(sections["credit-account"]);
        Assert.Contains(sections["thanks"], row => Equals(row["Direction"], "Sent") && Equals(row["Message"], "Lovely to meet you"));
        Assert.Contains(sections["thanks"], row => Equals(row["Direction"], "Received") && Equals(row["Message"], "Thank you for coming with me"));
        Assert.Single(sections["circles"]);
        Assert.Equal(meetupId, Assert.Single(sections["meetup-places"])["MeetupId"]);
        using var archive = new ZipArchive(new MemoryStream(zip));
        var names = archive.Entries.Select(entry => entry.FullName).ToHashSet();
        foreach (var part in new[] { "resident", "consents", "ties", "help-requests", "help-offers", "credits", "thanks", "circles", "meetup-places" })
        {
            Assert.Contains(part + ".json", names);
            Assert.Contains(part + ".csv", names);
        }
    }

    private static async Task CompleteAsync(CircleWorld world, long requestId, int helperId)
    {
        Assert.True((await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.AcceptAsync(requestId, helperId, CancellationToken.None))).Succeeded);
        Assert.True((await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.CheckInAsync(requestId, helperId, CancellationToken.None))).Succeeded);
        var done = await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.CheckOutAsync(requestId, helperId, null, CancellationToken.None));
        Assert.True(done.Succeeded, done.Message);
    }

    /// <summary>Every entity type in the EF model that refers to a resident or an account is exported, or withheld with a reason.</summary>
    public static async Task Every_entity_that_refers_to_a_person_is_exported_or_withheld_with_a_reason(ConnectiveWebFactory factory)
    {
        await using var scope = factory.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
        var participants = scope.ServiceProvider.GetServices<IExportParticipant>().ToList();

        var unaccounted = Unaccounted(model, participants);

        Assert.True(unaccounted.Count == 0,
            "These entities refer to a person but no IExportParticipant exports them or withholds them with a reason:\n" + string.Join('\n', unaccounted));
        // The walk must see what it looks for: Circle's requests refer to their requester, the audit log to the actor.
        Assert.Contains(model.GetEntityTypes(), entity => entity.ClrType == typeof(HelpRequest) && PersonReference(entity) is not null);
        Assert.True(model.GetEntityTypes().Count(entity => PersonReference(entity) is not null) >= 25);
    }

    /// <summary>The test of the test: leave one entity out of Circle's export and the check names it.</summary>
    public static async Task The_completeness_check_names_an_entity_nobody_exports(ConnectiveWebFactory factory)
    {
        await using var scope = factory.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
        var participants = scope.ServiceProvider.GetServices<IExportParticipant>()
            .Select(participant => participant.Exports.Contains(typeof(HelpRequest)) ? new LeavingOut(participant, typeof(HelpRequest)) : participant)
            .ToList();

        var unaccounted = Unaccounted(model, participants);

        Assert.Equal(["HelpRequest (foreign key RequesterResidentId to Resident)"], unaccounted);
    }

    /// <summary>Entity types that refer to a person and that no participant exports or withholds with a written reason.</summary>
    internal static List<string> Unaccounted(IModel model, IReadOnlyList<IExportParticipant> participants)
    {
        var covered = participants.SelectMany(participant => participant.Exports
            .Concat(participant.Withheld.Where(withheld => !string.IsNullOrWhiteSpace(withheld.Value)).Select(withheld => withheld.Key)))
            .ToHashSet();
        return [.. model.GetEntityTypes()
            .Where(entity => !covered.Contains(entity.ClrType))
            .Select(entity => (entity, reference: PersonReference(entity)))
            .Where(pair => pair.reference is not null)
            .Select(pair => $"{pair.entity.ClrType.Name} ({pair.reference})")
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>How an entity refers to a person: a foreign key to a resident or an account, or a property named like one.</summary>
    internal static string? PersonReference(IEntityType entity)
    {
        if (entity.GetForeignKeys().FirstOrDefault(key => key.PrincipalEntityType.ClrType == typeof(Resident)
            || typeof(IdentityUser).IsAssignableFrom(key.PrincipalEntityType.ClrType)) is { } foreignKey)
        {
            return $"foreign key {string.Join(", ", foreignKey.Properties.Select(property => property.Name))} to {foreignKey.PrincipalEntityType.ClrType.Name}";
        }
        return entity.GetProperties().FirstOrDefault(property => PersonLikeName().IsMatch(property.Name)) is { } named ? $"property {named.Name}" : null;
    }

    [GeneratedRegex("(Resident|Account|User|Actor|Person[AB]?)Id$")]
    private static partial Regex PersonLikeName();

    /// <summary>A participant as it would be had its author forgotten one entity.</summary>
    private sealed class LeavingOut(IExportParticipant inner, Type forgotten) : IExportParticipant
    {
        public IReadOnlyCollection<Type> Exports => [.. inner.Exports.Where(type => type != forgotten)];

        public IReadOnlyDictionary<Type, string> Withheld => inner.Withheld;

        public Task<IReadOnlyList<PersonalDataExport.Section>> ExportAsync(AppDbContext db, DataSubject person, CancellationToken cancellationToken) =>
            inner.ExportAsync(db, person, cancellationToken);
    }
}
