using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Connective.Web.Platform.Notifications;

/// <summary>
/// Readiness of mail delivery: Degraded (the instance still serves; a monitor should alert) when mail has waited longer
/// than the retries allow for a relay blip, or when any message was given up. Healthy without a relay: nothing to deliver.
/// </summary>
internal sealed class MailBacklogCheck(AppDbContext db, IOptions<MailOptions> mail, TimeProvider time) : IHealthCheck
{
    /// <summary>Longer than a few retries; a message older than this means the relay has been away for a while.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(15);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!mail.Value.UsesSmtp)
        {
            return HealthCheckResult.Healthy("No mail relay is configured; mail stays in the outbox.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var waiting = db.OutboxMessages.AsNoTracking().Where(m => m.Kind == OutboxKind.Email && m.SentAt == null);
        var givenUp = await waiting.CountAsync(m => m.GaveUpAt != null, cancellationToken);
        var stuck = await waiting.CountAsync(m => m.GaveUpAt == null && m.CreatedAt < now - StuckAfter, cancellationToken);
        var data = new Dictionary<string, object> { ["givenUp"] = givenUp, ["waitingOver15Minutes"] = stuck };
        return givenUp == 0 && stuck == 0
            ? HealthCheckResult.Healthy("Mail is being delivered.", data)
            : HealthCheckResult.Degraded($"{givenUp} message(s) given up and {stuck} waiting over {StuckAfter.TotalMinutes} minutes; see /admin/mail.", data: data);
    }
}
