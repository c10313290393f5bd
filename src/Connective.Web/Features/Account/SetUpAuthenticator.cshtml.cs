using System.Security.Claims;
using System.Text;
using Connective.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Connective.Web.Features.Account;

/// <summary>
/// Adds an authenticator app (TOTP, RFC 6238) to an account: the key to type into the app, then one code from it to prove
/// it works, then ten recovery codes shown once. Open to a signed-in person without one, and to a staff member in the
/// enrolment session the password step gives when their account has no second factor yet: the code from the app is
/// their second factor, so they leave this page signed in.
/// </summary>
[EnableRateLimiting(AccountFeature.FormsRateLimit)]
public sealed class SetUpAuthenticatorModel(SignInManager<ConnectiveUser> signIn, Outbox outbox) : PageModel
{
    public const int RecoveryCodeCount = 10;
    public const string WrongCodeMessage = "Enter the 6-digit code your authenticator app shows for the key above";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public PageState State { get; private set; }

    /// <summary>The key in groups of four, as people type it into an app.</summary>
    public string? GroupedKey { get; private set; }

    /// <summary>The otpauth:// address that authenticator apps accept as a link or a QR code.</summary>
    public string? AuthenticatorUri { get; private set; }

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var (user, enrolling) = await AccountAsync();
        if (user is null || await signIn.UserManager.GetTwoFactorEnabledAsync(user))
        {
            State = user is null ? PageState.NoAccount : PageState.AlreadySetUp;
            return Page();
        }
        await LoadKeyAsync(user, enrolling);
        State = PageState.Enter;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (user, enrolling) = await AccountAsync();
        if (user is null || await signIn.UserManager.GetTwoFactorEnabledAsync(user))
        {
            State = user is null ? PageState.NoAccount : PageState.AlreadySetUp;
            return Page();
        }
        var users = signIn.UserManager;
        var code = new string((Code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (code.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), WrongCodeMessage);
            await LoadKeyAsync(user, enrolling);
            State = PageState.Enter;
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        if (enrolling)
        {
            await EnrolmentSession.EndAsync(HttpContext);
            // Password, then a code from the app: that is a two-factor sign-in, recorded as such.
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SecondFactor.MethodClaim, "mfa")]);
        }
        else
        {
            await signIn.RefreshSignInAsync(user);
        }
        // Tell the address's owner, so that an authenticator added by someone who knew the password does not go unnoticed.
        await outbox.SendAsync(user.Email!, "An authenticator app was added to your Connective account",
            "An authenticator app was just set up for your account. If this was not you, contact your administrator at once: " +
            "someone knows your password.", appPath: null, cancellationToken);
        State = PageState.Done;
        return Page();
    }

    private async Task<(ConnectiveUser? User, bool Enrolling)> AccountAsync()
    {
        if (await EnrolmentSession.UserIdAsync(HttpContext) is { } enrolling
            && await signIn.UserManager.FindByIdAsync(enrolling) is { } enrolled
            && !await SecondFactor.HasSecondFactorAsync(signIn.UserManager, enrolled))
        {
            return (enrolled, true);
        }
        return (User.Identity?.IsAuthenticated == true ? await signIn.UserManager.GetUserAsync(User) : null, false);
    }

    private async Task LoadKeyAsync(ConnectiveUser user, bool enrolling)
    {
        var users = signIn.UserManager;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            if (!enrolling)
            {
                await signIn.RefreshSignInAsync(user); // the reset changed the security stamp the session carries
            }
        }
        GroupedKey = Grouped(key!);
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("Connective:" + user.Email)}?secret={key}&issuer=Connective&digits=6";
    }

    private static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }

    public enum PageState
    {
        NoAccount,
        AlreadySetUp,
        Enter,
        Done,
    }
}
