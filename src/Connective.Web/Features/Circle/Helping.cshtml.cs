using Connective.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Circle;

/// <summary>A helper's tasks: offers to accept or decline, accepted tasks to check in to and out of (with money handled).</summary>
[Authorize]
public sealed class HelpingModel(CircleTasks tasks, CircleQueries queries, CurrentPerson identity) : PageModel
{
    public IReadOnlyList<HelperTaskView> Tasks { get; private set; } = [];
    public bool IsHelper { get; private set; }
    public string? Notice { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(string? notice, CancellationToken cancellationToken)
    {
        Notice = CircleText.Notice(notice);
        await LoadAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostAcceptAsync(long requestId, CancellationToken cancellationToken) =>
        ActAsync(helperId => tasks.AcceptAsync(requestId, helperId, cancellationToken), "accepted", cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(long requestId, CancellationToken cancellationToken) =>
        ActAsync(helperId => tasks.DeclineAsync(requestId, helperId, cancellationToken), "declined", cancellationToken);

    public Task<IActionResult> OnPostCheckInAsync(long requestId, CancellationToken cancellationToken) =>
        ActAsync(helperId => tasks.CheckInAsync(requestId, helperId, cancellationToken), "checked-in", cancellationToken);

    public Task<IActionResult> OnPostCheckOutAsync(long requestId, bool handlesMoney, string? moneyGiven, string? moneySpent, string? changeReturned, bool receiptKept,
        CancellationToken cancellationToken)
    {
        MoneyHandled? money = null;
        if (handlesMoney)
        {
            var (given, spent, change) = (CircleText.ParsePence(moneyGiven), CircleText.ParsePence(moneySpent), CircleText.ParsePence(changeReturned));
            if (given is null || spent is null || change is null)
            {
                return ActAsync(_ => Task.FromResult(CircleOutcome.Invalid("Enter amounts of money in pounds, like 12.50.")), "", cancellationToken);
            }
            money = new MoneyHandled(given.Value, spent.Value, change.Value, receiptKept);
        }
        return ActAsync(helperId => tasks.CheckOutAsync(requestId, helperId, money, cancellationToken), "checked-out", cancellationToken);
    }

    public Task<IActionResult> OnPostThankAsync(long requestId, string? message, CancellationToken cancellationToken) =>
        ActAsync(helperId => tasks.ThankAsync(requestId, helperId, message ?? "", cancellationToken), "thanked", cancellationToken);

    private async Task<IActionResult> ActAsync(Func<int, Task<CircleOutcome>> action, string notice, CancellationToken cancellationToken)
    {
        if (await identity.ResidentIdAsync(User, cancellationToken) is not { } helperId)
        {
            return RedirectToPage();
        }
        var outcome = await action(helperId);
        if (outcome.Succeeded)
        {
            return RedirectToPage("/Circle/Helping", new { notice });
        }
        Problem = outcome.Message;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (await identity.ResidentIdAsync(User, cancellationToken) is { } helperId)
        {
            IsHelper = await queries.HelperProfileAsync(helperId, cancellationToken) is not null;
            Tasks = await queries.TasksOfHelperAsync(helperId, cancellationToken);
        }
    }
}
