using System.Data.Common;
using System.Security.Claims;
using Connective.Web.Data;
using Connective.Web.Features.Circle.Credits;
using Connective.Web.Features.Circle.Meetups;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.ConsentPath;
using Connective.Web.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Circle;

/// <summary>Meetups' tests, written once and run on each provider.</summary>
internal static class MeetupsChecks
{
    public static async Task The_last_place_goes_to_one_person_however_many_ask_at_once(ConnectiveWebFactory factory)
    {
        var people = await CreditsChecks.FreshResidentsAsync(factory, 12);
        var meetupId = await AddMeetupAsync(factory, DateTime.UtcNow.AddDays(7), capacity: 3);

        var outcomes = await Task.WhenAll(people.Select(async person =>
        {
            await using var scope = factory.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<MeetupBook>().RsvpAsync(meetupId, person, CancellationToken.None);
        }));

        await using var check = factory.CreateScope();
        var db = CreditsChecks.Db(check);
        Assert.Equal(3, outcomes.Count(outcome => outcome == RsvpOutcome.Booked));
        Assert.Equal(9, outcomes.Count(outcome => outcome == RsvpOutcome.Full));
        Assert.Equal(3, await db.MeetupRsvps.CountAsync(rsvp => rsvp.MeetupId == meetupId));
        Assert.Equal(3, await db.Meetups.Where(meetup => meetup.Id == meetupId).Select(meetup => meetup.TakenPlaces).SingleAsync());
    }

    public static async Task Three_shared_meetups_within_90_days_make_an_observed_tie_only_with_consent(ConnectiveWebFactory factory)
    {
        var people = await CreditsChecks.FreshResidentsAsync(factory, 5);
        var (ada, ben, cal, dee, eve) = (people[0], people[1], people[2], people[3], people[4]);
        await using (var scope = factory.CreateScope())
        {
            var consents = scope.ServiceProvider.GetRequiredService<ConsentRecords>();
            foreach (var person in new[] { ada, ben, dee, eve })
            {
                await consents.GiveAsync(person, ObservedTies.Purpose, ConsentMethod.Online, ConsentRecords.Self, null, CancellationToken.None);
            }
            await consents.WithdrawAsync(cal, ObservedTies.Purpose, ConsentRecords.Self, CancellationToken.None);
        }
        var now = DateTime.UtcNow;
        // Ada, Ben and Cal share three meetups within 90 days; Dee and Eve share three spread over 200 days.
        var close = new[] { await AddMeetupAsync(factory, now.AddDays(-80)), await AddMeetupAsync(factory, now.AddDays(-40)), await AddMeetupAsync(factory, now.AddDays(-1)) };
        var apart = new[] { await AddMeetupAsync(factory, now.AddDays(-200)), await AddMeetupAsync(factory, now.AddDays(-100)), await AddMeetupAsync(factory, now.AddDays(-2)) };
        await JoinCircleAsync(factory, people);

        var afterTwo = 0;
        for (var i = 0; i < 3; i++)
        {
            var written = await AttendAsync(factory, close[i], [ada, ben, cal]);
            await AttendAsync(factory, apart[i], [dee, eve]);
            afterTwo += i < 2 ? written.TiesObserved : 0;
        }

        await using var check = factory.CreateScope();
        var db = CreditsChecks.Db(check);
        var ties = await db.Ties.Where(tie => tie.Kind == TieKind.Observed && people.Contains(tie.PersonAId) && people.Contains(tie.PersonBId))
            .Select(tie => new { tie.PersonAId, tie.PersonBId, tie.Weight }).ToListAsync();
        var tie = Assert.Single(ties);
        Assert.Equal(0, afterTwo);
        Assert.Equal((Math.Min(ada, ben), Math.Max(ada, ben)), (tie.PersonAId, tie.PersonBId));
        Assert.Equal(ObservedTies.MeetupWeight(3), tie.Weight, 9);
    }

    /// <summary>
    /// A join that loses the race to the same join (the row appears between the check and the save) is a success; the
    /// race is made certain by inserting the row from another context just before this one saves.
    /// </summary>
    public static async Task A_join_that_loses_the_race_to_the_same_join_is_joined(ConnectiveWebFactory factory)
    {
        var person = (await CreditsChecks.FreshResidentsAsync(factory, 1))[0];
        var circleId = await FirstCircleAsync(factory);
        await using var scope = factory.CreateScope();
        var racing = RacingContext(scope, factory, async other =>
        {
            other.CircleMembers.Add(new CircleMember { CircleId = circleId, ResidentId = person, JoinedAt = DateTime.UtcNow });
            await other.SaveChangesAsync();
        });
        var book = ActivatorUtilities.CreateInstance<MeetupBook>(scope.ServiceProvider, racing);

        Assert.True(await book.SetMembershipAsync(circleId, person, join: true, CancellationToken.None));

        await using var check = factory.CreateScope();
        Assert.Equal(1, await CreditsChecks.Db(check).CircleMembers.CountAsync(member => member.CircleId == circleId && member.ResidentId == person));
    }

