using System.Security.Claims;
using Connective.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Connective.Web.Features.Account;

/// <summary>
/// The limited session of a staff member who gave a correct password but has no second factor yet. It lives in Identity's
/// short-lived two-factor cookie (five minutes), grants no role and opens no page except setting up an authenticator app;
/// only a correct code from that app turns it into a real session.
/// </summary>
internal static class EnrolmentSession
{
    internal const string EnrolClaim = "connective:enrol";

    public static Task StartAsync(HttpContext http, ConnectiveUser user)
    {
        var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Id));
        identity.AddClaim(new Claim(EnrolClaim, "authenticator"));
        return http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>The account being enrolled, or null when there is no enrolment session.</summary>
    public static async Task<string?> UserIdAsync(HttpContext http)
    {
        var pending = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return pending.Principal is { } principal && principal.HasClaim(claim => claim.Type == EnrolClaim)
            ? principal.FindFirstValue(ClaimTypes.Name)
            : null;
    }

    /// <summary>Whether the pending two-factor cookie is an enrolment (which the code-entry page must not accept).</summary>
    public static async Task<bool> IsEnrolmentAsync(HttpContext http) => await UserIdAsync(http) is not null;

    public static Task EndAsync(HttpContext http) => http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
}
