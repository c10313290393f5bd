using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Services;

/// <summary>The public ledger of pilots.</summary>
public sealed class PilotsModel(ServicePilots pilots) : PageModel
{
    public IReadOnlyList<PilotView> Pilots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Pilots = await pilots.LedgerAsync(cancellationToken);
}
