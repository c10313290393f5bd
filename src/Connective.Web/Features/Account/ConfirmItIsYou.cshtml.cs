using Connective.Web.Infrastructure;
using Connective.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Connective.Web.Features.Account;

/// <summary>
/// Re-authentication before an export (the <see cref="RecentSignIn"/> policy sends people here): the password and, when the
/// account has an authenticator app, a code from it; or one of the account's own passkeys. Success refreshes the time the
/// session last proved who it is, then returns to the export.
/// </summary>
[Authorize]
[EnableRateLimiting(AccountFeature.FormsRateLimit)]
public sealed class ConfirmItIsYouModel(ConnectiveSignInManager signIn) : PageModel
{
    public const string FailedMessage = "Enter your correct password and a current code from your authenticator app";

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? CredentialJson { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool NeedsCode { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        NeedsCode = await signIn.UserManager.GetTwoFactorEnabledAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var users = signIn.UserManager;
        NeedsCode = await users.GetTwoFactorEnabledAsync(user);
        // The password check counts towards lockout, like a sign-in.
        var password = string.IsNullOrEmpty(Password) ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
        var code = new string((Code ?? "").Where(char.IsAsciiDigit).ToArray());
        // The code is checked only after a right password: each code works once, and one typed beside a mistyped password
        // should not be spent.
        var codeOk = !NeedsCode || (password.Succeeded && code.Length == 6 && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code));
        if (!password.Succeeded || !codeOk)
        {
            ModelState.AddModelError(nameof(Password), FailedMessage);
            return Page();
        }
        await signIn.ConfirmedAgainAsync(user);
        return LocalRedirect(ReturnUrls.Safe(ReturnUrl));
    }

    /// <summary>WebAuthn request options limited to this account's passkeys.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        return user is null ? Challenge() : Content(await signIn.MakePasskeyRequestOptionsAsync(user), "application/json");
    }

    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        NeedsCode = await signIn.UserManager.GetTwoFactorEnabledAsync(user);
        var assertion = string.IsNullOrEmpty(CredentialJson) ? null : await signIn.PerformPasskeyAssertionAsync(CredentialJson);
        if (assertion is not { Succeeded: true } || assertion.User.Id != user.Id)
        {
            ModelState.AddModelError("passkey", "That passkey does not belong to your account, or it could not be checked. Try again.");
            return Page();
        }
        await signIn.UserManager.AddOrUpdatePasskeyAsync(user, assertion.Passkey);
        await signIn.ConfirmedAgainAsync(user);
        return LocalRedirect(ReturnUrls.Safe(ReturnUrl));
    }
}
