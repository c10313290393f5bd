using Microsoft.Extensions.Options;

namespace Connective.Web.Features.Circle;

/// <summary>
/// Runs Circle's due work (waves, escalations, deadlines, overdue check-outs) every few moments on the app's
/// <see cref="TimeProvider"/>. It keeps no state of its own: every due time is in the database, so a restart loses nothing.
/// </summary>
internal sealed class CircleScheduler(IServiceScopeFactory scopes, TimeProvider time, IOptions<CircleOptions> options, ILogger<CircleScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.SchedulerInterval, time, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var handled = await scope.ServiceProvider.GetRequiredService<CircleTasks>().RunDueWorkAsync(stoppingToken);
                if (handled > 0)
                {
                    logger.LogInformation("Circle scheduler handled {Count} due item(s).", handled);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                // The database may not be migrated yet at start, or be briefly unavailable: try again at the next look.
                logger.LogWarning(exception, "Circle scheduler could not run its due work; it will try again.");
            }
        }
    }
}
