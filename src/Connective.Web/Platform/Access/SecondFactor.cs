using System.Globalization;
using System.Security.Claims;
using Connective.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Connective.Web.Platform.Access;

/// <summary>
/// Who must prove a second factor, and what a session remembers about how it began.
/// Staff roles see named people or money, so their sign-in needs an authenticator code or a passkey on top of (or
/// instead of) a password, their sessions end after 30 minutes idle, and exports ask them to confirm it is them again.
/// </summary>
public static class SecondFactor
{
    /// <summary>
    /// Roles whose sign-in needs a second factor (an authenticator app or a passkey): every role that sees named people
    /// other than the account holder. Coordinators see named people (children included), phone numbers and certificate
    /// numbers, and act for residents; helpers are volunteers, not staff, but see the first name and home address of the
    /// person they are going to help, so an account with a guessed or reused password must not be enough for that.
    /// </summary>
    public static readonly IReadOnlyList<string> StaffRoles =
        [Roles.Helper, Roles.Coordinator, Roles.Practitioner, Roles.SafeguardingLead, Roles.BudgetOfficer, Roles.ServiceManager, Roles.Admin];

    /// <summary>
    /// How often a resident's session is checked against the account's security stamp (a staff session is checked on
    /// every request): a sign-out elsewhere, a password reset or a role change ends the session within this time.
    /// </summary>
    public static readonly TimeSpan ResidentStampCheckInterval = TimeSpan.FromMinutes(1);

    /// <summary>A staff session ends after this long without a request.</summary>
    public static readonly TimeSpan StaffIdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Residents may stay signed in longer on their own device.</summary>
    public static readonly TimeSpan ResidentIdleTimeout = TimeSpan.FromHours(8);

    /// <summary>The claim (RFC 8176 "amr") Identity adds when a sign-in used a second factor or a passkey.</summary>
    public const string MethodClaim = "amr";

    /// <summary>When the person last proved who they are (sign-in or re-authentication), as Unix seconds.</summary>
    public const string ProvedAtClaim = "connective:proved_at";

    /// <summary>The amr values this app accepts as a second factor: Identity's "mfa" (authenticator or recovery code) and a passkey.</summary>
    public static readonly IReadOnlyList<string> StrongMethods = ["mfa", PasskeyMethod];

    /// <summary>The amr value this app records for a passkey sign-in.</summary>
    public const string PasskeyMethod = "passkey";

    public static bool IsStaff(ClaimsPrincipal principal) => StaffRoles.Any(principal.IsInRole);

    public static bool UsedStrongMethod(ClaimsPrincipal principal) =>
        principal.FindAll(MethodClaim).Any(claim => StrongMethods.Contains(claim.Value));

    public static DateTimeOffset? ProvedAt(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ProvedAtClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public static async Task<bool> IsStaffAsync(UserManager<ConnectiveUser> users, ConnectiveUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return roles.Any(StaffRoles.Contains);
    }

    /// <summary>Whether the account has any second factor: an authenticator app (two-factor on) or a registered passkey.</summary>
    public static async Task<bool> HasSecondFactorAsync(UserManager<ConnectiveUser> users, ConnectiveUser user) =>
        await users.GetTwoFactorEnabledAsync(user) || (await users.GetPasskeysAsync(user)).Count > 0;

    /// <summary>
    /// The session cookie's rules, run on every request and sign-in: a staff principal that did not use a second factor is
    /// never accepted (whatever path created it), and the idle timeout follows the role.
    /// </summary>
    internal static void ConfigureSessionRules(CookieAuthenticationOptions options)
    {
        var validateSecurityStamp = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            await validateSecurityStamp(context);
            if (context.Principal is not { } principal || !IsStaff(principal))
            {
                return;
            }
            // Staff: the stamp is compared on every request, not every few minutes, so a sign-out, a reset or a role
            // change ends every copy of the session at once.
            var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<ConnectiveUser>>();
            if (!UsedStrongMethod(principal) || await signIn.ValidateSecurityStampAsync(principal) is null)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            }
        };
        options.Events.OnSigningIn = context =>
        {
            var idle = context.Principal is { } principal && IsStaff(principal) ? StaffIdleTimeout : ResidentIdleTimeout;
            // Always now: a refreshed or re-confirmed session keeps its old properties, but its idle time starts again.
            var issued = (context.Options.TimeProvider ?? context.HttpContext.RequestServices.GetRequiredService<TimeProvider>()).GetUtcNow();
            context.Properties.IssuedUtc = issued;
            context.Properties.ExpiresUtc = issued + idle;
            return Task.CompletedTask;
        };
    }

    /// <summary>Identity's periodic security-stamp check rebuilds the principal; it must keep how and when the person signed in.</summary>
    internal static void KeepSignInFacts(SecurityStampValidatorOptions options)
    {
        options.ValidationInterval = ResidentStampCheckInterval;
        options.OnRefreshingPrincipal = context =>
        {
            var kept = context.CurrentPrincipal?.Claims.Where(claim => claim.Type is MethodClaim or ProvedAtClaim).ToList() ?? [];
            if (context.NewPrincipal?.Identity is ClaimsIdentity identity)
            {
                foreach (var claim in kept.Where(claim => !identity.HasClaim(claim.Type, claim.Value)))
                {
                    identity.AddClaim(new Claim(claim.Type, claim.Value));
                }
            }
            return Task.CompletedTask;
        };
    }
}