    /// <summary>Only a duplicate is a lost race: a join the database refuses for another reason (no such resident) is an error, not "joined".</summary>
    public static async Task A_join_refused_for_another_reason_is_not_taken_for_a_duplicate(ConnectiveWebFactory factory)
    {
        var circleId = await FirstCircleAsync(factory);
        await using var scope = factory.CreateScope();
        var nobody = await CreditsChecks.Db(scope).Residents.MaxAsync(resident => resident.Id) + 1_000_000;

        await Assert.ThrowsAnyAsync<DbUpdateException>(() =>
            scope.ServiceProvider.GetRequiredService<MeetupBook>().SetMembershipAsync(circleId, nobody, join: true, CancellationToken.None));
    }

    /// <summary>Two bookings of one place by the same person at once: one is booked, the other told it is already booked.</summary>
    public static async Task A_booking_that_loses_the_race_to_the_same_booking_is_already_booked(ConnectiveWebFactory factory)
    {
        var person = (await CreditsChecks.FreshResidentsAsync(factory, 1))[0];
        var meetupId = await AddMeetupAsync(factory, DateTime.UtcNow.AddDays(7), capacity: 5);
        await using var scope = factory.CreateScope();
        var racing = RacingContext(scope, factory, async other =>
        {
            other.MeetupRsvps.Add(new MeetupRsvp { MeetupId = meetupId, ResidentId = person, At = DateTime.UtcNow });
            await other.SaveChangesAsync();
        });
        var book = ActivatorUtilities.CreateInstance<MeetupBook>(scope.ServiceProvider, racing);

        Assert.Equal(RsvpOutcome.AlreadyBooked, await book.RsvpAsync(meetupId, person, CancellationToken.None));

        await using var check = factory.CreateScope();
        var db = CreditsChecks.Db(check);
        Assert.Equal(1, await db.MeetupRsvps.CountAsync(rsvp => rsvp.MeetupId == meetupId && rsvp.ResidentId == person));
        Assert.Equal(0, await db.Meetups.Where(meetup => meetup.Id == meetupId).Select(meetup => meetup.TakenPlaces).SingleAsync());
    }

