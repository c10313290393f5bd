
namespace Connective.Web.Platform.Jobs;

/// <summary>
/// The loop every scheduled job runs in: wait the interval, take the job's lease (skip the turn when another instance
/// holds it), run the work in its own DI scope, give the lease back with the outcome. Areas write only the work.
/// </summary>
public static class LeasedJob
{
    /// <summary>
    /// Runs <paramref name="work"/> every <paramref name="interval"/> on whichever instance holds the lease, until stopped.
    /// A lease lasts <paramref name="leaseFor"/>, longer than a run takes, so an instance that dies mid-run is replaced then.
    /// </summary>
    public static async Task RunAsync(IServiceScopeFactory scopes, TimeProvider time, string job, TimeSpan interval, TimeSpan leaseFor,
        Func<IServiceProvider, CancellationToken, Task> work, ILogger logger, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(logger);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
                var holder = scope.ServiceProvider.GetRequiredService<ThisInstance>().Name;
                if (!await leases.TryTakeAsync(job, holder, leaseFor, stoppingToken))
                {
                    continue; // another instance runs it this turn
                }
                Exception? failure = null;
                try
                {
                    await work(scope.ServiceProvider, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    failure = exception;
                    logger.LogWarning(exception, "Job {Job} failed; it runs again at its next turn.", job);
                }
                // A fresh scope: a failed save leaves the work's context unusable for recording the failure.
                await using var recordScope = scopes.CreateAsyncScope();
                await recordScope.ServiceProvider.GetRequiredService<JobLeases>()
                    .GiveBackAsync(job, holder, failure, time.GetUtcNow().UtcDateTime + interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                // The database may not be migrated yet at start, or be briefly unavailable: try again at the next turn.
                logger.LogWarning(exception, "Job {Job} could not take its lease; it will try again.", job);
            }
        }
    }
}
