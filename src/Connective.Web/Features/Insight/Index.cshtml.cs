using Connective.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Insight;

/// <summary>Insight's front page: the wards the viewer may see, who is left out for lack of consent, and how old the figures are.</summary>
[Authorize(Policy = InsightPolicies.Staff)]
public sealed class IndexModel(InsightQueries queries, RoleScopes scopes) : PageModel
{
    public InsightSummary Summary { get; private set; } = null!;
    public InsightBasis Basis { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = await InsightScope.ForAsync(scopes, User, cancellationToken);
        Summary = await queries.SummaryAsync(scope, cancellationToken);
        Basis = new InsightBasis(Summary.Snapshot, Summary.Coverage, scope.BoroughWide ? "The borough" : "Your wards");
    }
}
