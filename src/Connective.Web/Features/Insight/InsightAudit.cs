using System.Security.Claims;
using Connective.Web.Platform.Audit;

namespace Connective.Web.Features.Insight;

/// <summary>Insight's audit entries: one per named person shown, so each person can see that they were looked at.</summary>
public sealed class InsightAudit(AuditLog audit)
{
    public Task PersonAsync(ClaimsPrincipal user, int residentId, string where, CancellationToken cancellationToken) =>
        audit.RecordAsync(user, InsightAuditActions.ViewedPerson, residentId, where, cancellationToken);

    public Task ListedAsync(ClaimsPrincipal user, IEnumerable<int> residentIds, string list, CancellationToken cancellationToken) =>
        audit.RecordEachAsync(user, InsightAuditActions.ListedPerson, residentIds, list, cancellationToken);

    public Task MapAsync(ClaimsPrincipal user, string what, CancellationToken cancellationToken) =>
        audit.RecordAsync(user, InsightAuditActions.ViewedMap, subjectResidentId: null, what, cancellationToken);

    public Task SearchAsync(ClaimsPrincipal user, int found, CancellationToken cancellationToken) =>
        audit.RecordAsync(user, InsightAuditActions.SearchedMap, subjectResidentId: null, $"Name search on the map, {found} found", cancellationToken);
}
