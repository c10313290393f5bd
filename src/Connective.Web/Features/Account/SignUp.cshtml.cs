using System.ComponentModel.DataAnnotations;
using System.Text;
using Connective.Web.Data;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;

namespace Connective.Web.Features.Account;

[EnableRateLimiting(AccountFeature.FormsRateLimit)]
public sealed class SignUpModel(UserManager<ConnectiveUser> users, Outbox outbox) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your e-mail address")]
    [EmailAddress(ErrorMessage = "Enter an e-mail address in the correct format, like name@example.com")]
    public string? Email { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter a password")]
    public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Email!.Trim();
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            // Whoever signed up sees the same page as for a new address; only the owner of the address learns more.
            await outbox.SendAsync(email, "You already have a Connective account",
                "Someone tried to create a Connective account with this e-mail address, which already has one. " +
                "If it was you, sign in, or reset your password if you have forgotten it. If not, you can ignore this e-mail.",
                Url.Page("/Account/ForgotPassword", pageHandler: null, values: null, protocol: Request.Scheme), cancellationToken);
            return RedirectToPage("/Account/CheckEmail");
        }

        var user = new ConnectiveUser { UserName = email, Email = email };
        var created = await users.CreateAsync(user, Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password) : nameof(Email), error.Description);
            }
            return Page();
        }
        await users.AddToRoleAsync(user, Roles.Resident);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        await outbox.SendAsync(email, "Confirm your e-mail address for Connective",
            "Follow the link to confirm your e-mail address and finish creating your account.",
            Url.Page("/Account/ConfirmEmail", pageHandler: null, values: new { userId = user.Id, code }, protocol: Request.Scheme), cancellationToken);
        return RedirectToPage("/Account/CheckEmail");
    }
}
