using System.ComponentModel.DataAnnotations;
using Connective.Web.Data;
using Connective.Web.Demo;
using Connective.Web.Infrastructure;
using Connective.Web.Platform.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Account;

/// <summary>A demo account as the sign-in page of a demo database lists it; staff accounts show their authenticator key and code.</summary>
public sealed record DemoAccountRow(string Role, string Email, string? AuthenticatorKey, string? CurrentCode);

[EnableRateLimiting(AccountFeature.FormsRateLimit)]
public sealed class SignInModel(SignInManager<ConnectiveUser> signIn, AppDbContext db, TimeProvider time, Platform.Audit.AuditLog audit, SignInThrottle throttle) : PageModel
{
    /// <summary>
    /// The one message for every failed sign-in: wrong password, unknown address, unconfirmed or locked account alike,
    /// so the page never tells anyone whether an address is registered.
    /// </summary>
    public const string FailedMessage = "Enter a correct e-mail address and password";

    /// <summary>Shown only after a correct password, to staff whose only second factor is a passkey.</summary>
    public const string UsePasskeyMessage = "Your account uses a passkey: sign in with your passkey";

    public const string PasskeyFailedMessage = "That passkey could not sign you in. Try again, or sign in with your e-mail address and password";

    private static readonly ConnectiveUser TimingDecoy = new() { UserName = "timing-decoy" };
    private static readonly string TimingDecoyHash = new PasswordHasher<ConnectiveUser>().HashPassword(TimingDecoy, Guid.NewGuid().ToString());

    [BindProperty]
    [StringLength(SignUpModel.MaxEmailLength, ErrorMessage = SignUpModel.EmailTooLongMessage)]
    [Required(ErrorMessage = "Enter your e-mail address")]
    public string? Email { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter your password")]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<DemoAccountRow> DemoAccountList { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadDemoAccountsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var email = Email!.Trim();
            var user = await signIn.UserManager.FindByNameAsync(email);
            var isStaff = user is not null && await SecondFactor.IsStaffAsync(signIn.UserManager, user);
            if (!isStaff && throttle.MustWait(email))
            {
                // Refused without looking at the password, and answered as any failure is: the page's hint says to wait.
                await audit.AccountEventAsync(Platform.Audit.AuditActions.SignInFailed, user?.Id, cancellationToken);
                ModelState.AddModelError(nameof(Email), FailedMessage);
                await LoadDemoAccountsAsync(cancellationToken);
                return Page();
            }
            if (user is null)
            {
                // Spend the time a password check takes, so that the response time does not tell unknown addresses apart.
                signIn.UserManager.PasswordHasher.VerifyHashedPassword(TimingDecoy, TimingDecoyHash, Password!);
                await audit.AccountEventAsync(Platform.Audit.AuditActions.SignInFailed, accountId: null, cancellationToken);
            }
            else if (isStaff && !await signIn.UserManager.GetTwoFactorEnabledAsync(user))
            {
                // Staff without an authenticator app never get a session from a password alone.
                var check = await signIn.CheckPasswordSignInAsync(user, Password!, lockoutOnFailure: true);
                if (check.Succeeded)
                {
                    if ((await signIn.UserManager.GetPasskeysAsync(user)).Count > 0)
                    {
                        ModelState.AddModelError(nameof(Email), UsePasskeyMessage);
                        await LoadDemoAccountsAsync(cancellationToken);
                        return Page();
                    }
                    // No second factor yet: a short, limited session that can only set up an authenticator app.
                    await EnrolmentSession.StartAsync(HttpContext, user);
                    return RedirectToPage("/Account/SetUpAuthenticator", new { returnUrl = ReturnUrls.Safe(ReturnUrl) });
                }
                ModelState.AddModelError(nameof(Email), FailedMessage);
                await LoadDemoAccountsAsync(cancellationToken);
                return Page();
            }
            // Staff accounts lock after repeated failures; residents are only slowed down (SignInThrottle), so nobody
            // can keep a resident out of their own account by typing wrong passwords.
            var result = user is null
                ? Microsoft.AspNetCore.Identity.SignInResult.Failed
                : await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: isStaff);
            if (result.Succeeded)
            {
                throttle.Succeeded(email);
                return LocalRedirect(ReturnUrls.Safe(ReturnUrl));
            }
            if (result.RequiresTwoFactor)
            {
                throttle.Succeeded(email);
                return RedirectToPage("/Account/SignInTwoFactor", new { returnUrl = ReturnUrls.Safe(ReturnUrl) });
            }
            if (!isStaff)
            {
                throttle.Failed(email);
            }
            ModelState.AddModelError(nameof(Email), FailedMessage);
        }
        await LoadDemoAccountsAsync(cancellationToken);
        return Page();
    }

    /// <summary>The WebAuthn request options for a passkey sign-in (JSON for the page's script), any account's passkey.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(user: null), "application/json");

    public async Task<IActionResult> OnPostPasskeyAsync(string? credentialJson, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!string.IsNullOrEmpty(credentialJson))
        {
            var result = await signIn.PasskeySignInAsync(credentialJson);
            if (result.Succeeded)
            {
                return LocalRedirect(ReturnUrls.Safe(ReturnUrl));
            }
        }
        ModelState.AddModelError("passkey", PasskeyFailedMessage);
        await LoadDemoAccountsAsync(cancellationToken);
        return Page();
    }

    /// <summary>Demo accounts are listed only when the database says it is a demo database, whatever the environment.</summary>
    private async Task LoadDemoAccountsAsync(CancellationToken cancellationToken)
    {
        var isDemo = await db.DatabaseInfo.AsNoTracking().AnyAsync(info => info.IsDemo, cancellationToken);
        if (!isDemo)
        {
            return;
        }
        var demo = await db.Users.AsNoTracking().Where(user => user.IsDemoAccount).Select(user => user.Email!).ToListAsync(cancellationToken);
        DemoAccountList = [.. Roles.All
            .Where(role => demo.Contains(DemoAccounts.EmailFor(role)))
            .Select(role => SecondFactor.StaffRoles.Contains(role)
                ? new DemoAccountRow(role, DemoAccounts.EmailFor(role), DemoAccounts.AuthenticatorKeyFor(role), DemoAccounts.CurrentCodeFor(role, time))
                : new DemoAccountRow(role, DemoAccounts.EmailFor(role), null, null))];
    }
}
