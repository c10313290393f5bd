namespace Connective.Web.Infrastructure;

/// <summary>Where a page may send someone back to after a step (sign-in, confirming it is you, giving details).</summary>
public static class ReturnUrls
{
    /// <summary>A return URL is followed only when it stays on this site; anything else goes to the home page.</summary>
    public static string Safe(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
