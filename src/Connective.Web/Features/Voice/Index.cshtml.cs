using Connective.Web.Features.Voice.Budgets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Voice;

/// <summary>Voice's front page: every budget, with where it is in its life.</summary>
public sealed class IndexModel(BudgetProcesses processes, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<ProcessView> Processes { get; private set; } = [];
    public bool IsBudgetOfficer { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Processes = await processes.ListAsync(cancellationToken);
        IsBudgetOfficer = User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(User, VoicePolicies.BudgetOfficer)).Succeeded;
    }
}
