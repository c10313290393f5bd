using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Services;

/// <summary>A ward's services dashboard: published for the public, exact for service managers; live.</summary>
public sealed class WardDashboardModel(Data.AppDbContext db, ServiceDashboards dashboards) : PageModel
{
    public string Code { get; private set; } = "";
    public int WardId { get; private set; }
    public Dashboard? Dashboard { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        Code = code;
        Dashboard = await LoadAsync(code, cancellationToken);
        return Dashboard is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnGetFiguresAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) is { } dashboard ? Partial("_DashboardFigures", dashboard) : NotFound();

    private async Task<Dashboard?> LoadAsync(string code, CancellationToken ct)
    {
        if (await db.Wards.Where(w => w.Code == code).Select(w => (int?)w.Id).SingleOrDefaultAsync(ct) is not { } wardId)
        {
            return null;
        }
        WardId = wardId;
        return await dashboards.ForWardAsync(wardId, ServicesPolicies.IsManager(User), ct);
    }
}
