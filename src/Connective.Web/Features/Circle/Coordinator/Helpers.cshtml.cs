using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Circle.Coordinator;

/// <summary>Helpers in the coordinator's wards with their checks, re-checks falling due first. The view is audited: it names people.</summary>
[Authorize(Policy = CirclePolicies.Coordinator)]
public sealed class HelpersModel(CircleQueries queries, RoleScopes scopes, AuditLog audit) : PageModel
{
    public IReadOnlyList<HelperVettingView> Helpers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await audit.RecordAsync(User, CircleAuditActions.ViewedHelpers, subjectResidentId: null, reason: null, cancellationToken);
        Helpers = await queries.VettingAsync(await scopes.WardsHandledAsync(User, cancellationToken), helperId: null, cancellationToken);
    }
}
