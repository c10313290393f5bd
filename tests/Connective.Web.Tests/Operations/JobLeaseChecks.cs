using Connective.Web.Data;
using Connective.Web.Features.Circle;
using Connective.Web.Platform.Jobs;
using Connective.Web.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Connective.Web.Tests.Operations;

/// <summary>
/// Scheduled jobs run on one instance at a time through the kernel's database lease: instances racing for it never
/// hold it together and every run is recorded once; a lease its holder never gave back lapses and another instance takes
/// over; two real app instances on one database share the Circle scheduler. Written once, run on each provider.
/// </summary>
internal static class JobLeaseChecks
{
    public static async Task Instances_racing_for_a_job_never_hold_it_together_and_every_run_is_recorded_once(DatabaseProvider provider, string connectionString)
    {
        await using var app = new ConnectiveWebFactory(provider, connectionString, demoResidents: 200);
        app.CreateClient().Dispose();
        var job = "race-" + Guid.NewGuid().ToString("N")[..8];
        var holding = 0;
        var mostAtOnce = 0;
        var runs = 0;

        async Task InstanceAsync(string holder)
        {
            for (var turn = 0; turn < 25; turn++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
                if (await leases.TryTakeAsync(job, holder, TimeSpan.FromMinutes(1), CancellationToken.None))
                {
                    var now = Interlocked.Increment(ref holding);
                    InterlockedMax(ref mostAtOnce, now);
                    Interlocked.Increment(ref runs);
                    await Task.Delay(3);
                    Interlocked.Decrement(ref holding);
                    await leases.GiveBackAsync(job, holder, failure: null, nextRunAt: null, CancellationToken.None);
                }
            }
        }
        await Task.WhenAll(InstanceAsync("instance-a"), InstanceAsync("instance-b"), InstanceAsync("instance-c"));

        Assert.Equal(1, mostAtOnce);
        Assert.True(runs >= 3, $"only {runs} run(s) in 75 turns");
        await using var check = app.Services.CreateAsyncScope();
        var record = Assert.Single(await check.ServiceProvider.GetRequiredService<JobLeases>().AllAsync(CancellationToken.None), lease => lease.Name == job);
        Assert.Equal(runs, record.Runs);
        Assert.Null(record.LeasedUntil);
    }

    public static async Task A_lease_its_holder_never_gave_back_lapses_and_another_instance_takes_over(DatabaseProvider provider, string connectionString)
    {
        await using var app = new ConnectiveWebFactory(provider, connectionString, demoResidents: 200);
        app.CreateClient().Dispose();
        var job = "lapse-" + Guid.NewGuid().ToString("N")[..8];
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        await using var dead = app.Services.CreateAsyncScope();
        await using var alive = app.Services.CreateAsyncScope();
        var deadLeases = new JobLeases(dead.ServiceProvider.GetRequiredService<AppDbContext>(), clock);
        var aliveLeases = new JobLeases(alive.ServiceProvider.GetRequiredService<AppDbContext>(), clock);

        Assert.True(await deadLeases.TryTakeAsync(job, "dies-mid-run", TimeSpan.FromMinutes(2), CancellationToken.None));
        Assert.False(await aliveLeases.TryTakeAsync(job, "still-alive", TimeSpan.FromMinutes(2), CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(await aliveLeases.TryTakeAsync(job, "still-alive", TimeSpan.FromMinutes(2), CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.True(await aliveLeases.TryTakeAsync(job, "still-alive", TimeSpan.FromMinutes(2), CancellationToken.None));

        // The dead holder, had it come back, cannot record over the new holder's run.
        await deadLeases.GiveBackAsync(job, "dies-mid-run", new InvalidOperationException("late"), nextRunAt: null, CancellationToken.None);
        var record = Assert.Single(await aliveLeases.AllAsync(CancellationToken.None), lease => lease.Name == job);
        Assert.Equal("still-alive", record.Holder);
        Assert.Equal(0, record.Failures);
    }

    public static async Task Two_app_instances_share_the_circle_scheduler_and_record_its_runs(DatabaseProvider provider, string connectionString)
    {
        var fast = new Dictionary<string, string> { ["Circle:SchedulerInterval"] = "00:00:01" };
        await using var first = new ConnectiveWebFactory(provider, connectionString, demoResidents: 200, settings: fast);
        first.CreateClient().Dispose();
        await using var second = new ConnectiveWebFactory(provider, connectionString, demoResidents: 200, migrateAndSeedOnStart: false, settings: fast);
        second.CreateClient().Dispose();

        JobLease? record = null;
        for (var wait = 0; wait < 60 && record is not { Runs: >= 4 }; wait++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            await using var scope = first.Services.CreateAsyncScope();
            record = await scope.ServiceProvider.GetRequiredService<AppDbContext>().JobLeases.AsNoTracking()
                .SingleOrDefaultAsync(lease => lease.Name == CircleScheduler.JobName);
        }

        Assert.NotNull(record);
        Assert.True(record.Runs >= 4, $"the scheduler ran {record.Runs} time(s)");
        Assert.Equal(0, record.Failures);
        Assert.Null(record.LastError);
        Assert.NotNull(record.NextRunAt);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }
            seen = previous;
        }
    }
}
