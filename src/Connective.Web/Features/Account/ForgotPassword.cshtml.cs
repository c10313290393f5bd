using System.ComponentModel.DataAnnotations;
using System.Text;
using Connective.Web.Data;
using Connective.Web.Infrastructure;
using Connective.Web.Platform.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;

namespace Connective.Web.Features.Account;

[EnableRateLimiting(AccountFeature.FormsRateLimit)]
public sealed class ForgotPasswordModel(UserManager<ConnectiveUser> users, Outbox outbox, PublicLinks links, Platform.Audit.AuditLog audit) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your e-mail address")]
    [StringLength(SignUpModel.MaxEmailLength, ErrorMessage = SignUpModel.EmailTooLongMessage)]
    [EmailAddress(ErrorMessage = "Enter an e-mail address in the correct format, like name@example.com")]
    public string? Email { get; set; }

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
        // Only a confirmed address gets a link; every address gets the same answer.
        if (await users.FindByEmailAsync(email) is { EmailConfirmed: true } user)
        {
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            await outbox.SendAsync(email, "Reset your Connective password",
                "Follow the link to choose a new password. If you did not ask for this, you can ignore this e-mail.",
                links.PathToPage("/Account/ResetPassword", new { code }), cancellationToken);
            await audit.AccountEventAsync(Platform.Audit.AuditActions.PasswordResetRequested, user.Id, cancellationToken);
        }
        return RedirectToPage("/Account/CheckEmail");
    }
}
