using System.Net;
using Connective.Web.Data;
using Connective.Web.Features.Account;
using Connective.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Authorization;

/// <summary>
/// Lockout, rate limits and non-enumeration, beyond the Identity tests: every answer an outsider can see (status,
/// redirect, page text) is the same for a registered and an unregistered address, and for a locked account.
/// </summary>
internal static class AccountProtectionChecks
{
    private const string Password = "a long enough test passphrase";

    /// <summary>
    /// A resident's account slowed down after failed sign-ins answers exactly like an unknown address, so the delay does
    /// not reveal that an address is registered; and it is not locked (nobody can keep a resident out).
    /// </summary>
    public static async Task A_slowed_down_account_answers_like_an_unknown_address(ConnectiveWebFactory factory)
    {
        var email = await CreateConfirmedAsync(factory);
        using var session = await AnonymousAsync(factory);
        for (var attempt = 0; attempt < AccountFeature.MaxFailedSignIns; attempt++)
        {
            (await session.PostFormAsync("/account/sign-in", "/account/sign-in", Fields(email, "wrong password, again and again"))).Dispose();
        }

        using var locked = await session.PostFormAsync("/account/sign-in", "/account/sign-in", Fields(email, Password));
        using var unknown = await session.PostFormAsync("/account/sign-in", "/account/sign-in", Fields(NewEmail(), Password));

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Equal(unknown.StatusCode, locked.StatusCode);
        Assert.Equal(Normalised(await unknown.Content.ReadAsStringAsync()), Normalised(await locked.Content.ReadAsStringAsync()));
        await using var scope = factory.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ConnectiveUser>>().FindByEmailAsync(email);
        Assert.False(await scope.ServiceProvider.GetRequiredService<UserManager<ConnectiveUser>>().IsLockedOutAsync(user!));
    }

    /// <summary>Asking for a reset, and signing up, give the same status, redirect and following page for a registered and an unregistered address.</summary>
    public static async Task Sign_up_and_reset_answer_the_same_for_registered_and_unregistered_addresses(ConnectiveWebFactory factory)
    {
        var registered = await CreateConfirmedAsync(factory);
        using var session = await AnonymousAsync(factory);

        var answers = new List<(string Form, HttpStatusCode Status, string? Location, string Page)>();
        foreach (var email in (string[])[registered, NewEmail()])
        {
            using var reset = await session.PostFormAsync("/account/forgot-password", "/account/forgot-password", new Dictionary<string, string> { ["Email"] = email });
            answers.Add(("reset", reset.StatusCode, reset.Headers.Location?.OriginalString, await FollowAsync(session, reset)));
            using var signUp = await session.PostFormAsync("/account/sign-up", "/account/sign-up", Fields(email, Password));
            answers.Add(("sign-up", signUp.StatusCode, signUp.Headers.Location?.OriginalString, await FollowAsync(session, signUp)));
        }

        foreach (var form in new[] { "reset", "sign-up" })
        {
            var pair = answers.Where(answer => answer.Form == form).ToList();
            Assert.Equal(HttpStatusCode.Redirect, pair[0].Status);
            Assert.Equal(pair[0].Status, pair[1].Status);
            Assert.Equal(pair[0].Location, pair[1].Location);
            Assert.Equal(pair[0].Page, pair[1].Page);
        }
    }

    /// <summary>Sign-up submissions are limited per address like sign-in and reset; the 429 says when to try again.</summary>
    public static async Task Sign_up_submissions_are_rate_limited(ConnectiveWebFactory factory)
    {
        await using var limited = factory.WithWebHostBuilder(builder => builder.UseSetting("RateLimits:AccountFormPostsPerMinute", "2"));
        using var session = await AnonymousAsync(limited);

        var first = await session.PostFormAsync("/account/sign-up", "/account/sign-up", Fields(NewEmail(), Password));
        var second = await session.PostFormAsync("/account/sign-up", "/account/sign-up", Fields(NewEmail(), Password));
        var third = await session.PostFormAsync("/account/sign-up", "/account/sign-up", Fields(NewEmail(), Password));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("60", third.Headers.RetryAfter?.ToString());
    }

    private static Task<MatrixSession> AnonymousAsync(WebApplicationFactory<Program> factory) => MatrixSession.StartAsync(factory, Caller.Anonymous);

    private static Dictionary<string, string> Fields(string email, string password) => new() { ["Email"] = email, ["Password"] = password };

    private static async Task<string> FollowAsync(MatrixSession session, HttpResponseMessage response) =>
        response.Headers.Location is { } location ? Normalised(await session.Http.GetStringAsync(location)) : "";

    /// <summary>The page without its per-response parts (antiforgery token, CSP nonce).</summary>
    private static string Normalised(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "(value|nonce)=\"[^\"]*\"", "$1=\"…\"");

    private static string NewEmail() => "person-" + Guid.NewGuid().ToString("N")[..12] + "@example.org";

    private static async Task<string> CreateConfirmedAsync(ConnectiveWebFactory factory)
    {
        var email = NewEmail();
        await using var scope = factory.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserManager<ConnectiveUser>>()
            .CreateAsync(new ConnectiveUser { UserName = email, Email = email, EmailConfirmed = true }, Password);
        Assert.True(result.Succeeded);
        return email;
    }
}
