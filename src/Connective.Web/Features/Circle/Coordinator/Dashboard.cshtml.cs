using Connective.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Circle.Coordinator;

/// <summary>The coordinator's queue (unanswered, overdue, calls to make), helpers' load and re-checks due. Views are audited: it names people.</summary>
[Authorize(Policy = CirclePolicies.Coordinator)]
public sealed class DashboardModel(CircleQueries queries, CircleTasks tasks, CircleIdentity identity, AuditLog audit) : PageModel
{
    public CoordinatorDashboard Dashboard { get; private set; } = null!;
    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? notice, CancellationToken cancellationToken)
    {
        Notice = CircleText.Notice(notice);
        await audit.RecordAsync(User, CircleAuditActions.ViewedQueue, subjectResidentId: null, reason: null, cancellationToken);
        Dashboard = await queries.DashboardAsync(cancellationToken);
    }

    /// <summary>Marks an item done; on a call to a requester whose task is done, also passes on the thanks they gave on the phone.</summary>
    public async Task<IActionResult> OnPostResolveAsync(long itemId, string? outcome, string? thanks, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(thanks) && await queries.QueueItemAsync(itemId, cancellationToken) is { RequestId: { } requestId, ResidentId: { } requesterId })
        {
            var sent = await tasks.ThankAsync(requestId, requesterId, thanks, cancellationToken);
            if (sent.Succeeded)
            {
                await audit.RecordAsync(User, CircleAuditActions.PassedOnThanks, requesterId, $"Thanks for help request {requestId}, given on the phone", cancellationToken);
            }
        }
        await tasks.ResolveAsync(itemId, identity.AccountId(User)!, string.IsNullOrWhiteSpace(outcome) ? "Done" : outcome, cancellationToken);
        return Redirect("/circle/coordinator?notice=resolved");
    }
}
