using Connective.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Voice.Budgets;

/// <summary>One budget: what it is for, its dates, its projects, and the way to vote or to the results.</summary>
public sealed class BudgetModel(BudgetProcesses processes, SecretBallot ballot, CurrentPerson identity, IAuthorizationService authorization) : PageModel
{
    public ProcessView Process { get; private set; } = null!;
    public bool HasVoted { get; private set; }
    public bool IsBudgetOfficer { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await processes.FindAsync(id, cancellationToken) is not { } process)
        {
            return NotFound();
        }
        Process = process;
        if (await identity.ResidentIdAsync(User, cancellationToken) is { } residentId)
        {
            HasVoted = await ballot.HasVotedAsync(id, residentId, cancellationToken);
        }
        IsBudgetOfficer = User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(User, VoicePolicies.BudgetOfficer)).Succeeded;
        return Page();
    }
}
