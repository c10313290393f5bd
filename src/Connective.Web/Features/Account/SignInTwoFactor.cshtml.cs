using Connective.Web.Data;
using Connective.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Connective.Web.Features.Account;

/// <summary>
/// The second step of a sign-in for an account with an authenticator app: a six-digit code, or one of the recovery codes
/// (each works once). Reached only with the short-lived cookie the password step leaves.
/// </summary>
[EnableRateLimiting(AccountFeature.FormsRateLimit)]
public sealed class SignInTwoFactorModel(SignInManager<ConnectiveUser> signIn) : PageModel
{
    public const string WrongCodeMessage = "Enter the 6-digit code your authenticator app shows now";
    public const string WrongRecoveryCodeMessage = "Enter one of your recovery codes that you have not used before";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>False when there is no sign-in waiting for a second factor (it expired, or the page was opened directly).</summary>
    public bool IsPending { get; private set; }

    public async Task OnGetAsync() => IsPending = await PendingUserAsync() is not null;

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PendingUserAsync() is null)
        {
            return Page();
        }
        IsPending = true;
        var code = new string((Code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (code.Length == 6)
        {
            var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
            if (result.Succeeded)
            {
                return LocalRedirect(ReturnUrls.Safe(ReturnUrl));
            }
        }
        ModelState.AddModelError(nameof(Code), WrongCodeMessage);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        if (await PendingUserAsync() is null)
        {
            return Page();
        }
        IsPending = true;
        var code = (RecoveryCode ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        if (code.Length > 0)
        {
            var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
            if (result.Succeeded)
            {
                return LocalRedirect(ReturnUrls.Safe(ReturnUrl));
            }
        }
        ModelState.AddModelError(nameof(RecoveryCode), WrongRecoveryCodeMessage);
        return Page();
    }

    /// <summary>An enrolment session is not a sign-in waiting for a code: its account has no authenticator yet.</summary>
    private async Task<ConnectiveUser?> PendingUserAsync() =>
        await EnrolmentSession.IsEnrolmentAsync(HttpContext) ? null : await signIn.GetTwoFactorAuthenticationUserAsync();
}
