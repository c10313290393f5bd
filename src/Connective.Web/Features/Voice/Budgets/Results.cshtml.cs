using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Voice.Budgets;

/// <summary>The results of a closed budget, counted by the rule it declared, with the reasons in words.</summary>
public sealed class ResultsModel(BudgetProcesses processes, BudgetCount count) : PageModel
{
    public ProcessView Process { get; private set; } = null!;
    public CountedProcess? Counted { get; private set; }
    public IReadOnlyList<ResultRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await processes.FindAsync(id, cancellationToken) is not { } process)
        {
            return NotFound();
        }
        Process = process;
        Counted = await count.CountAsync(id, cancellationToken);
        if (Counted is not null)
        {
            var funded = Counted.Explanation.Result.Selected.Select(project => project.Id).ToHashSet();
            Rows = [.. Counted.Explanation.Projects.Select(project =>
            {
                var view = process.Project(int.Parse(project.Id, System.Globalization.CultureInfo.InvariantCulture))!;
                return new ResultRow(view.Title, view.CostPence, project.Votes, funded.Contains(project.Id), project.Reason);
            })];
        }
        return Page();
    }
}

public sealed record ResultRow(string Title, long CostPence, int Votes, bool Funded, string Reason);
