using System.Net;
using System.Text.RegularExpressions;
using Connective.TestSupport;
using Connective.Web.Demo;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Identity;

/// <summary>
/// A browser-like client: keeps cookies, does not follow redirects, and posts forms with their antiforgery token.
/// Signing in completes the authenticator step for accounts that have one, computing the code from the account's key
/// (the demo staff accounts' keys are known), as a person with an authenticator app would.
/// </summary>
internal sealed partial class AccountClient(WebApplicationFactory<Program> factory) : IDisposable
{
    public const string SecondStepPath = StaffSignIn.SecondStepPage;

    // https, as a real browser would use outside a developer's machine: production marks the session and second-step
    // cookies Secure, and a cookie jar never sends those over plain http.
    public HttpClient Http { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    /// <summary>GETs the form's page, then POSTs the fields with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields)
    {
        var page = await Http.GetStringAsync(path);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"{path} has no antiforgery token");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        using var content = new FormUrlEncodedContent(form);
        // The query stays: it carries the return address and the page handler, as the form's own action does.
        return await Http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>
    /// The password step, then (when the app asks for it) the authenticator step with a code from
    /// <paramref name="authenticatorKey"/>, or from the demo key when the address is a demo staff account's.
    /// Returns the last response: a redirect to where the sign-in leads, or the page with an error.
    /// </summary>
    public Task<HttpResponseMessage> SignInAsync(string email, string password, string? authenticatorKey = null) =>
        StaffSignIn.SignInAsync(PostFormAsync, email, password, authenticatorKey ?? DemoKeyFor(email), Server);

    /// <summary>The server's database, which remembers the last authenticator code each account used.</summary>
    public string Server => ServerOf(factory);

    public static string ServerOf(WebApplicationFactory<Program> factory) =>
        factory.Services.GetRequiredService<IConfiguration>().GetConnectionString("Connective") ?? "";

    /// <summary>An authenticator code for this server that has not been used yet.</summary>
    public Task<string> UnusedCodeAsync(string authenticatorKey) => Totp.UnusedCodeAsync(authenticatorKey, Server);

    /// <summary>A new client signed in as the demo account of <paramref name="role"/> (with its authenticator code for staff).</summary>
    public static async Task<AccountClient> SignedInAsDemoAsync(WebApplicationFactory<Program> factory, string role)
    {
        var client = new AccountClient(factory);
        using var response = await client.SignInAsync(DemoAccounts.EmailFor(role), DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Only the password step: no second factor is offered.</summary>
    public Task<HttpResponseMessage> SignInWithPasswordOnlyAsync(string email, string password) =>
        PostFormAsync(StaffSignIn.PasswordPage, StaffSignIn.PasswordStep(email, password));

    public Task<HttpResponseMessage> SignUpAsync(string email, string password) =>
        PostFormAsync("/account/sign-up", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    public void Dispose() => Http.Dispose();

    /// <summary>The demo authenticator key of a demo staff account's address, or null.</summary>
    public static string? DemoKeyFor(string email) => DemoAccounts.AuthenticatorKeyForEmail(email);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
