using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Connective.Web.Infrastructure;

/// <summary>
/// `ReverseProxy` settings: the proxies (nginx, a load balancer) whose X-Forwarded-For and X-Forwarded-Proto the app
/// believes. Without them every client would share the proxy's address (one rate-limit bucket for the whole town) and
/// cookies would lose <c>Secure</c> behind a TLS proxy. Nobody is believed unless listed: a client that sends its own
/// X-Forwarded-For straight to the app changes nothing.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>Addresses of the proxies in front of the app, e.g. ["127.0.0.1"] for nginx on the same machine.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation, e.g. ["10.0.0.0/8"].</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row to unwrap (1: one proxy in front of the app).</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool IsConfigured => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}

internal static class ReverseProxySetup
{
    public static WebApplicationBuilder AddReverseProxy(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = settings.ForwardLimit;
            // The framework trusts loopback by default; here only what the operator lists is trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var (text, index) in settings.KnownProxies.Select((text, index) => (text, index)))
            {
                options.KnownProxies.Add(IPAddress.TryParse(text, out var address) ? address
                    : throw new InvalidOperationException($"ReverseProxy:KnownProxies:{index} is '{text}', which is not an IP address."));
            }
            foreach (var (text, index) in settings.KnownNetworks.Select((text, index) => (text, index)))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(text, out var network) ? network
                    : throw new InvalidOperationException($"ReverseProxy:KnownNetworks:{index} is '{text}', which is not a network like 10.0.0.0/8."));
            }
        });
        builder.Services.AddSingleton(settings);
        return builder;
    }

    /// <summary>First in the pipeline, so rate limits, HTTPS checks and cookies see the client, not the proxy.</summary>
    public static WebApplication UseReverseProxy(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ReverseProxyOptions>().IsConfigured)
        {
            app.UseForwardedHeaders();
        }
        return app;
    }
}
