using System.ComponentModel.DataAnnotations;
using Connective.Web.Data;
using Connective.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Admin;

/// <summary>Admins grant and revoke roles, in one ward or borough-wide; every change is audited (RoleGranted, RoleRevoked).</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class RolesModel(RoleGrants grants, AppDbContext db) : PageModel
{
    public const int MaxShown = 500;

    public sealed record WardOption(int Id, string Name, string Code);

    public IReadOnlyList<HeldRole> Held { get; private set; } = [];
    public IReadOnlyList<WardOption> Wards { get; private set; } = [];
    public string? Done { get; private set; }

    [BindProperty]
    [StringLength(Account.SignUpModel.MaxEmailLength, ErrorMessage = Account.SignUpModel.EmailTooLongMessage)]
    public string? Email { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    /// <summary>The ward id, or empty for the whole borough.</summary>
    [BindProperty]
    public int? WardId { get; set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Done = done;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostGrantAsync(CancellationToken cancellationToken)
    {
        // Granting or revoking a role changes who sees named people: it asks for a recent sign-in.
        if (Platform.Access.RecentSignIn.ConfirmFirst(this) is { } confirmFirst)
        {
            return confirmFirst;
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        var error = string.IsNullOrWhiteSpace(Email) ? "Enter the e-mail address of the account"
            : await grants.GrantAsync(User, Email, Role ?? "", WardId, cancellationToken);
        if (error is not null)
        {
            ModelState.AddModelError(error.StartsWith("Choose a role", StringComparison.Ordinal) ? nameof(Role)
                : error.StartsWith("Choose a ward", StringComparison.Ordinal) ? nameof(WardId) : nameof(Email), error);
            await LoadAsync(cancellationToken);
            return Page();
        }
        return RedirectToPage(new { done = "granted" });
    }

    public async Task<IActionResult> OnPostRevokeAsync(string userId, string role, int? wardId, CancellationToken cancellationToken)
    {
        if (Platform.Access.RecentSignIn.ConfirmFirst(this) is { } confirmFirst)
        {
            return confirmFirst;
        }
        var error = await grants.RevokeAsync(User, userId, role, wardId, cancellationToken);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Email), error);
            await LoadAsync(cancellationToken);
            return Page();
        }
        return RedirectToPage(new { done = "revoked" });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Held = await grants.HeldRolesAsync(MaxShown, cancellationToken);
        Wards = await db.Wards.AsNoTracking().OrderBy(ward => ward.Name)
            .Select(ward => new WardOption(ward.Id, ward.Name, ward.Code)).ToListAsync(cancellationToken);
    }
}
