using Connective.Web.Data;
using Connective.Web.Features.Circle;
using Connective.Web.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Connective.Web.Tests.Circle;

/// <summary>
/// The scheduler on a fake clock: waves, escalations, deadlines and overdue check-outs happen when the clock passes their
/// persisted due times, including after the app is stopped and started again on the same database.
/// </summary>
internal static class CircleSchedulerChecks
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>The app on <paramref name="connectionString"/> with its clock replaced by <paramref name="clock"/>.</summary>
    public static ConnectiveWebFactory Start(DatabaseProvider provider, string connectionString, FakeTimeProvider clock)
    {
        var factory = new ConnectiveWebFactory(provider, connectionString, configureServices: services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
            services.PostConfigure<CircleOptions>(options => options.SchedulerInterval = Interval);
        });
        factory.CreateClient().Dispose();
        return factory;
    }

    public static async Task Waves_widen_then_escalate_then_hand_over_at_the_deadline_as_the_clock_moves(ConnectiveWebFactory factory, FakeTimeProvider clock)
    {
        var world = await CircleWorld.CreateAsync(factory);
        for (var i = 0; i < 8; i++)
        {
            await world.AddHelperAsync(CheckLevel.EnhancedWithAdultsBarredList, barredListChecked: true, tiedTo: world.RequesterId, kmNorth: 0.2 + 0.1 * i);
        }
        var requestId = await world.AskAsync(CircleTaskTypes.Lift, TimeSpan.FromDays(3));
        var firstWave = (await world.OffersAsync(requestId)).Count;
        var secondWaveAt = (await world.RequestAsync(requestId)).NextActionAt!.Value;

        await AdvanceUntilAsync(clock, secondWaveAt - clock.GetUtcNow().UtcDateTime + Interval,
            async () => (await world.OffersAsync(requestId)).Count > firstWave);
        var afterSecondWave = await world.OffersAsync(requestId);
        var deadline = (await world.RequestAsync(requestId)).DeadlineAt;
        await AdvanceUntilAsync(clock, deadline - TimeSpan.FromHours(11) - clock.GetUtcNow().UtcDateTime,
            () => world.DbAsync(db => db.CoordinatorTasks.AnyAsync(t => t.RequestId == requestId && t.Kind == CoordinatorTaskKind.Escalation)));
        var statusBeforeDeadline = (await world.RequestAsync(requestId)).Status;
        await AdvanceUntilAsync(clock, deadline - clock.GetUtcNow().UtcDateTime + Interval,
            async () => (await world.RequestAsync(requestId)).Status == HelpRequestStatus.Unanswered);

        Assert.Equal(3, firstWave);
        Assert.Equal(8, afterSecondWave.Count);
        Assert.Equal([1, 1, 1, 2, 2, 2, 2, 2], afterSecondWave.Select(o => o.Wave));
        Assert.Equal(HelpRequestStatus.Offered, statusBeforeDeadline);
        Assert.All(await world.OffersAsync(requestId), offer => Assert.Equal(OfferResponse.Closed, offer.Response));
        Assert.True(await world.DbAsync(db => db.CoordinatorTasks.AnyAsync(t => t.RequestId == requestId && t.Kind == CoordinatorTaskKind.Unanswered && t.ResolvedAt == null)));
    }

    /// <summary>Due times are columns: a wave and an overdue check-out that fell due while the app was stopped happen after it starts.</summary>
    public static async Task Due_work_missed_while_stopped_is_done_after_a_restart(DatabaseProvider provider, string connectionString)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        long requestId, lateId;
        int firstWave, helperOnVisit;
        CircleWorld world;
        await using (var before = Start(provider, connectionString, clock))
        {
            world = await CircleWorld.CreateAsync(before);
            for (var i = 0; i < 6; i++)
            {
                await world.AddHelperAsync(CheckLevel.EnhancedWithAdultsBarredList, barredListChecked: true, tiedTo: world.RequesterId, kmNorth: 0.2 + 0.1 * i);
            }
            requestId = await world.AskAsync(CircleTaskTypes.Gardening, TimeSpan.FromDays(3));
            firstWave = (await world.OffersAsync(requestId)).Count;
            lateId = await world.AskAsync(CircleTaskTypes.Lift, TimeSpan.FromDays(3));
            helperOnVisit = (await world.OffersAsync(lateId))[0].HelperResidentId;
            Assert.True((await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.AcceptAsync(lateId, helperOnVisit, CancellationToken.None))).Succeeded);
            Assert.True((await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.CheckInAsync(lateId, helperOnVisit, CancellationToken.None))).Succeeded);
        }

        // Stopped for nine hours: the second wave (due within eight) and the check-out (due in two and a half) are missed.
        clock.Advance(TimeSpan.FromHours(9));
        await using var after = Start(provider, connectionString, clock);
        var restarted = new CircleWorldView(after);
        await AdvanceUntilAsync(clock, Interval, async () =>
            await restarted.DbAsync(db => db.HelpOffers.CountAsync(o => o.RequestId == requestId)) > firstWave
            && await restarted.DbAsync(db => db.CoordinatorTasks.AnyAsync(t => t.RequestId == lateId && t.Kind == CoordinatorTaskKind.OverdueCheckOut)));

        Assert.Equal(3, firstWave);
        Assert.Equal(6, await restarted.DbAsync(db => db.HelpOffers.CountAsync(o => o.RequestId == requestId)));
        var alert = await restarted.DbAsync(db => db.CoordinatorTasks.SingleAsync(t => t.RequestId == lateId && t.Kind == CoordinatorTaskKind.OverdueCheckOut));
        Assert.Equal(helperOnVisit, alert.HelperResidentId);
        Assert.Null(alert.ResolvedAt);
    }

    /// <summary>Moves the fake clock by <paramref name="by"/>, then in scheduler-sized steps until the condition holds (or fails after a while).</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, TimeSpan by, Func<Task<bool>> condition)
    {
        if (by > TimeSpan.Zero)
        {
            clock.Advance(by);
        }
        for (var attempt = 0; attempt < 200; attempt++)
        {
            await Task.Delay(50);
            if (await condition())
            {
                return;
            }
            clock.Advance(Interval);
        }
        Assert.Fail("The scheduler did not do the due work after the clock moved.");
    }

    /// <summary>Database reads on a restarted app.</summary>
    private sealed class CircleWorldView(ConnectiveWebFactory factory)
    {
        public async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> query)
        {
            await using var scope = factory.CreateScope();
            return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        }
    }
}
