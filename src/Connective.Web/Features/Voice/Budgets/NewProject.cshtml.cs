using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Voice.Budgets;

/// <summary>A budget officer puts a reviewed project, with its cost, on a ballot before voting opens.</summary>
[Authorize(Policy = VoicePolicies.BudgetOfficer)]
public sealed class NewProjectModel(BudgetProcesses processes) : PageModel
{
    public ProcessView Process { get; private set; } = null!;
    public string? Title { get; private set; }
    public string? Description { get; private set; }
    public string? CostPounds { get; private set; }
    public VoiceRefusedException? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await processes.FindAsync(id, cancellationToken) is not { } process)
        {
            return NotFound();
        }
        Process = process;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? title, string? description, string? costPounds, CancellationToken cancellationToken)
    {
        if (await processes.FindAsync(id, cancellationToken) is not { } process)
        {
            return NotFound();
        }
        (Process, Title, Description, CostPounds) = (process, title, description, costPounds);
        try
        {
            var cost = long.TryParse(costPounds?.Replace(",", "", StringComparison.Ordinal).TrimStart('£').Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pounds) ? pounds : (long?)null;
            await processes.AddProjectAsync(id, new ProjectInput(title, description, cost), cancellationToken);
            return Redirect(VoiceLinks.Budget(id));
        }
        catch (VoiceRefusedException refusal)
        {
            Error = refusal;
            return Page();
        }
    }
}
