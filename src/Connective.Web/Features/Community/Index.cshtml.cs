using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Community;

public sealed class IndexModel(CommunityQueries queries) : PageModel
{
    public IReadOnlyList<WardSummary> Wards { get; private set; } = [];
    public WardNetworkStatistics Borough { get; private set; } = new(0, 0, 0, 0, 0);
    public int Residents { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Wards = await queries.WardsAsync(cancellationToken);
        Borough = await queries.BoroughNetworkAsync(cancellationToken);
        Residents = Wards.Sum(ward => ward.Residents);
    }
}
