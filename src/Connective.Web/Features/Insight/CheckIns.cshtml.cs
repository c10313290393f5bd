using Connective.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Insight;

/// <summary>The widow effect: the recently bereaved and their close ties, to check in on. Each person shown is audited.</summary>
[Authorize(Policy = InsightPolicies.Staff)]
public sealed class CheckInsModel(InsightQueries queries, RoleScopes scopes, InsightAudit audit) : PageModel
{
    public CheckInList List { get; private set; } = null!;
    public InsightBasis Basis { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = await InsightScope.ForAsync(scopes, User, cancellationToken);
        List = await queries.CheckInsAsync(scope, cancellationToken);
        Basis = new InsightBasis(List.Snapshot, List.Coverage, scope.BoroughWide ? "The borough" : "Your wards");
        await audit.ListedAsync(User, List.People.Select(person => person.ResidentId), "Insight check-in list", cancellationToken);
    }
}
