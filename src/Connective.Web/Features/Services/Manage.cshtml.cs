using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Services;

/// <summary>The service manager's page: overdue replies flagged, and corrections to accept or decline with a reason.</summary>
[Authorize(Policy = ServicesPolicies.Manager)]
public sealed class ManageModel(ServiceReads reads, DirectoryCorrections corrections, ServiceFeedbackTasks tasks) : PageModel
{
    public IReadOnlyList<OverdueItem> Overdue { get; private set; } = [];
    public IReadOnlyList<CorrectionView> Corrections { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? notice, CancellationToken cancellationToken)
    {
        Notice = notice == "done" ? "Published." : null;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostReplyAsync(long id, string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > DirectoryLimits.Comment)
        {
            return await FailAsync("Write a reply of up to 2000 characters", cancellationToken);
        }
        return await tasks.ReplyToFeedbackAsync(id, text, cancellationToken) is null ? NotFound() : RedirectToPage(new { notice = "done" });
    }

    public async Task<IActionResult> OnPostRespondAsync(long id, string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > DirectoryLimits.Comment)
        {
            return await FailAsync("Write a response of up to 2000 characters", cancellationToken);
        }
        return await tasks.RespondToReportAsync(id, ProblemStatus.Investigating, text, cancellationToken) is null ? NotFound() : RedirectToPage(new { notice = "done" });
    }

    public async Task<IActionResult> OnPostDecideAsync(long id, bool accept, string? reason, CancellationToken cancellationToken)
    {
        var (found, refusal) = await corrections.DecideAsync(id, accept, reason ?? "", cancellationToken);
        return !found ? NotFound() : refusal is null ? RedirectToPage(new { notice = "done" }) : await FailAsync(refusal, cancellationToken);
    }

    private async Task<IActionResult> FailAsync(string error, CancellationToken ct)
    {
        Error = error;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Overdue = await reads.OverdueAsync(ct, take: 50);
        Corrections = await corrections.ListAsync(CorrectionStatus.Pending, null, ct);
    }
}
