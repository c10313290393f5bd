using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Connective.Web.Infrastructure;

/// <summary>
/// /health/live says the process is serving; /health/ready runs every registered health check.
/// Areas add their checks with <c>AddHealthChecks().AddXxx()</c> (Data adds the database check),
/// so readiness grows with the app without this file changing.
/// </summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .DisableHttpMetrics();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = _ => true })
            .DisableHttpMetrics();
        return endpoints;
    }
}