    /// <summary>
    /// A context like the app's that, before its first save or transaction, runs <paramref name="meanwhile"/> in another
    /// context and commits it, as a concurrent request would between this context's check and its write.
    /// </summary>
    private static AppDbContext RacingContext(AsyncServiceScope scope, ConnectiveWebFactory factory, Func<AppDbContext, Task> meanwhile)
    {
        var race = new Race(async () =>
        {
            await using var other = factory.CreateScope();
            await meanwhile(CreditsChecks.Db(other));
        });
        IInterceptor[] interceptors = [new RaceBeforeSave(race), new RaceBeforeTransaction(race)];
        var app = CreditsChecks.Db(scope);
        return app switch
        {
            SqliteAppDbContext => new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>(
                scope.ServiceProvider.GetRequiredService<DbContextOptions<SqliteAppDbContext>>()).AddInterceptors(interceptors).Options),
            PostgresAppDbContext => new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>(
                scope.ServiceProvider.GetRequiredService<DbContextOptions<PostgresAppDbContext>>()).AddInterceptors(interceptors).Options),
            _ => throw new InvalidOperationException(app.GetType().Name),
        };
    }

    /// <summary>Runs the other request's write once, before this context's first save or transaction, whichever comes first.</summary>
    private sealed class Race(Func<Task> meanwhile)
    {
        private int _ran;

        public async Task RunOnceAsync()
        {
            if (Interlocked.Exchange(ref _ran, 1) == 0)
            {
                await meanwhile();
            }
        }
    }

    private sealed class RaceBeforeSave(Race race) : SaveChangesInterceptor
    {
        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await race.RunOnceAsync();
            return result;
        }
    }

    private sealed class RaceBeforeTransaction(Race race) : DbTransactionInterceptor
    {
        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            await race.RunOnceAsync();
            return result;
        }
    }

    private static async Task<int> FirstCircleAsync(ConnectiveWebFactory factory)
    {
        await using var scope = factory.CreateScope();
        return await CreditsChecks.Db(scope).Circles.OrderBy(circle => circle.Id).Select(circle => circle.Id).FirstAsync();
    }

    public static void Pairs_are_counted_per_shared_meetup()
    {
        (long, int)[] attendance = [(1, 5), (1, 3), (1, 9), (2, 3), (2, 5), (3, 5), (3, 3), (3, 9), (3, 9)];

        var pairs = ObservedTies.PairsSharing(attendance, 2);

        Assert.Equal([(3, 5, 3), (3, 9, 2), (5, 9, 2)], pairs);
    }

    /// <summary>
    /// A resident who organises sees the people of their meetup by first name and initial; staff who manage it (signed in
    /// with a second factor) see full names; a guest sees no one.
    /// </summary>
    public static async Task A_resident_organiser_sees_first_names_and_initials_and_staff_see_full_names(ConnectiveWebFactory factory)
    {
        var people = await CreditsChecks.FreshResidentsAsync(factory, 3);
        var (organiser, guest, other) = (people[0], people[1], people[2]);
        var meetupId = await AddMeetupAsync(factory, DateTime.UtcNow.AddDays(7));
        string given, family;
        await using (var scope = factory.CreateScope())
        {
            var db = CreditsChecks.Db(scope);
            var meetup = await db.Meetups.SingleAsync(meetup => meetup.Id == meetupId);
            meetup.OrganiserResidentId = organiser;
            await db.SaveChangesAsync();
            (given, family) = await db.Residents.Where(resident => resident.Id == guest).Select(resident => ValueTuple.Create(resident.GivenName, resident.FamilyName)).SingleAsync();
            Assert.Equal(RsvpOutcome.Booked, await scope.ServiceProvider.GetRequiredService<MeetupBook>().RsvpAsync(meetupId, guest, CancellationToken.None));
        }

        MeetupDetail? asOrganiser, asAdmin, asOther;
        await using (var scope = factory.CreateScope())
        {
            var book = scope.ServiceProvider.GetRequiredService<MeetupBook>();
            asOrganiser = await book.DetailAsync(meetupId, Person("organiser", Roles.Resident), organiser, CancellationToken.None);
            asOther = await book.DetailAsync(meetupId, Person("other", Roles.Resident), other, CancellationToken.None);
            asAdmin = await book.DetailAsync(meetupId, Person("demo-admin", Roles.Admin, new Claim(SecondFactor.MethodClaim, "mfa")), null, CancellationToken.None);
        }

        Assert.Contains(asOrganiser!.People, person => person.ResidentId == guest && person.Name == $"{given} {char.ToUpperInvariant(family[0])}.");
        Assert.DoesNotContain(asOrganiser.People, person => person.Name.Contains(family, StringComparison.Ordinal));
        Assert.Contains(asAdmin!.People, person => person.ResidentId == guest && person.Name == $"{given} {family}");
        Assert.Empty(asOther!.People);
    }

    private static ClaimsPrincipal Person(string accountId, string role, params Claim[] more) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, accountId), new Claim(ClaimTypes.Role, role), .. more], "test"));

    internal static async Task<long> AddMeetupAsync(ConnectiveWebFactory factory, DateTime startsAt, int capacity = 20)
    {
        await using var scope = factory.CreateScope();
        var db = CreditsChecks.Db(scope);
        var meetup = new Meetup
        {
            CircleId = await db.Circles.OrderBy(circle => circle.Id).Select(circle => circle.Id).FirstAsync(),
            Title = "Test meetup",
            Description = "",
            StartsAt = startsAt,
            EndsAt = startsAt.AddHours(2),
            Place = "The library",
            Capacity = capacity,
            CreatedAt = DateTime.UtcNow,
        };
        db.Meetups.Add(meetup);
        await db.SaveChangesAsync();
        return meetup.Id;
    }

    private static async Task JoinCircleAsync(ConnectiveWebFactory factory, int[] people)
    {
        await using var scope = factory.CreateScope();
        var db = CreditsChecks.Db(scope);
        var circleId = await db.Circles.OrderBy(circle => circle.Id).Select(circle => circle.Id).FirstAsync();
        var already = await db.CircleMembers.Where(member => member.CircleId == circleId).Select(member => member.ResidentId).ToListAsync();
        db.CircleMembers.AddRange(people.Except(already).Select(person => new CircleMember { CircleId = circleId, ResidentId = person, JoinedAt = DateTime.UtcNow }));
        await db.SaveChangesAsync();
    }

    private static async Task<AttendanceOutcome> AttendAsync(ConnectiveWebFactory factory, long meetupId, int[] people)
    {
        await using var scope = factory.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<MeetupBook>().RecordAttendanceAsync(meetupId, people, CancellationToken.None);
        Assert.NotNull(outcome);
        Assert.Equal(people.Length, outcome.Attended);
        return outcome;
    }
}
