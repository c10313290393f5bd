using Connective.Web.Features.Circle;
using Connective.Web.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Tests.Circle;

/// <summary>Circle's core checks, written once and run on each provider.</summary>
internal static class CircleCoreChecks
{
    /// <summary>Shopping for someone is regulated activity: only a helper with Enhanced and the Adults' Barred List checked is offered it.</summary>
    public static async Task Regulated_activity_is_offered_only_to_helpers_with_enhanced_and_barred_list(ConnectiveWebFactory factory)
    {
        var world = await CircleWorld.CreateAsync(factory);
        var unchecked_ = await world.AddHelperAsync(check: null, tiedTo: world.RequesterId);
        var basic = await world.AddHelperAsync(CheckLevel.Basic, tiedTo: world.RequesterId);
        var enhancedOnly = await world.AddHelperAsync(CheckLevel.Enhanced, tiedTo: world.RequesterId);
        var barredNotChecked = await world.AddHelperAsync(CheckLevel.EnhancedWithAdultsBarredList, barredListChecked: false, tiedTo: world.RequesterId);
        var overdueRecheck = await world.AddHelperAsync(CheckLevel.EnhancedWithAdultsBarredList, barredListChecked: true, tiedTo: world.RequesterId,
            recheckDueOn: DateTime.UtcNow.Date.AddDays(-1));
        var suitable = await world.AddHelperAsync(CheckLevel.EnhancedWithAdultsBarredList, barredListChecked: true, tiedTo: world.RequesterId);

        var requestId = await world.AskAsync(CircleTaskTypes.Shopping);

        var offered = (await world.OffersAsync(requestId)).Select(o => o.HelperResidentId).ToList();
        Assert.Equal([suitable], offered);
        Assert.DoesNotContain(unchecked_, offered);
        Assert.DoesNotContain(basic, offered);
        Assert.DoesNotContain(enhancedOnly, offered);
        Assert.DoesNotContain(barredNotChecked, offered);
        Assert.DoesNotContain(overdueRecheck, offered);
        Assert.Equal(HelpRequestStatus.Offered, (await world.RequestAsync(requestId)).Status);
    }

    /// <summary>Company at a group meetup in a public place needs no check: every helper who offers it is eligible.</summary>
    public static async Task Meetup_company_needs_no_check(ConnectiveWebFactory factory)
    {
        var world = await CircleWorld.CreateAsync(factory);
        var none = await world.AddHelperAsync(check: null, training: HelperTraining.None, tiedTo: world.RequesterId);
        var basic = await world.AddHelperAsync(CheckLevel.Basic, training: HelperTraining.None, tiedTo: world.RequesterId);

        var requestId = await world.AskAsync(CircleTaskTypes.MeetupCompany);
        var offered = (await world.OffersAsync(requestId)).Select(o => o.HelperResidentId).Order().ToList();

        Assert.Equal([none, basic], offered);
        Assert.All(await world.OffersAsync(requestId), offer => Assert.Equal(1, offer.NetworkDistance));
    }