/// <summary>
/// Identity's sign-in manager with two additions: every sign-in records when the person proved who they are (for the
/// recent-sign-in policy), a refresh keeps that time, and a passkey sign-in is marked as a strong method.
/// </summary>
public sealed class ConnectiveSignInManager(
    UserManager<ConnectiveUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ConnectiveUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ConnectiveUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ConnectiveUser> confirmation,
    TimeProvider time,
    Connective.Web.Platform.Audit.AuditLog audit)
    : SignInManager<ConnectiveUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>Every new session, whichever way it was proved (password, code, passkey), is audited as a sign-in.</summary>
    public override async Task SignInWithClaimsAsync(ConnectiveUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = additionalClaims.ToList();
        if (!claims.Exists(claim => claim.Type == SecondFactor.ProvedAtClaim))
        {
            claims.Add(ProvedNow());
        }
        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
        await audit.AccountEventAsync(Connective.Web.Platform.Audit.AuditActions.SignedIn, user.Id, Context.RequestAborted);
    }

    /// <summary>A wrong password is audited as a failed sign-in, and the failure that locks the account as a lockout.</summary>
    public override async Task<SignInResult> CheckPasswordSignInAsync(ConnectiveUser user, string password, bool lockoutOnFailure)
    {
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        await AuditFailureAsync(user, result);
        return result;
    }

    /// <summary>A wrong authenticator code counts and is audited like a wrong password.</summary>
    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var pending = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        if (pending is not null)
        {
            await AuditFailureAsync(pending, result);
        }
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var pending = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (pending is not null)
        {
            await AuditFailureAsync(pending, result);
        }
        return result;
    }

    /// <summary>Signing out ends every copy of the session: a new security stamp fails the stamp check of any cookie copied earlier.</summary>
    public override async Task SignOutAsync()
    {
        var user = await UserManager.GetUserAsync(Context.User);
        await base.SignOutAsync();
        // An account erased in this request signs out too: it has no stamp left to change and nothing to audit.
        if (user is not null && await UserManager.Users.AnyAsync(account => account.Id == user.Id, Context.RequestAborted))
        {
            await UserManager.UpdateSecurityStampAsync(user);
            await audit.AccountEventAsync(Connective.Web.Platform.Audit.AuditActions.SignedOut, user.Id, Context.RequestAborted);
        }
    }

    private async Task AuditFailureAsync(ConnectiveUser user, SignInResult result)
    {
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            return;
        }
        await audit.AccountEventAsync(result.IsLockedOut ? Connective.Web.Platform.Audit.AuditActions.LockedOut : Connective.Web.Platform.Audit.AuditActions.SignInFailed, user.Id, Context.RequestAborted);
    }

    /// <summary>Rewrites the session (after a role, factor or passkey change) without pretending the person just proved who they are.</summary>
    public override async Task RefreshSignInAsync(ConnectiveUser user)
    {
        var current = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var kept = current.Principal?.Claims
            .Where(claim => claim.Type is SecondFactor.MethodClaim or SecondFactor.ProvedAtClaim or ClaimTypes.AuthenticationMethod)
            .Select(claim => new Claim(claim.Type, claim.Value))
            .ToList() ?? [];
        await base.SignInWithClaimsAsync(user, current.Properties, kept);
    }

    /// <summary>A passkey with user verification is possession plus a PIN or biometric: it counts as the second factor.</summary>
    public override async Task<SignInResult> PasskeySignInAsync(string credentialJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(credentialJson);
        var assertion = await PerformPasskeyAssertionAsync(credentialJson);
        if (!assertion.Succeeded)
        {
            return SignInResult.Failed;
        }
        // The passkey's signature count and flags change with each use.
        var updated = await UserManager.AddOrUpdatePasskeyAsync(assertion.User, assertion.Passkey);
        if (!updated.Succeeded)
        {
            return SignInResult.Failed;
        }
        var precheck = await PreSignInCheck(assertion.User);
        if (precheck is not null)
        {
            return precheck;
        }
        await SignInWithClaimsAsync(assertion.User, isPersistent: false, [new Claim(SecondFactor.MethodClaim, SecondFactor.PasskeyMethod)]);
        return SignInResult.Success;
    }

    /// <summary>After a successful re-authentication: the same session, with a fresh proof time.</summary>
    public async Task ConfirmedAgainAsync(ConnectiveUser user)
    {
        var current = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var kept = current.Principal?.Claims
            .Where(claim => claim.Type is SecondFactor.MethodClaim or ClaimTypes.AuthenticationMethod)
            .Select(claim => new Claim(claim.Type, claim.Value))
            .ToList() ?? [];
        kept.Add(ProvedNow());
        await base.SignInWithClaimsAsync(user, current.Properties, kept);
    }

    private Claim ProvedNow() =>
        new(SecondFactor.ProvedAtClaim, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
}
