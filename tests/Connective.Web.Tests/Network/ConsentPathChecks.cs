using Connective.Web.Data;
using Connective.Web.Platform.ConsentPath;
using Connective.Web.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connective.Web.Tests.Network;

/// <summary>The consent query path, written once and run on each provider.</summary>
internal static class ConsentPathChecks
{
    private const ConsentPurpose Purpose = ConsentPurpose.FindHelpThroughMyNetwork;

    /// <summary>
    /// A second <see cref="ConsentedNetwork"/> stands for another web instance with its own cache: a withdrawal made
    /// through the first must be respected by both as soon as it returns, and giving consent again restores the ties.
    /// </summary>
    public static async Task A_withdrawal_masks_every_cached_graph_before_it_returns(ConnectiveWebFactory factory)
    {
        var otherInstance = new ConsentedNetwork(factory.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System,
            NullLogger<ConsentedNetwork>.Instance);
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var records = scope.ServiceProvider.GetRequiredService<ConsentRecords>();
        var thisInstance = scope.ServiceProvider.GetRequiredService<ConsentedNetwork>();
        var (person, neighbours) = await PersonWithConsentedTiesAsync(db, skip: 0);

        var before = await otherInstance.GetAsync(db, Purpose, CancellationToken.None);
        await thisInstance.GetAsync(db, Purpose, CancellationToken.None);
        await records.WithdrawAsync(person, Purpose, ConsentRecords.Self, CancellationToken.None);
        var elsewhere = await otherInstance.GetAsync(db, Purpose, CancellationToken.None);
        var here = await thisInstance.GetAsync(db, Purpose, CancellationToken.None);
        var tiesAfterWithdrawal = await thisInstance.TiesOfAsync(db, person, Purpose, CancellationToken.None);
        await records.GiveAsync(person, Purpose, ConsentMethod.Online, ConsentRecords.Self, scriptVersion: null, CancellationToken.None);
        var regiven = await otherInstance.GetAsync(db, Purpose, CancellationToken.None);

        Assert.True(before.Includes(person));
        Assert.Equal(neighbours, before.Graph.Degree(person));
        Assert.False(elsewhere.Includes(person));
        Assert.Equal(0, elsewhere.Graph.Degree(person));
        Assert.Equal(0, here.Graph.Degree(person));
        Assert.Empty(tiesAfterWithdrawal);
        Assert.Equal(before.Graph.EdgeCount - neighbours, elsewhere.Graph.EdgeCount);
        Assert.Equal(neighbours, regiven.Graph.Degree(person));
    }

    /// <summary>An observed tie is written only when both people consent to the purpose it is for.</summary>
    public static async Task An_observed_tie_needs_both_people_to_consent(ConnectiveWebFactory factory)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var network = scope.ServiceProvider.GetRequiredService<ConsentedNetwork>();
        var consenting = Consenting(db);
        var pair = await db.Residents.Where(resident => consenting.Contains(resident.Id)).OrderByDescending(resident => resident.Id)
            .Select(resident => resident.Id).Take(2).ToListAsync();
        var refusing = await db.Residents.Where(resident => !consenting.Contains(resident.Id)).OrderByDescending(resident => resident.Id)
            .Select(resident => resident.Id).FirstAsync();

        var refused = await network.AddObservedTieAsync(db, pair[0], refusing, 0.5, Purpose, CancellationToken.None);
        var written = await network.AddObservedTieAsync(db, pair[0], pair[1], 0.5, Purpose, CancellationToken.None);
        var graph = await network.GetAsync(db, Purpose, CancellationToken.None);

        Assert.False(refused);
        Assert.True(written);
        Assert.False(await db.Ties.AnyAsync(tie => tie.Kind == TieKind.Observed
            && ((tie.PersonAId == pair[0] && tie.PersonBId == refusing) || (tie.PersonAId == refusing && tie.PersonBId == pair[0]))));
        Assert.Contains(pair[0], graph.Graph.Neighbors(pair[1]).ToArray());
        Assert.Contains(await network.TiesOfAsync(db, pair[1], Purpose, CancellationToken.None),
            tie => tie.OtherResidentId == pair[0] && tie.Kind == TieKind.Observed && tie.Weight == 0.5);
    }

    /// <summary>Consent by phone keeps the script version, and withdrawal keeps the row with who withdrew it.</summary>
    public static async Task Phone_consent_records_the_script_and_withdrawal_keeps_the_record(ConnectiveWebFactory factory)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var records = scope.ServiceProvider.GetRequiredService<ConsentRecords>();
        var (person, _) = await PersonWithConsentedTiesAsync(db, skip: 1);
        var purpose = ConsentPurpose.ResearchExports;
        await records.WithdrawAsync(person, purpose, ConsentRecords.Self, CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            records.GiveAsync(person, purpose, ConsentMethod.Phone, "coordinator-account", scriptVersion: null, CancellationToken.None));
        await records.GiveAsync(person, purpose, ConsentMethod.Phone, "coordinator-account", "phone-consent-2026-01", CancellationToken.None);
        await records.GiveAsync(person, purpose, ConsentMethod.Phone, "coordinator-account", "phone-consent-2026-01", CancellationToken.None);
        var given = await records.HasAsync(person, purpose, CancellationToken.None);
        await records.WithdrawAsync(person, purpose, "coordinator-account", CancellationToken.None);
        var history = await records.HistoryAsync(person, CancellationToken.None);

        Assert.True(given);
        Assert.False(await records.HasAsync(person, purpose, CancellationToken.None));
        var phone = Assert.Single(history, consent => consent.Purpose == purpose && consent.Method == ConsentMethod.Phone);
        Assert.Equal("phone-consent-2026-01", phone.ScriptVersion);
        Assert.Equal("coordinator-account", phone.RecordedBy);
        Assert.Equal("coordinator-account", phone.WithdrawnBy);
        Assert.NotNull(phone.WithdrawnAt);
    }

    private static IQueryable<int> Consenting(AppDbContext db) =>
        db.Consents.Where(consent => consent.Purpose == Purpose && consent.WithdrawnAt == null).Select(consent => consent.ResidentId);

    /// <summary>A consenting person with at least two consenting neighbours, and how many distinct ones (counted here, independently).</summary>
    private static async Task<(int Person, int Neighbours)> PersonWithConsentedTiesAsync(AppDbContext db, int skip)
    {
        var consenting = Consenting(db);
        var ties = await db.Ties.Where(tie => consenting.Contains(tie.PersonAId) && consenting.Contains(tie.PersonBId))
            .Select(tie => new { tie.PersonAId, tie.PersonBId }).ToListAsync();
        var neighbours = ties.SelectMany(tie => new[] { (tie.PersonAId, tie.PersonBId), (tie.PersonBId, tie.PersonAId) })
            .Distinct()
            .GroupBy(pair => pair.Item1)
            .Where(group => group.Count() >= 2)
            .OrderBy(group => group.Key)
            .Skip(skip)
            .First();
        return (neighbours.Key, neighbours.Count());
    }
}
