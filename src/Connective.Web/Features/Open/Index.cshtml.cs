using Connective.Web.Platform.OpenData;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Open;

public sealed class IndexModel(OpenDataCatalogue catalogue) : PageModel
{
    public IReadOnlyList<OpenDatasetSummary> Datasets { get; private set; } = [];

    public bool MayUpload { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var datasets = new List<OpenDatasetSummary>();
        foreach (var dataset in catalogue.All)
        {
            datasets.Add(await OpenApi.SummaryAsync(catalogue, dataset, cancellationToken));
        }
        Datasets = datasets;
        MayUpload = OpenPolicies.OfficerRoles.Any(User.IsInRole);
    }
}
