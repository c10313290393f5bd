using System.Security.Claims;
using Connective.Web.Data;
using Connective.Web.Platform.Audit;

namespace Connective.Web.Features.Insight;

/// <summary>Why a life event was not recorded, in words for the form or the API's problem details.</summary>
public sealed record LifeEventRefusal(string Field, string Message);

/// <summary>Records life events (a bereavement flags the person and their close ties for a check-in).</summary>
public sealed class InsightLifeEvents(AppDbContext db, AuditLog audit, TimeProvider time, InsightNetwork insight)
{
    /// <summary>How far back an event may be recorded.</summary>
    public const int MaxYearsBack = 2;

    /// <summary>
    /// Records the event for a resident the caller's scope covers who consents to network insight (Insight cannot see
    /// anyone else). Returns the refusal when the input is wrong, or null when recorded.
    /// </summary>
    public async Task<LifeEventRefusal?> RecordAsync(ClaimsPrincipal user, string accountId, InsightScope scope, LifeEventBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(body);
        if (!Enum.IsDefined(body.Kind))
        {
            return new LifeEventRefusal(nameof(body.Kind), "Choose what happened.");
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (body.OccurredOn > today)
        {
            return new LifeEventRefusal(nameof(body.OccurredOn), "The date must be today or in the past.");
        }
        if (body.OccurredOn < today.AddYears(-MaxYearsBack))
        {
            return new LifeEventRefusal(nameof(body.OccurredOn), $"The date must be within the last {MaxYearsBack} years.");
        }
        var view = await insight.GetAsync(db, cancellationToken);
        if (!view.Shows(body.ResidentId) || !scope.Covers(view.People.WardOf(body.ResidentId)))
        {
            return new LifeEventRefusal(nameof(body.ResidentId), $"There is no resident {body.ResidentId} in the network of your wards (only people who consent to network insight can be recorded here).");
        }
        await using var transaction = await CallerOrOwnTransaction.BeginAsync(db, cancellationToken);
        db.LifeEvents.Add(new LifeEvent
        {
            ResidentId = body.ResidentId,
            Kind = body.Kind,
            OccurredAt = body.OccurredOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            RecordedAt = time.GetUtcNow().UtcDateTime,
            RecordedByAccountId = accountId,
        });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(user, InsightAuditActions.RecordedLifeEvent, body.ResidentId, InsightQueries.Describe(body.Kind), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}
