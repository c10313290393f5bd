using Connective.Web.Data;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.DataRights;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Account.DataRights;

/// <summary>A person asks for erasure: confirm, erase in one transaction, sign out, and show the receipt.</summary>
[Authorize]
public sealed class EraseModel(UserManager<ConnectiveUser> users, SignInManager<ConnectiveUser> signIn, PersonErasure erasure) : PageModel
{
    [BindProperty]
    public bool Confirm { get; set; }

    public ErasureReceipt? Receipt { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (RecentSignIn.ConfirmFirst(this) is { } confirmFirst)
        {
            return confirmFirst;
        }
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), "Tick the box to confirm you want your data erased");
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Receipt = await erasure.EraseAsync(User, new DataSubject(user.ResidentId, user.Id), cancellationToken);
        await signIn.SignOutAsync();
        // Shown, not redirected to: after erasure there is nothing left to look the receipt up by.
        return Page();
    }
}
