using System.ComponentModel.DataAnnotations;
using System.Text;
using Connective.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;

namespace Connective.Web.Features.Account;

[EnableRateLimiting(AccountFeature.FormsRateLimit)]
public sealed class ResetPasswordModel(UserManager<ConnectiveUser> users, Platform.Audit.AuditLog audit) : PageModel
{
    public const string InvalidLinkMessage = "The link has expired or is not valid for this e-mail address. Ask for a new link";

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    [StringLength(SignUpModel.MaxEmailLength, ErrorMessage = SignUpModel.EmailTooLongMessage)]
    [Required(ErrorMessage = "Enter your e-mail address")]
    public string? Email { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter a new password")]
    public string? Password { get; set; }

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Code) || !ModelState.IsValid)
        {
            return Page();
        }
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Code));
        }
        catch (FormatException)
        {
            ModelState.AddModelError(nameof(Email), InvalidLinkMessage);
            return Page();
        }
        var user = await users.FindByEmailAsync(Email!.Trim());
        if (user is null)
        {
            // The same answer as a wrong token, so the form does not reveal which addresses have accounts.
            ModelState.AddModelError(nameof(Email), InvalidLinkMessage);
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, token, Password!);
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password) : nameof(Email),
                error.Code == "InvalidToken" ? InvalidLinkMessage : error.Description);
        }
        Done = result.Succeeded;
        await audit.AccountEventAsync(Done ? Platform.Audit.AuditActions.PasswordReset : Platform.Audit.AuditActions.PasswordResetFailed, user.Id, cancellationToken);
        return Page();
    }
}
