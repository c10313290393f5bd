using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Connective.BrowserTests;

/// <summary>
/// What the real server sends, checked over HTTP without a browser: security headers and the CSP nonce,
/// ProblemDetails for the API, health, the OpenAPI document and the compiled styles.
/// </summary>
[Collection(ConnectiveServerGroup.Name)]
public sealed partial class HttpSurfaceTests(ConnectiveServer server)
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData(ConnectiveServer.ThrowingPagePath, HttpStatusCode.InternalServerError)]
    [InlineData("/api/v1/about", HttpStatusCode.OK)]
    public async Task Every_response_carries_the_security_headers(string path, HttpStatusCode expectedStatus)
    {
        // Arrange
        using var client = server.CreateHttpClient();

        // Act
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        // Assert
        Assert.Equal(expectedStatus, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9_-]{24}'", csp);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_inline_script_carries_this_request_s_nonce_and_no_element_has_an_inline_handler()
    {
        // Arrange
        using var client = server.CreateHttpClient();

        // Act
        using var first = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var second = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await first.Content.ReadAsStringAsync();

        // Assert
        var nonce = NonceInPolicy().Match(Assert.Single(first.Headers.GetValues("Content-Security-Policy"))).Groups[1].Value;
        var secondNonce = NonceInPolicy().Match(Assert.Single(second.Headers.GetValues("Content-Security-Policy"))).Groups[1].Value;
        Assert.NotEqual(nonce, secondNonce);
        var scripts = ScriptTag().Matches(html);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, script => Assert.Contains($"nonce=\"{nonce}\"", script.Value, StringComparison.Ordinal));
        Assert.DoesNotMatch(InlineHandler(), html);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Styles_use_the_system_font_and_pages_carry_no_GOV_UK_branding()
    {
        // Arrange
        using var client = server.CreateHttpClient();

        // Act
        var css = await client.GetStringAsync(new Uri("/assets/connective.css", UriKind.Relative));
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        // Assert
        Assert.Contains("system-ui", css, StringComparison.Ordinal);
        Assert.DoesNotContain("@font-face", css, StringComparison.Ordinal);
        Assert.DoesNotContain("GDS Transport", css, StringComparison.Ordinal);
        Assert.DoesNotContain("Crown copyright", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("govuk-header__logotype", html, StringComparison.Ordinal);
        Assert.DoesNotContain("GOV.UK", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_answers_unknown_paths_and_failures_with_problem_details_and_no_exception_detail()
    {
        // Arrange
        using var client = server.CreateHttpClient();

        // Act
        using var missing = await client.GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative));
        using var failing = await client.GetAsync(new Uri(ConnectiveServer.ThrowingApiPath, UriKind.Relative));
        var failingBody = await failing.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.InternalServerError, failing.StatusCode);
        Assert.Equal("application/problem+json", failing.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(failingBody);
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(problem.RootElement.TryGetProperty("traceId", out _));
        Assert.DoesNotContain(ConnectiveServer.SecretInException, failingBody, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", failingBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task About_endpoint_names_the_platform_and_its_six_areas()
    {
        // Arrange
        using var client = server.CreateHttpClient();

        // Act
        var about = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/about", UriKind.Relative));

        // Assert
        Assert.Equal("Connective", about.GetProperty("name").GetString());
        Assert.Equal(
            ["Community", "Circle", "Voice", "Services", "Insight", "Open"],
            about.GetProperty("areas").EnumerateArray().Select(area => area.GetProperty("name").GetString() ?? "").ToArray());
    }

    [Fact]
    public async Task Health_live_and_ready_report_healthy_and_the_OpenAPI_document_lists_the_API()
    {
        // Arrange
        using var client = server.CreateHttpClient();

        // Act
        var live = await client.GetStringAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative));
        var openApi = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));

        // Assert
        Assert.Equal("Healthy", live);
        Assert.Equal("Healthy", ready);
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/v1/about", out _));
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceInPolicy();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();
}
