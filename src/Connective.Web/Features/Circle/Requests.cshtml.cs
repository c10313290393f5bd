using Connective.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Circle;

/// <summary>A resident's own requests, each with every update we sent them, and a way to cancel.</summary>
[Authorize]
public sealed class RequestsModel(CircleTasks tasks, CircleQueries queries, CurrentPerson identity) : PageModel
{
    public IReadOnlyList<MyRequestView> Requests { get; private set; } = [];
    public bool HasResidentRecord { get; private set; }
    public string? Notice { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(string? notice, CancellationToken cancellationToken)
    {
        Notice = CircleText.Notice(notice);
        if (await identity.ResidentIdAsync(User, cancellationToken) is { } residentId)
        {
            HasResidentRecord = true;
            Requests = await queries.RequestsOfAsync(residentId, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostThankAsync(long requestId, string? message, CancellationToken cancellationToken)
    {
        if (await identity.ResidentIdAsync(User, cancellationToken) is not { } residentId)
        {
            return NotFound();
        }
        var outcome = await tasks.ThankAsync(requestId, residentId, message ?? "", cancellationToken);
        if (outcome.Succeeded)
        {
            return RedirectToPage("/Circle/Requests", new { notice = "thanked" });
        }
        Problem = outcome.Message;
        HasResidentRecord = true;
        Requests = await queries.RequestsOfAsync(residentId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(long requestId, CancellationToken cancellationToken)
    {
        if (await identity.ResidentIdAsync(User, cancellationToken) is { } residentId
            && (await queries.RequestsOfAsync(residentId, cancellationToken)).Any(request => request.Id == requestId))
        {
            await tasks.CancelAsync(requestId, "cancelled by the requester", cancellationToken);
            return RedirectToPage("/Circle/Requests", new { notice = "cancelled" });
        }
        return NotFound();
    }
}