    /// <summary>The helper sees the exact address only after accepting, and no longer once the task is done.</summary>
    public static async Task Address_is_shown_only_to_the_accepted_helper_while_the_task_is_open(ConnectiveWebFactory factory)
    {
        var world = await CircleWorld.CreateAsync(factory);
        var friend = await world.AddResidentAsync(online: true, kmNorth: 0.2);
        await world.TieAsync(world.RequesterId, friend);
        var helper = await world.AddHelperAsync(CheckLevel.EnhancedWithAdultsBarredList, barredListChecked: true, tiedTo: friend);
        var other = await world.AddHelperAsync(check: null, training: HelperTraining.None, tiedTo: world.RequesterId);
        var address = await world.DbAsync(db => db.Households.Where(h => h.Id == world.HouseholdId).Select(h => h.AddressLine + ", " + h.Postcode).SingleAsync());
        var requestId = await world.AskAsync(CircleTaskTypes.Lift);

        var beforeAccepting = await TaskOfAsync(world, helper, requestId);
        var accepted = await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.AcceptAsync(requestId, helper, CancellationToken.None));
        var afterAccepting = await TaskOfAsync(world, helper, requestId);
        var otherHelperView = await world.WithAsync<CircleQueries, IReadOnlyList<HelperTaskView>>(q => q.TasksOfHelperAsync(other, CancellationToken.None));
        await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.CheckInAsync(requestId, helper, CancellationToken.None));
        var checkedOut = await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.CheckOutAsync(requestId, helper, null, CancellationToken.None));
        var afterClosing = await TaskOfAsync(world, helper, requestId);

        Assert.Equal(OfferResponse.Pending, beforeAccepting.Response);
        Assert.Equal(2, beforeAccepting.NetworkDistance());
        Assert.Null(beforeAccepting.Address);
        Assert.True(accepted.Succeeded, accepted.Message);
        Assert.Equal(address, afterAccepting.Address);
        Assert.DoesNotContain(otherHelperView, view => view.Address is not null);
        Assert.True(checkedOut.Succeeded, checkedOut.Message);
        Assert.Equal(HelpRequestStatus.Done, afterClosing.RequestStatus);
        Assert.Null(afterClosing.Address);
    }

    /// <summary>Suspending a helper withdraws every task offered to or accepted by them; the accepted one goes back out.</summary>
    public static async Task Suspending_a_helper_withdraws_every_offered_and_accepted_task(ConnectiveWebFactory factory)
    {
        var world = await CircleWorld.CreateAsync(factory);
        var helper = await world.AddHelperAsync(CheckLevel.EnhancedWithAdultsBarredList, barredListChecked: true, tiedTo: world.RequesterId);
        var backup = await world.AddHelperAsync(CheckLevel.EnhancedWithAdultsBarredList, barredListChecked: true, kmNorth: 3);
        var accepted = await world.AskAsync(CircleTaskTypes.Lift);
        var acceptOutcome = await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.AcceptAsync(accepted, helper, CancellationToken.None));
        var pending = await world.AskAsync(CircleTaskTypes.Shopping);
        Assert.True(acceptOutcome.Succeeded, acceptOutcome.Message);
        Assert.Contains(await world.OffersAsync(pending), offer => offer.HelperResidentId == helper && offer.Response == OfferResponse.Pending);

        var suspended = await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.SuspendHelperAsync(helper, "Concern raised", CancellationToken.None));
        await world.WithAsync<CircleTasks, int>(tasks => tasks.RunDueWorkAsync(CancellationToken.None));

        Assert.True(suspended.Succeeded, suspended.Message);
        var offers = (await world.OffersAsync(accepted)).Concat(await world.OffersAsync(pending)).Where(o => o.HelperResidentId == helper).ToList();
        Assert.Equal(2, offers.Count);
        Assert.All(offers, offer => Assert.Equal(OfferResponse.Withdrawn, offer.Response));
        var reopened = await world.RequestAsync(accepted);
        Assert.Equal(HelpRequestStatus.Offered, reopened.Status);
        Assert.Equal(0, reopened.PlacesTaken);
        var profile = await world.DbAsync(db => db.HelperProfiles.AsNoTracking().SingleAsync(h => h.ResidentId == helper));
        Assert.Equal(HelperStatus.Suspended, profile.Status);
        Assert.Equal(0, profile.ActiveTasks);
        var ranked = await world.WithAsync<CircleMatching, IReadOnlyList<Features.Circle.Matching.RankedHelper>>(
            matching => world.DbAsync(db => matching.RankHelpersAsync(db, accepted, CancellationToken.None)));
        Assert.DoesNotContain(ranked, r => r.Candidate.HelperResidentId == helper);
        Assert.Contains(ranked, r => r.Candidate.HelperResidentId == backup);
        var again = await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.AcceptAsync(accepted, helper, CancellationToken.None));
        Assert.False(again.Succeeded);
    }

    /// <summary>Two helpers accept the one place at the same moment: exactly one gets it, every time.</summary>
    public static async Task Two_helpers_accepting_the_last_place_at_once_only_one_gets_it(ConnectiveWebFactory factory)
    {
        var world = await CircleWorld.CreateAsync(factory);
        var first = await world.AddHelperAsync(CheckLevel.EnhancedWithAdultsBarredList, barredListChecked: true, tiedTo: world.RequesterId);
        var second = await world.AddHelperAsync(CheckLevel.EnhancedWithAdultsBarredList, barredListChecked: true, tiedTo: world.RequesterId);
        for (var round = 0; round < 5; round++)
        {
            var requestId = await world.AskAsync(CircleTaskTypes.Lift);
            Assert.Equal(2, (await world.OffersAsync(requestId)).Count(o => o.Response == OfferResponse.Pending));
            using var start = new ManualResetEventSlim();

            var outcomes = await Task.WhenAll(
                Task.Run(() => world.WithAsync<CircleTasks, CircleOutcome>(tasks => { start.Wait(); return tasks.AcceptAsync(requestId, first, CancellationToken.None); })),
                Task.Run(() => world.WithAsync<CircleTasks, CircleOutcome>(tasks => { start.Wait(); return tasks.AcceptAsync(requestId, second, CancellationToken.None); })),
                Task.Run(async () => { await Task.Delay(20); start.Set(); return CircleOutcome.Ok("starter"); }));

            Assert.Equal(1, outcomes.Take(2).Count(o => o.Succeeded));
            Assert.Equal(1, outcomes.Take(2).Count(o => o.Kind == CircleOutcomeKind.Conflict));
            var request = await world.RequestAsync(requestId);
            Assert.Equal(1, request.PlacesTaken);
            Assert.Equal(HelpRequestStatus.Accepted, request.Status);
            Assert.Equal(1, (await world.OffersAsync(requestId)).Count(o => o.Response == OfferResponse.Accepted));
            var winner = outcomes[0].Succeeded ? first : second;
            await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.CheckInAsync(requestId, winner, CancellationToken.None));
            await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.CheckOutAsync(requestId, winner, null, CancellationToken.None));
        }
    }

    /// <summary>A helper at their cap cannot take a second task, even accepting two at the same moment.</summary>
    public static async Task A_helper_accepting_two_tasks_at_once_never_goes_over_their_cap(ConnectiveWebFactory factory)
    {
        var world = await CircleWorld.CreateAsync(factory);
        var helper = await world.AddHelperAsync(CheckLevel.EnhancedWithAdultsBarredList, barredListChecked: true, tiedTo: world.RequesterId, maxTasks: 1);
        var one = await world.AskAsync(CircleTaskTypes.Lift);
        var two = await world.AskAsync(CircleTaskTypes.Gardening);

        var outcomes = await Task.WhenAll(
            Task.Run(() => world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.AcceptAsync(one, helper, CancellationToken.None))),
            Task.Run(() => world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.AcceptAsync(two, helper, CancellationToken.None))));

        Assert.Equal(1, outcomes.Count(o => o.Succeeded));
        var profile = await world.DbAsync(db => db.HelperProfiles.AsNoTracking().SingleAsync(h => h.ResidentId == helper));
        Assert.Equal(1, profile.ActiveTasks);
        var places = (await world.RequestAsync(one)).PlacesTaken + (await world.RequestAsync(two)).PlacesTaken;
        Assert.Equal(1, places);
    }

    /// <summary>
    /// An offline requester's news goes to the coordinator as one call to make, and the whole path (offered, accepted,
    /// checked in and out, done) is told to them honestly.
    /// </summary>
    public static async Task An_offline_requester_gets_each_update_as_a_call_in_the_coordinator_queue(ConnectiveWebFactory factory)
    {
        var world = await CircleWorld.CreateAsync(factory, requesterOnline: false);
        var helper = await world.AddHelperAsync(CheckLevel.EnhancedWithAdultsBarredList, barredListChecked: true, tiedTo: world.RequesterId);
        var requestId = await world.AskAsync(CircleTaskTypes.Shopping);

        await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.AcceptAsync(requestId, helper, CancellationToken.None));
        await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.CheckInAsync(requestId, helper, CancellationToken.None));
        var withoutMoney = await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.CheckOutAsync(requestId, helper, null, CancellationToken.None));
        var done = await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.CheckOutAsync(requestId, helper, new MoneyHandled(2000, 1735, 265, true), CancellationToken.None));

        Assert.Equal(CircleOutcomeKind.Invalid, withoutMoney.Kind);
        Assert.True(done.Succeeded, done.Message);
        var updates = await world.DbAsync(db => db.RequesterUpdates.AsNoTracking().Where(u => u.RequestId == requestId).OrderBy(u => u.Id).Select(u => u.Message).ToListAsync());
        Assert.Collection(updates,
            u => Assert.Contains("looking for a helper", u, StringComparison.Ordinal),
            u => Assert.Contains("have been asked", u, StringComparison.Ordinal),
            u => Assert.Contains("said yes", u, StringComparison.Ordinal),
            u => Assert.Contains("checked in", u, StringComparison.Ordinal),
            u => Assert.Contains("task is done", u, StringComparison.Ordinal));
        var calls = await world.DbAsync(db => db.CoordinatorTasks.AsNoTracking().Where(t => t.RequestId == requestId && t.ResolvedAt == null).ToListAsync());
        var call = Assert.Single(calls);
        Assert.Equal(CoordinatorTaskKind.PhoneRequester, call.Kind);
        Assert.Contains("task is done", call.Summary, StringComparison.Ordinal);
        var money = await world.DbAsync(db => db.HelpOffers.AsNoTracking().SingleAsync(o => o.RequestId == requestId && o.HelperResidentId == helper));
        Assert.Equal((2000L, 1735L, 265L, true), (money.MoneyGivenPence!.Value, money.MoneySpentPence!.Value, money.ChangeReturnedPence!.Value, money.ReceiptKept!.Value));
    }

    /// <summary>A requester with no path to any helper is still helped: only vetted helpers are offered it.</summary>
    public static async Task A_requester_with_no_network_path_is_offered_only_to_vetted_helpers(ConnectiveWebFactory factory)
    {
        var world = await CircleWorld.CreateAsync(factory);
        var unvetted = await world.AddHelperAsync(CheckLevel.Basic, training: HelperTraining.LoneWorking);
        var vetted = await world.AddHelperAsync(CheckLevel.Enhanced, training: HelperTraining.LoneWorking, kmNorth: 2);

        var requestId = await world.AskAsync(CircleTaskTypes.Gardening);

        var offers = await world.OffersAsync(requestId);
        var offer = Assert.Single(offers);
        Assert.Equal(vetted, offer.HelperResidentId);
        Assert.Null(offer.NetworkDistance);
        Assert.DoesNotContain(offers, o => o.HelperResidentId == unvetted);
    }

    private static async Task<HelperTaskView> TaskOfAsync(CircleWorld world, int helperId, long requestId) =>
        (await world.WithAsync<CircleQueries, IReadOnlyList<HelperTaskView>>(q => q.TasksOfHelperAsync(helperId, CancellationToken.None)))
        .Single(view => view.RequestId == requestId);

    private static int? NetworkDistance(this HelperTaskView view) =>
        view.Reasons.Contains("a friend of a friend", StringComparison.Ordinal) ? 2 : view.Reasons.Contains("someone you know", StringComparison.Ordinal) ? 1 : null;
}
