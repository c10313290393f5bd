using Connective.Web.Platform.Jobs;
using Microsoft.Extensions.Options;

namespace Connective.Web.Features.Circle;

/// <summary>
/// Runs Circle's due work (waves, escalations, deadlines, overdue check-outs) every few moments on the app's
/// <see cref="TimeProvider"/>, on one instance at a time (the kernel's job lease). It keeps no state of its own: every due
/// time is in the database, so a restart, or another instance taking over a lapsed lease, loses nothing.
/// </summary>
internal sealed class CircleScheduler(IServiceScopeFactory scopes, TimeProvider time, IOptions<CircleOptions> options, ILogger<CircleScheduler> logger)
    : BackgroundService
{
    public const string JobName = "circle-due-work";

    /// <summary>Longer than a run of due work takes, so a live holder never loses it mid-run.</summary>
    private static readonly TimeSpan LeaseFor = TimeSpan.FromMinutes(2);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        LeasedJob.RunAsync(scopes, time, JobName, options.Value.SchedulerInterval, LeaseFor, async (services, cancellationToken) =>
        {
            var handled = await services.GetRequiredService<CircleTasks>().RunDueWorkAsync(cancellationToken);
            if (handled > 0)
            {
                logger.LogInformation("Circle scheduler handled {Count} due item(s).", handled);
            }
        }, logger, stoppingToken);
}
