using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Connective.Web.Features.Account;

/// <summary>
/// Which outbox messages this browser may read on the demo's /outbox page without being signed in: the confirmation
/// mail of an account it created itself, remembered in a protected (tamper-proof) cookie. Nothing else is ever added
/// here: a reset link asked for someone else's address must never become readable by whoever asked.
/// </summary>
internal static class OutboxBrowser
{
    public const string CookieName = "connective-outbox";
    private const int MaxRemembered = 20;

    public static void Remember(HttpContext http, long messageId)
    {
        var ids = Read(http).Append(messageId).Distinct().TakeLast(MaxRemembered);
        var protector = Protector(http);
        http.Response.Cookies.Append(CookieName, protector.Protect(string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)))), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(1),
        });
    }

    public static IReadOnlyList<long> Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return [];
        }
        try
        {
            return [.. Protector(http).Unprotect(value).Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(text => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1)
                .Where(id => id > 0)];
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // A cookie altered by hand, or from before a key change, shows nothing.
            return [];
        }
    }

    private static IDataProtector Protector(HttpContext http) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector("Connective.Outbox.Browser");
}
