using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Connective.Web.Infrastructure;

/// <summary>
/// Every absolute link the app hands out (in mail, in the OpenAPI document) starts with the configured
/// <c>Platform:PublicBaseUrl</c>, never with the Host header of the request that caused it: a request sent with
/// <c>Host: evil.example</c> must not make the app mail a victim a link to the attacker's site. Build app paths with
/// <see cref="PathToPage"/> (no host), and turn them into links with <see cref="Absolute"/>.
/// </summary>
public sealed class PublicLinks(IOptions<PlatformOptions> platform, IServer server, LinkGenerator routes)
{
    private Uri? _base;

    /// <summary>The public address of the app's root, ending in a slash.</summary>
    /// <remarks>Worked out at first use (the listening address is known only once the server has started); concurrent first
    /// uses may each work it out, and all get the same address.</remarks>
    public Uri BaseUrl => LazyInitializer.EnsureInitialized(ref _base, ConfiguredOrListening);

    /// <summary>The app path of a Razor page with its route and query values, without any host or path base.</summary>
    public string PathToPage(string page, object? values = null) =>
        routes.GetPathByPage(page, handler: null, values, pathBase: PathString.Empty)
        ?? throw new InvalidOperationException($"There is no page {page} to link to.");

    /// <summary>An app path ("/circle/meetups/4") as an absolute link under the public base URL.</summary>
    public string Absolute(string appPath)
    {
        if (!IsAppPath(appPath))
        {
            throw new ArgumentException($"A link must be an app path starting with a single '/', not '{appPath}'; the public base URL is added here.", nameof(appPath));
        }
        return new Uri(BaseUrl, appPath.TrimStart('/')).AbsoluteUri;
    }

    public static bool IsAppPath(string path) =>
        path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal);

    /// <summary>
    /// Development and Demo may leave the setting out: links then use the address the server listens on (loopback),
    /// which is where the developer's browser is. Elsewhere start-up has already refused to run without it.
    /// </summary>
    private Uri ConfiguredOrListening()
    {
        if (!string.IsNullOrWhiteSpace(platform.Value.PublicBaseUrl))
        {
            return WithTrailingSlash(new Uri(platform.Value.PublicBaseUrl, UriKind.Absolute));
        }
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (listening is null)
        {
            return new Uri("http://localhost/");
        }
        // Kestrel reports wildcards ("http://+:5080", "http://[::]:5080"); a browser needs a name.
        var uri = new Uri(listening.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return WithTrailingSlash(new UriBuilder(uri) { Host = host }.Uri);
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new UriBuilder(uri) { Path = uri.AbsolutePath + "/" }.Uri;

    /// <summary>Whether the environment may run without a configured public base URL and with any Host header.</summary>
    public static bool IsLocal(IHostEnvironment environment) => environment.IsDevelopment() || environment.IsEnvironment("Demo");

    internal static bool IsHttpUrl(string text, bool requireHttps) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (!requireHttps && uri.Scheme == Uri.UriSchemeHttp))
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}

/// <summary>Registers <see cref="PublicLinks"/>, validates <c>Platform:PublicBaseUrl</c> and restricts the accepted Host headers.</summary>
internal static class PublicLinksSetup
{
    internal static WebApplicationBuilder AddPublicLinks(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PublicLinks>();
        var isLocal = PublicLinks.IsLocal(builder.Environment);
        builder.Services.AddOptions<PlatformOptions>()
            .Validate(options => isLocal || !string.IsNullOrWhiteSpace(options.PublicBaseUrl),
                "Platform:PublicBaseUrl is required outside Development and Demo: set it to the address residents use, e.g. https://connective.council.example/.")
            .Validate(options => string.IsNullOrWhiteSpace(options.PublicBaseUrl) || PublicLinks.IsHttpUrl(options.PublicBaseUrl, requireHttps: !isLocal),
                "Platform:PublicBaseUrl must be an absolute https:// address (http:// only in Development and Demo) with no query or fragment.");
        if (!isLocal)
        {
            // A request for any other host is refused (400) before it reaches a page; an explicit AllowedHosts list is kept.
            builder.Services.PostConfigure<HostFilteringOptions>(options =>
            {
                var configured = builder.Configuration[PlatformOptions.Section + ":" + nameof(PlatformOptions.PublicBaseUrl)];
                if ((options.AllowedHosts.Count == 0 || options.AllowedHosts.Contains("*")) && Uri.TryCreate(configured, UriKind.Absolute, out var publicUrl))
                {
                    options.AllowedHosts = [publicUrl.IdnHost];
                }
            });
        }
        return builder;
    }

}
