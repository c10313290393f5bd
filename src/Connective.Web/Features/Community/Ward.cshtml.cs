using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Community;

public sealed class WardModel(CommunityQueries queries, IHostEnvironment environment) : PageModel
{
    public WardDetail Ward { get; private set; } = null!;
    public bool ShowsNamedPeople { get; } = CommunityFeature.ShowsNamedPeople(environment);
    public IReadOnlyList<ResidentListItem> Residents { get; private set; } = [];
    public int CurrentPage { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(string code, [FromQuery] int? page, CancellationToken cancellationToken)
    {
        var ward = await queries.WardAsync(code, cancellationToken);
        if (ward is null)
        {
            return NotFound();
        }
        Ward = ward;
        if (ShowsNamedPeople)
        {
            PageCount = Math.Max(1, (ward.Summary.Residents + CommunityQueries.ResidentsPerPage - 1) / CommunityQueries.ResidentsPerPage);
            CurrentPage = Math.Clamp(page ?? 1, 1, PageCount);
            Residents = await queries.ResidentsOfWardAsync(ward.Summary.Id, CurrentPage, cancellationToken);
        }
        return Page();
    }
}
