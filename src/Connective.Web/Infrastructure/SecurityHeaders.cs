using System.Security.Cryptography;

namespace Connective.Web.Infrastructure;

/// <summary>
/// The per-request nonce that every inline script must carry to pass the Content Security Policy.
/// Registered as a scoped service so the layout, the tag helper and the header all see the same value.
/// </summary>
public sealed class CspNonce
{
    public string Value { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
}

/// <summary>Adds a strict Content Security Policy and the other security headers to every response.</summary>
internal static class SecurityHeaders
{
    // Browsers may use these features only where the platform asks for them, and it asks for none yet.
    private const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    public static string ContentSecurityPolicy(string nonce) => string.Join("; ",
        "default-src 'self'",
        $"script-src 'self' 'nonce-{nonce}'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'");

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // OnStarting, not now: the exception handler and status code pages clear the headers
        // before re-executing, and their error pages need the same protection.
        context.Response.OnStarting(() =>
        {
            var nonce = context.RequestServices.GetRequiredService<CspNonce>();
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce.Value);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
