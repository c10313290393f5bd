using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Connective.Web.Platform.Jobs;

/// <summary>
/// Readiness of scheduled jobs: Degraded (the instance still serves; a monitor should alert) when a job's last run failed,
/// or when a job is overdue by more than <see cref="OverdueAfter"/> (no instance is running it).
/// </summary>
internal sealed class JobHealthCheck(JobLeases leases, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromMinutes(10);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var jobs = await leases.AllAsync(cancellationToken);
        var failing = jobs.Where(job => job.LastFailedAt is { } failed && failed > (job.LastSucceededAt ?? DateTime.MinValue)).Select(job => job.Name).ToList();
        var overdue = jobs.Where(job => job.NextRunAt is { } next && next + OverdueAfter < now && !(job.LeasedUntil > now)).Select(job => job.Name).ToList();
        var data = new Dictionary<string, object> { ["failing"] = failing, ["overdue"] = overdue };
        return failing.Count == 0 && overdue.Count == 0
            ? HealthCheckResult.Healthy($"{jobs.Count} job(s) running to schedule.", data)
            : HealthCheckResult.Degraded($"Failing: {string.Join(", ", failing)}; overdue: {string.Join(", ", overdue)}; see /admin/jobs.", data: data);
    }
}
