using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Services;

/// <summary>A service's dashboard: published figures for the public, exact ones for service managers; live.</summary>
public sealed class DashboardModel(ServiceDashboards dashboards) : PageModel
{
    public Guid Id { get; private set; }
    public Dashboard? Dashboard { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        Dashboard = await dashboards.ForServiceAsync(id, ServicesPolicies.IsManager(User), cancellationToken);
        return Dashboard is null ? NotFound() : Page();
    }

    /// <summary>The figures alone, for the live update to swap in.</summary>
    public async Task<IActionResult> OnGetFiguresAsync(Guid id, CancellationToken cancellationToken) =>
        await dashboards.ForServiceAsync(id, ServicesPolicies.IsManager(User), cancellationToken) is { } dashboard
            ? Partial("_DashboardFigures", dashboard)
            : NotFound();
}
