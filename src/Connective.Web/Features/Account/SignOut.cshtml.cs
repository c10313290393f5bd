using Connective.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Account;

/// <summary>Signing out is a POST (with antiforgery), so a link or an image elsewhere cannot sign anyone out.</summary>
public sealed class SignOutModel(SignInManager<ConnectiveUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Home/Index");
    }
}
