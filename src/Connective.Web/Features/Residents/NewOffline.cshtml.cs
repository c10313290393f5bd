using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Residents;

/// <summary>A coordinator creates a record for a resident without a login, usually while they are on the phone.</summary>
[Authorize(Roles = ResidentAccess.StaffRoles)]
public sealed class NewOfflineModel(ResidentRecords residents, AuditLog audit, RoleScopes scopes) : PageModel
{
    [BindProperty]
    public ResidentForm Form { get; set; } = new();

    public IReadOnlyList<WardChoice> Wards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Wards = await WardsAsync(cancellationToken);

    /// <summary>A coordinator adds people only in the wards they cover.</summary>
    private async Task<IReadOnlyList<WardChoice>> WardsAsync(CancellationToken cancellationToken)
    {
        var all = await residents.WardsAsync(cancellationToken);
        return await scopes.WardsHandledAsync(User, cancellationToken) is { } handled ? [.. all.Where(ward => handled.Contains(ward.Id))] : all;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Wards = await WardsAsync(cancellationToken);
        if (Form.WardId is { } wardId && Wards.All(ward => ward.Id != wardId))
        {
            ModelState.AddModelError("Form.WardId", "Select the ward");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var resident = await residents.CreateAsync(Form.ToNewResident(), email: null, cancellationToken);
        await audit.RecordAsync(User, AuditActions.CreatedOfflineResident, resident.Id, reason: null, cancellationToken);
        return RedirectToPage("/Residents/PhoneConsent", new { id = resident.Id, created = true });
    }
}
