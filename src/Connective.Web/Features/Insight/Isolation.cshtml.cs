using Connective.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Insight;

/// <summary>Isolation and risk: people with no ties or little reach, recent life events first, then the oldest. Each person shown is audited.</summary>
[Authorize(Policy = InsightPolicies.Staff)]
public sealed class IsolationModel(InsightQueries queries, RoleScopes scopes, InsightAudit audit) : PageModel
{
    public IsolationList List { get; private set; } = null!;
    public IReadOnlyList<InsightWard> Wards { get; private set; } = [];
    public InsightBasis Basis { get; private set; } = null!;
    public string? WardCode { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? ward, int? page, CancellationToken cancellationToken)
    {
        var scope = await InsightScope.ForAsync(scopes, User, cancellationToken);
        Wards = await queries.WardsAsync(scope, cancellationToken);
        InsightWard? chosen = null;
        if (!string.IsNullOrEmpty(ward))
        {
            chosen = await queries.WardAsync(ward, cancellationToken);
            if (chosen is null)
            {
                return NotFound();
            }
            if (!scope.Covers(chosen.Id))
            {
                return Forbid();
            }
        }
        WardCode = chosen?.Code;
        List = await queries.IsolationAsync(scope, chosen, page ?? 1, cancellationToken);
        Basis = new InsightBasis(List.Snapshot, List.Coverage, chosen?.Name ?? (scope.BoroughWide ? "The borough" : "Your wards"));
        await audit.ListedAsync(User, List.People.Select(person => person.ResidentId), "Insight isolation list", cancellationToken);
        return Page();
    }
}
