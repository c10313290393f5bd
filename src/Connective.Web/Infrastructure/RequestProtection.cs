namespace Connective.Web.Infrastructure;

/// <summary>
/// Two protections every request gets, whatever page or endpoint serves it:
/// <list type="bullet">
/// <item>A state-changing JSON API call (POST, PUT, PATCH, DELETE under /api) from a browser must come from this site:
/// its <c>Origin</c> must be the public base URL's (or, in Development and Demo, the request's own), and a
/// <c>Sec-Fetch-Site</c> other than same-origin is refused. <c>SameSite=Lax</c> alone would let another site's form
/// post ride the session cookie to an endpoint that takes no body. Clients that send neither header are not browsers
/// and carry no one else's cookie.</item>
/// <item>A response to a signed-in request (or from an account page) is never stored by a browser or a proxy:
/// <c>Cache-Control: no-store</c>, so personal data does not stay on a shared computer's disk.</item>
/// </list>
/// </summary>
internal static class RequestProtection
{
    public const string CrossOriginMessage = "Cross-site requests to the API are refused.";

    public static IApplicationBuilder UseRequestProtection(this WebApplication app)
    {
        var isLocal = PublicLinks.IsLocal(app.Environment);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                // Static files are served before this middleware and never reach it; every other answer to a signed-in
                // person, a 404 from routing included, is kept off a shared computer's disk.
                if (context.User.Identity?.IsAuthenticated == true
                    || context.Request.Path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.Headers.CacheControl = "no-store";
                    context.Response.Headers.Pragma = "no-cache";
                }
                return Task.CompletedTask;
            });
            if (IsStateChangingApiCall(context.Request) && !IsSameSite(context, isLocal))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(new
                {
                    type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
                    title = CrossOriginMessage,
                    status = StatusCodes.Status403Forbidden,
                }, options: null, contentType: "application/problem+json", context.RequestAborted);
                return;
            }
            await next(context);
        });
    }

    private static bool IsStateChangingApiCall(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));

    private static bool IsSameSite(HttpContext context, bool isLocal)
    {
        var headers = context.Request.Headers;
        var fetchSite = headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return false;
        }
        var origin = headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var from))
        {
            return false;
        }
        var publicBase = context.RequestServices.GetRequiredService<PublicLinks>().BaseUrl;
        return SameOrigin(from, publicBase)
            || (isLocal && Uri.TryCreate($"{context.Request.Scheme}://{context.Request.Host}", UriKind.Absolute, out var own) && SameOrigin(from, own));
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
