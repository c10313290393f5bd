using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Voice.Budgets;

/// <summary>The confirmation: the receipt, shown once.</summary>
[Authorize]
public sealed class VoteDoneModel(BudgetProcesses processes) : PageModel
{
    public ProcessView Process { get; private set; } = null!;
    public BallotReceipt? Receipt { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await processes.FindAsync(id, cancellationToken) is not { } process)
        {
            return NotFound();
        }
        Process = process;
        Receipt = VoteJourney.TakeReceipt(TempData);
        return Page();
    }
}
