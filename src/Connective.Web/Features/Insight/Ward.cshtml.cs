using Connective.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Insight;

/// <summary>A ward in Insight: its figures beside the borough's, its communities and the bridges between them, and its brokers.</summary>
[Authorize(Policy = InsightPolicies.Staff)]
public sealed class WardModel(InsightQueries queries, RoleScopes scopes, InsightAudit audit) : PageModel
{
    public InsightWard Ward { get; private set; } = null!;
    public WardInsight Insight { get; private set; } = null!;
    public BrokerList Brokers { get; private set; } = null!;
    public InsightBasis Basis { get; private set; } = null!;

    /// <summary>The figures compared in the picture and its table: name, ward value, borough value, as a share (0..1) or not.</summary>
    public IReadOnlyList<(string Name, double Ward, double Borough, bool Share)> Comparison { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var ward = await queries.WardAsync(code, cancellationToken);
        if (ward is null)
        {
            return NotFound();
        }
        if (!(await InsightScope.ForAsync(scopes, User, cancellationToken)).Covers(ward.Id))
        {
            return Forbid();
        }
        Ward = ward;
        Insight = await queries.WardInsightAsync(ward, cancellationToken);
        Brokers = await queries.BrokersAsync(ward, cancellationToken);
        Basis = new InsightBasis(Insight.Snapshot, Insight.Coverage, ward.Name);
        var (w, b) = (Insight.Ward, Insight.Borough);
        Comparison =
        [
            ("Average ties a person", w.MeanTies, b.MeanTies, false),
            ("Average reach within two steps", w.MeanReachWithinTwoSteps, b.MeanReachWithinTwoSteps, false),
            ("People with no ties", w.ShareWithNoTies, b.ShareWithNoTies, true),
            ("People with little reach", w.ShareWithLowReach, b.ShareWithLowReach, true),
        ];
        await audit.ListedAsync(User, Brokers.People.Select(person => person.ResidentId), "Insight brokers list", cancellationToken);
        return Page();
    }
}
