using System.Net;
using Connective.Web.Data;
using Connective.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Operations;

/// <summary>
/// Behind a reverse proxy every connection comes from the proxy. The app must see the client the trusted proxy names
/// (X-Forwarded-For, X-Forwarded-Proto), so each person has their own rate-limit bucket and HTTPS cookies stay Secure, and
/// must ignore the same headers from anyone it was not told to trust. Real Kestrel on loopback: the proxy is 127.0.0.1.
/// </summary>
internal static class ReverseProxyChecks
{
    private const int PostsPerMinute = 2;

    public static async Task Fifty_clients_behind_a_trusted_proxy_each_get_their_own_rate_limit_bucket(DatabaseProvider provider, string connectionString)
    {
        await using var app = NewApp(provider, connectionString, trustedProxy: "127.0.0.1");
        using var http = LoopbackClient(app);

        var statuses = new List<HttpStatusCode>();
        for (var client = 1; client <= 50; client++)
        {
            for (var post = 0; post < PostsPerMinute; post++)
            {
                statuses.Add(await PostSignInAsync(http, $"203.0.113.{client}"));
            }
        }
        var overTheLimit = await PostSignInAsync(http, "203.0.113.1");
        var secureCookie = await AntiforgeryCookieAsync(http, forwardedProto: "https");
        var plainCookie = await AntiforgeryCookieAsync(http, forwardedProto: "http");

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, overTheLimit);
        Assert.Contains("secure", secureCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", plainCookie, StringComparison.OrdinalIgnoreCase);
    }

    public static async Task Forwarded_headers_from_an_untrusted_address_are_ignored(DatabaseProvider provider, string connectionString)
    {
        // The only trusted proxy is elsewhere, so loopback's X-Forwarded-For is a client's own claim and means nothing.
        await using var app = NewApp(provider, connectionString, trustedProxy: "192.0.2.10");
        using var http = LoopbackClient(app);

        var statuses = new List<HttpStatusCode>();
        for (var client = 1; client <= PostsPerMinute + 1; client++)
        {
            statuses.Add(await PostSignInAsync(http, $"198.51.100.{client}"));
        }
        var cookie = await AntiforgeryCookieAsync(http, forwardedProto: "https");

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static ConnectiveWebFactory NewApp(DatabaseProvider provider, string connectionString, string trustedProxy)
    {
        var app = new ConnectiveWebFactory(provider, connectionString, demoResidents: 200, settings: new Dictionary<string, string>
        {
            ["ReverseProxy:KnownProxies:0"] = trustedProxy,
            ["RateLimits:AccountFormPostsPerMinute"] = PostsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        return app;
    }

    /// <summary>A plain HTTP client to the Kestrel address, so requests arrive over a real socket from 127.0.0.1.</summary>
    private static HttpClient LoopbackClient(ConnectiveWebFactory app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri(addresses.Single(address => address.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))),
        };
    }

    /// <summary>A sign-in post without a form token: 400 when the limiter lets it through, 429 when it does not.</summary>
    private static async Task<HttpStatusCode> PostSignInAsync(HttpClient http, string clientAddress)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<string> AntiforgeryCookieAsync(HttpClient http, string forwardedProto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        request.Headers.Add("X-Forwarded-For", "203.0.113.200");
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        using var response = await http.SendAsync(request);
        return response.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
    }
}
