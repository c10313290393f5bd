using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Connective.Web.Tests.Identity;

/// <summary>A browser-like client: keeps cookies, does not follow redirects, and posts forms with their antiforgery token.</summary>
internal sealed partial class AccountClient(WebApplicationFactory<Program> factory) : IDisposable
{
    public HttpClient Http { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>GETs the form's page, then POSTs the fields with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields)
    {
        var page = await Http.GetStringAsync(path);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"{path} has no antiforgery token");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        using var content = new FormUrlEncodedContent(form);
        return await Http.PostAsync(new Uri(path.Split('?')[0], UriKind.Relative), content);
    }

    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        PostFormAsync("/account/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    public Task<HttpResponseMessage> SignUpAsync(string email, string password) =>
        PostFormAsync("/account/sign-up", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
