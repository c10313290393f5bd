using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Connective.Web.Demo;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Connective.Web.Tests.Authorization;

/// <summary>
/// One caller's browser-like session: cookies kept, redirects not followed. Signed-in callers go through the real
/// sign-in form with the demo account of their role, exactly as a person would; the app has no test-only way in.
/// </summary>
internal sealed partial class MatrixSession : IDisposable
{
    private MatrixSession(HttpClient http, Caller caller)
    {
        Http = http;
        Caller = caller;
    }

    public HttpClient Http { get; }

    // https, as a browser outside a developer's machine: the session and second-step cookies are Secure there.
    private static WebApplicationFactoryClientOptions ClientOptions => new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") };

    public Caller Caller { get; }

    public static string EmailOf(Caller caller) => DemoAccounts.EmailFor(caller.ToString());

    public static Task<MatrixSession> StartAsync(WebApplicationFactory<Program> factory, Caller caller) =>
        caller == Caller.Anonymous
            ? Task.FromResult(new MatrixSession(factory.CreateClient(ClientOptions), caller))
            : SignInAsync(factory, EmailOf(caller), DemoAccounts.Password, caller);

    /// <summary>A session signed in through the sign-in form with any account.</summary>
    public static async Task<MatrixSession> SignInAsync(WebApplicationFactory<Program> factory, string email, string password, Caller caller = Caller.Anonymous,
        string? authenticatorKey = null)
    {
        var session = new MatrixSession(factory.CreateClient(ClientOptions), caller);
        // Staff accounts give an authenticator code too, computed from the demo account's published key.
        var response = await Connective.TestSupport.StaffSignIn.SignInAsync(
            (page, fields) => session.PostFormAsync(page, page, fields), email, password, authenticatorKey ?? Identity.AccountClient.DemoKeyFor(email), Identity.AccountClient.ServerOf(factory));
        using var last = response;
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.StartsWith("/account/sign-in", StringComparison.Ordinal) == true)
        {
            session.Dispose();
            throw new InvalidOperationException($"{email} could not sign in: {(int)response.StatusCode}.");
        }
        return session;
    }

    /// <summary>Sends one matrix request and reads the body.</summary>
    public async Task<(HttpResponseMessage Response, string Body)> SendAsync(MatrixRequest request, MatrixIds ids, string path)
    {
        HttpResponseMessage response;
        if (request.Form is { } form)
        {
            response = await PostFormAsync(request.FormPage!, path, form(ids));
        }
        else if (request.Json is { } json)
        {
            using var message = new HttpRequestMessage(request.Method, new Uri(path, UriKind.Relative))
            {
                Content = new StringContent(json(ids), Encoding.UTF8, "application/json"),
            };
            response = await Http.SendAsync(message);
        }
        else
        {
            using var message = new HttpRequestMessage(request.Method, new Uri(path, UriKind.Relative));
            response = await Http.SendAsync(message);
        }
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Reads the antiforgery token from <paramref name="formPage"/> in this session, then posts the fields. A caller who
    /// may not see the form page posts without a token: the authorization decision comes before antiforgery validation.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string path, IReadOnlyDictionary<string, string> fields)
    {
        var fieldsWithToken = new Dictionary<string, string>(fields);
        // A caller the form page offers no form to (say, a consent page for an account without a resident record)
        // takes the session's token from the sign-out form: the token belongs to the session, not to one form.
        foreach (var page in (string[])[formPage, "/account/sign-out"])
        {
            using var response = await Http.GetAsync(new Uri(page, UriKind.Relative));
            var token = AntiforgeryToken().Match(await response.Content.ReadAsStringAsync());
            if (token.Success)
            {
                fieldsWithToken["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
                break;
            }
        }
        using var content = new FormUrlEncodedContent(fieldsWithToken);
        return await Http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
