using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Services;

public sealed class WardsModel(ServiceSearchPage search) : PageModel
{
    public IReadOnlyList<WardOption> Wards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Wards = await search.WardsAsync(cancellationToken);
}
