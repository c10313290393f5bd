using Connective.Web.Features.Circle;
using Connective.Web.Features.Circle.Matching;
using Connective.Web.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Tests.Circle;

/// <summary>
/// The ranking read from the database, end to end from a request id, written once and run on each provider: the exact
/// order and words for a small world, so that a change to how helpers are read (the SQL pre-checks of range, cap, check
/// and training; the vetting join; the recent-offer count) cannot silently change who is asked first or what is said.
/// </summary>
internal static class CircleMatchingChecks
{
    public static async Task The_ranking_from_the_database_keeps_its_order_and_words(ConnectiveWebFactory factory)
    {
        var world = await CircleWorld.CreateAsync(factory);
        var friend = await world.AddResidentAsync(online: true, kmNorth: 0.2);
        await world.TieAsync(world.RequesterId, friend);
        // Every helper below holds a lift's check (Enhanced with the Adults' Barred List) and training unless said otherwise.
        var known = await Suitable(world, tiedTo: world.RequesterId, kmNorth: 0.5);
        var friendOfFriend = await Suitable(world, tiedTo: friend, kmNorth: 0.5);
        var knownNearTheirLimit = await Suitable(world, tiedTo: world.RequesterId, kmNorth: 4.9);
        var stranger = await Suitable(world, tiedTo: null, kmNorth: 0.5);
        var beyondTheirRange = await Suitable(world, tiedTo: world.RequesterId, kmNorth: 5.2);
        var withoutBarredList = await world.AddHelperAsync(CheckLevel.Enhanced, tiedTo: world.RequesterId);
        var withoutSafeguarding = await world.AddHelperAsync(CheckLevel.EnhancedWithAdultsBarredList, barredListChecked: true,
            training: HelperTraining.LoneWorking, tiedTo: world.RequesterId);
        var atTheirCap = await world.AddHelperAsync(CheckLevel.EnhancedWithAdultsBarredList, barredListChecked: true, tiedTo: world.RequesterId, maxTasks: 1);
        await world.DbAsync(db => db.HelperProfiles.Where(h => h.ResidentId == atTheirCap).ExecuteUpdateAsync(s => s.SetProperty(h => h.ActiveTasks, 1)));

        // Asking sends the first wave (the best three), so those three have one offer this week when ranked again.
        var requestId = await world.AskAsync(CircleTaskTypes.Lift);
        var ranked = await world.WithAsync<CircleMatching, IReadOnlyList<RankedHelper>>(
            matching => world.DbAsync(db => matching.RankHelpersAsync(db, requestId, CancellationToken.None)));

        Assert.Equal([known, friendOfFriend, knownNearTheirLimit, stranger], ranked.Select(r => r.Candidate.HelperResidentId));
        Assert.True(ranked.Zip(ranked.Skip(1)).All(pair => pair.First.Score > pair.Second.Score), "scores strictly fall");
        Assert.DoesNotContain(ranked, r => r.Candidate.HelperResidentId is var id
            && (id == beyondTheirRange || id == withoutBarredList || id == withoutSafeguarding || id == atTheirCap));
        Assert.Equal(
            ["someone you know", "has the checks this task needs", "has the skills asked for", "0.5 km away", "free at the time asked", "no other tasks at the moment"],
            ranked[0].Reasons);
        Assert.Equal(
            ["a friend of a friend", "has the checks this task needs", "has the skills asked for", "0.5 km away", "free at the time asked", "no other tasks at the moment"],
            ranked[1].Reasons);
        Assert.Equal(
            ["someone you know", "has the checks this task needs", "has the skills asked for", "4.9 km away", "free at the time asked", "no other tasks at the moment"],
            ranked[2].Reasons);
        Assert.Equal(
            ["not connected to you through people you know", "has the checks this task needs", "has the skills asked for", "0.5 km away",
             "free at the time asked", "no other tasks at the moment", "not asked this week"],
            ranked[3].Reasons);
        Assert.Equal([1, 1, 1, 0], ranked.Select(r => r.Candidate.OffersInLast7Days));
    }

    private static Task<int> Suitable(CircleWorld world, int? tiedTo, double kmNorth) =>
        world.AddHelperAsync(CheckLevel.EnhancedWithAdultsBarredList, barredListChecked: true, tiedTo: tiedTo, kmNorth: kmNorth);
}
