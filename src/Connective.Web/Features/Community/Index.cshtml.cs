using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Community;

public sealed class IndexModel(CommunityQueries queries) : PageModel
{
    public IReadOnlyList<WardSummary> Wards { get; private set; } = [];
    public PublishedNetworkStatistics Borough { get; private set; } = new(0, 0, null, null, null);
    public int? Residents { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var list = await queries.WardsAsync(cancellationToken);
        Wards = list.Wards;
        Borough = list.Borough;
        Residents = list.Residents;
    }
}
