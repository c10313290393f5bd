using Connective.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Insight;

/// <summary>
/// The network map of a ward (WebGL, drawn by a script file from the JSON endpoint) and a table of the same people, by
/// resident number; names open on each person's page, which is audited.
/// </summary>
[Authorize(Policy = InsightPolicies.Staff)]
public sealed class MapModel(InsightQueries queries, RoleScopes scopes, InsightAudit audit) : PageModel
{
    public const int TablePageSize = 100;

    public IReadOnlyList<InsightWard> Wards { get; private set; } = [];
    public InsightWard? Ward { get; private set; }
    public string Measure { get; private set; } = "ties";
    public string? AgeBand { get; private set; }
    public MapData? Map { get; private set; }
    public InsightBasis? Basis { get; private set; }
    public int TablePage { get; private set; } = 1;
    public int TablePageCount { get; private set; } = 1;
    public IReadOnlyList<MapNode> TableRows { get; private set; } = [];

    public string DataUrl => $"/api/v1/insight/map?ward={Uri.EscapeDataString(Ward?.Code ?? "")}&measure={Measure}"
        + (AgeBand is null ? "" : $"&ageBand={Uri.EscapeDataString(AgeBand)}");

    public string QueryFor(int page) => $"?ward={Uri.EscapeDataString(Ward?.Code ?? "")}&measure={Measure}"
        + (AgeBand is null ? "" : $"&ageBand={Uri.EscapeDataString(AgeBand)}") + $"&page={page}#table";

    public async Task<IActionResult> OnGetAsync(string? ward, string? measure, string? ageBand, int? page, CancellationToken cancellationToken)
    {
        var scope = await InsightScope.ForAsync(scopes, User, cancellationToken);
        Wards = await queries.WardsAsync(scope, cancellationToken);
        if (!string.IsNullOrEmpty(ward))
        {
            Ward = await queries.WardAsync(ward, cancellationToken);
            if (Ward is null)
            {
                return NotFound();
            }
            if (!scope.Covers(Ward.Id))
            {
                return Forbid();
            }
        }
        Ward ??= Wards.Count > 0 ? Wards[0] : null;
        Measure = InsightQueries.Measures.Any(known => known.Key == measure) ? measure! : "ties";
        AgeBand = InsightQueries.AgeBandByName(ageBand);
        if (Ward is null)
        {
            return Page();
        }
        Map = await queries.MapAsync(scope, Ward, AgeBand, Measure, cancellationToken);
        if (Map is not null)
        {
            Basis = new InsightBasis(Map.Snapshot, Map.Coverage, Ward.Name);
            var ordered = Map.Nodes.OrderByDescending(node => node.Size).ThenBy(node => node.Id).ToList();
            TablePageCount = Math.Max(1, (ordered.Count + TablePageSize - 1) / TablePageSize);
            TablePage = Math.Clamp(page ?? 1, 1, TablePageCount);
            TableRows = ordered.Skip((TablePage - 1) * TablePageSize).Take(TablePageSize).ToList();
            await audit.MapAsync(User, $"Insight map table, {Ward.Code}", cancellationToken);
        }
        return Page();
    }
}
