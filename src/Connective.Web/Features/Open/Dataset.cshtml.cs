using Connective.Web.Platform.OpenData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Open;

public sealed class DatasetModel(OpenDataCatalogue catalogue) : PageModel
{
    public OpenDatasetSummary Summary { get; private set; } = null!;

    public IReadOnlyList<OpenColumn> Columns { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string dataset, CancellationToken cancellationToken)
    {
        if (catalogue.Find(dataset) is not { } found)
        {
            return NotFound();
        }
        Summary = await OpenApi.SummaryAsync(catalogue, found, cancellationToken);
        Columns = found.Info.Columns;
        return Page();
    }
}
