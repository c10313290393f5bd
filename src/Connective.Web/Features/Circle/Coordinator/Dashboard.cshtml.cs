using Connective.Web.Platform;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Circle.Coordinator;

/// <summary>
/// The coordinator's queue (unanswered, overdue, calls to make), helpers' load and re-checks due, for the wards their role
/// covers (the whole borough for a borough-wide coordinator or an admin). Views are audited: it names people.
/// </summary>
[Authorize(Policy = CirclePolicies.Coordinator)]
public sealed class DashboardModel(CircleQueries queries, CircleTasks tasks, CurrentPerson identity, RoleScopes scopes, AuditLog audit) : PageModel
{
    public CoordinatorDashboard Dashboard { get; private set; } = null!;
    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? notice, CancellationToken cancellationToken)
    {
        Notice = CircleText.Notice(notice);
        await audit.RecordAsync(User, CircleAuditActions.ViewedQueue, subjectResidentId: null, reason: null, cancellationToken);
        Dashboard = await queries.DashboardAsync(await scopes.WardsHandledAsync(User, cancellationToken), cancellationToken);
    }

    /// <summary>Marks an item done; on a call to a requester whose task is done, also passes on the thanks they gave on the phone.</summary>
    public async Task<IActionResult> OnPostResolveAsync(long itemId, string? outcome, string? thanks, CancellationToken cancellationToken)
    {
        var item = await queries.QueueItemAsync(itemId, await scopes.WardsHandledAsync(User, cancellationToken), cancellationToken);
        if (item is null)
        {
            // No such item in the caller's wards: nothing is changed, and nothing said about other wards.
            return NotFound();
        }
        if (!string.IsNullOrWhiteSpace(thanks) && item is { RequestId: { } requestId, ResidentId: { } requesterId })
        {
            var sent = await tasks.ThankAsync(requestId, requesterId, thanks, cancellationToken);
            if (sent.Succeeded)
            {
                await audit.RecordAsync(User, CircleAuditActions.PassedOnThanks, requesterId, $"Thanks for help request {requestId}, given on the phone", cancellationToken);
            }
        }
        await tasks.ResolveAsync(itemId, identity.AccountId(User)!, string.IsNullOrWhiteSpace(outcome) ? "Done" : outcome, cancellationToken);
        return RedirectToPage("/Circle/Coordinator/Dashboard", new { notice = "resolved" });
    }
}
