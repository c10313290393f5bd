using System.Net;
using System.Text.RegularExpressions;
using Connective.TestSupport;
using Connective.Web.Data;
using Connective.Web.Demo;
using Connective.Web.Features.Account;
using Connective.Web.Features.Audit;
using Connective.Web.Platform.Access;
using Connective.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Connective.Web.Tests.Identity;

/// <summary>Second factors, idle timeouts, re-authentication and data-protection keys, written once and run on each provider.</summary>
internal static partial class SecondFactorChecks
{
    internal const string StaffPage = "/community/residents/1";

    /// <summary>
    /// A staff account without a second factor: a correct password gives no session, only the authenticator set-up; a code
    /// from the new app signs the person in; from then on the password alone is never enough.
    /// </summary>
    public static async Task Staff_without_a_second_factor_get_no_session_until_they_set_up_an_authenticator(ConnectiveWebFactory factory)
    {
        var email = await CreateUserAsync(factory, Roles.Practitioner);
        using var client = new AccountClient(factory);

        var passwordOnly = await client.SignInWithPasswordOnlyAsync(email, IdentityChecks.GoodPassword);
        var staffPageBefore = await client.Http.GetAsync(StaffPage);
        var setUpPage = await client.Http.GetStringAsync(passwordOnly.Headers.Location!.OriginalString);
        var key = KeyOnPage().Match(setUpPage).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var wrong = await client.PostFormAsync(passwordOnly.Headers.Location.OriginalString, new Dictionary<string, string> { ["Code"] = WrongCode(key) });
        var done = await client.PostFormAsync(passwordOnly.Headers.Location.OriginalString, new Dictionary<string, string> { ["Code"] = await client.UnusedCodeAsync(key) });
        var doneHtml = await done.Content.ReadAsStringAsync();
        var staffPageAfter = await client.Http.GetAsync(StaffPage);
        using var again = new AccountClient(factory);
        var secondTime = await again.SignInWithPasswordOnlyAsync(email, IdentityChecks.GoodPassword);

        Assert.StartsWith("/account/second-factor/authenticator", passwordOnly.Headers.Location.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(passwordOnly.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], cookie => cookie.StartsWith("connective-session=", StringComparison.Ordinal) && !cookie.StartsWith("connective-session=;", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, staffPageBefore.StatusCode);
        Assert.StartsWith("/account/sign-in", staffPageBefore.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        Assert.Equal(32, key.Length);
        Assert.Contains(SetUpAuthenticatorModel.WrongCodeMessage, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(SetUpAuthenticatorModel.RecoveryCodeCount, RecoveryCodes(doneHtml).Count);
        Assert.Equal(HttpStatusCode.OK, staffPageAfter.StatusCode);
        Assert.StartsWith(AccountClient.SecondStepPath, secondTime.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using var scope = factory.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages
            .AnyAsync(message => message.To == email && message.Subject == "An authenticator app was added to your Connective account"));
    }

    /// <summary>
    /// The class: every role that sees named people other than the account holder (all but Resident; helpers see the
    /// first name and address of the person they help) gets no session from a password alone.
    /// </summary>
    public static async Task Every_role_that_sees_other_people_gets_no_session_from_a_password_alone(ConnectiveWebFactory factory)
    {
        var passwordOnly = new List<string>();
        foreach (var role in Roles.All.Where(role => role != Roles.Resident))
        {
            var email = await CreateUserAsync(factory, role);
            using var client = new AccountClient(factory);
            var signIn = await client.SignInWithPasswordOnlyAsync(email, IdentityChecks.GoodPassword);
            if (signIn.Headers.Location?.OriginalString.StartsWith("/account/second-factor/authenticator", StringComparison.Ordinal) != true)
            {
                passwordOnly.Add($"{role}: {(int)signIn.StatusCode} {signIn.Headers.Location}");
            }
        }

        Assert.Contains(Roles.Helper, Roles.All);
        Assert.True(passwordOnly.Count == 0, "Signed in with a password alone: " + string.Join("; ", passwordOnly));
    }

    /// <summary>The code step: a wrong code is refused with a clear message, the right one signs in with a staff session.</summary>
    public static async Task Authenticator_code_sign_in_works_and_a_wrong_code_is_refused(ConnectiveWebFactory factory)
    {
        var email = DemoAccounts.EmailFor(Roles.SafeguardingLead);
        var key = DemoAccounts.AuthenticatorKeyFor(Roles.SafeguardingLead);
        using var client = new AccountClient(factory);

        var passwordStep = await client.SignInWithPasswordOnlyAsync(email, DemoAccounts.Password);
        var beforeCode = await client.Http.GetAsync(StaffPage);
        var wrong = await client.PostFormAsync(passwordStep.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = WrongCode(key) });
        var right = await client.PostFormAsync(passwordStep.Headers.Location.OriginalString, new Dictionary<string, string> { ["Code"] = await client.UnusedCodeAsync(key) });
        var staffPage = await client.Http.GetAsync(StaffPage);

        Assert.StartsWith(AccountClient.SecondStepPath, passwordStep.Headers.Location.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, beforeCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains(SignInTwoFactorModel.WrongCodeMessage, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/", right.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, staffPage.StatusCode);
    }

    public static async Task A_recovery_code_signs_in_once(ConnectiveWebFactory factory)
    {
        var email = await CreateUserAsync(factory, Roles.BudgetOfficer);
        string recoveryCode;
        await using (var scope = factory.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ConnectiveUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            recoveryCode = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.First();
        }

        async Task<HttpResponseMessage> SignInWithRecoveryCodeAsync(AccountClient client)
        {
            var passwordStep = await client.SignInWithPasswordOnlyAsync(email, IdentityChecks.GoodPassword);
            return await client.PostFormAsync(passwordStep.Headers.Location!.OriginalString + "&handler=Recovery",
                new Dictionary<string, string> { ["RecoveryCode"] = recoveryCode });
        }
        using var first = new AccountClient(factory);
        using var second = new AccountClient(factory);

        var firstUse = await SignInWithRecoveryCodeAsync(first);
        var secondUse = await SignInWithRecoveryCodeAsync(second);
        var secondStaffPage = await second.Http.GetAsync(StaffPage);

        Assert.Equal("/", firstUse.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, secondUse.StatusCode);
        Assert.Contains(SignInTwoFactorModel.WrongRecoveryCodeMessage, await secondUse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, secondStaffPage.StatusCode);
    }

    /// <summary>A staff session ends after 30 idle minutes (but not after 29, and a request restarts the count); a resident's lasts longer.</summary>
    public static async Task Staff_sessions_end_after_30_idle_minutes_and_residents_stay_signed_in(ConnectiveWebFactory factory)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        using var staff = new AccountClient(app);
        using var resident = new AccountClient(app);
        await staff.SignInAsync(DemoAccounts.EmailFor(Roles.Practitioner), DemoAccounts.Password);
        await resident.SignInAsync(DemoAccounts.EmailFor(Roles.Resident), DemoAccounts.Password);

        clock.Advance(TimeSpan.FromMinutes(29));
        var staffAfter29 = await staff.Http.GetAsync(StaffPage);
        var residentAfter29 = await resident.Http.GetAsync("/account");
        clock.Advance(TimeSpan.FromMinutes(29));
        var staffAfter29More = await staff.Http.GetAsync(StaffPage);
        clock.Advance(TimeSpan.FromMinutes(31));
        var staffAfter31Idle = await staff.Http.GetAsync(StaffPage);
        var residentAfter89 = await resident.Http.GetAsync("/account");

        Assert.Equal(HttpStatusCode.OK, staffAfter29.StatusCode);
        Assert.Equal(HttpStatusCode.OK, residentAfter29.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staffAfter29More.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, staffAfter31Idle.StatusCode);
        Assert.StartsWith("/account/sign-in", staffAfter31Idle.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, residentAfter89.StatusCode);
    }

    /// <summary>
    /// The audit export needs a sign-in within five minutes: later it sends the admin to confirm it is them (password and
    /// code), then back to the export. Someone without the Admin role is refused whatever the time.
    /// </summary>
    public static async Task Exports_need_a_recent_sign_in_and_confirming_it_is_you_restores_access(ConnectiveWebFactory factory)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        using var admin = new AccountClient(app);
        using var practitioner = new AccountClient(app);
        await admin.SignInAsync(DemoAccounts.EmailFor(Roles.Admin), DemoAccounts.Password);
        await practitioner.SignInAsync(DemoAccounts.EmailFor(Roles.Practitioner), DemoAccounts.Password);

        var fresh = await admin.Http.GetAsync(AuditExport.Path);
        var freshCsv = await fresh.Content.ReadAsStringAsync();
        var notAdmin = await practitioner.Http.GetAsync(AuditExport.Path);
        clock.Advance(RecentSignIn.Window + TimeSpan.FromSeconds(1));
        var stale = await admin.Http.GetAsync(AuditExport.Path);
        // Identity checks authenticator codes against the wall clock, not the app's TimeProvider: the code is for real now.
        var wrongPassword = await admin.PostFormAsync(stale.Headers.Location!.OriginalString, new Dictionary<string, string>
        {
            ["Password"] = "not the password",
            ["Code"] = await admin.UnusedCodeAsync(DemoAccounts.AuthenticatorKeyFor(Roles.Admin)),
        });
        var confirmed = await admin.PostFormAsync(stale.Headers.Location.OriginalString, new Dictionary<string, string>
        {
            ["Password"] = DemoAccounts.Password,
            ["Code"] = await admin.UnusedCodeAsync(DemoAccounts.AuthenticatorKeyFor(Roles.Admin)),
        });
        var again = await admin.Http.GetAsync(AuditExport.Path);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("text/csv", fresh.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("id,at_utc,actor_id,actor_role,action,subject_resident_id,reason", freshCsv, StringComparison.Ordinal);
        Assert.Contains(",demo-admin,Admin," + AuditExport.ExportedAuditLog + ",", freshCsv, StringComparison.Ordinal);
        Assert.StartsWith("/account/access-denied", notAdmin.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal(RecentSignIn.ConfirmPath + "?returnUrl=" + Uri.EscapeDataString(AuditExport.Path), stale.Headers.Location.OriginalString);
        Assert.Contains(ConfirmItIsYouModel.FailedMessage, await wrongPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(AuditExport.Path, confirmed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    /// <summary>The keys behind cookies and antiforgery tokens are rows in the database, shared by every instance.</summary>
    public static async Task Data_protection_keys_are_stored_in_the_database(ConnectiveWebFactory factory)
    {
        using var client = new AccountClient(factory);

        await client.Http.GetStringAsync("/account/sign-in"); // an antiforgery token needs a key

        await using var scope = factory.CreateScope();
        var keys = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Contains("<key id=", key.Xml, StringComparison.Ordinal));
    }

    /// <summary>
    /// In production each data-protection key is stored encrypted with the configured certificate (the test factory gives
    /// every app a throwaway one), so the database alone does not hold what forges a session.
    /// </summary>
    public static async Task In_production_data_protection_keys_are_encrypted_with_the_certificate(ConnectiveWebFactory productionFactory)
    {
        await using (var scope = productionFactory.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Web.Demo.DemoSeeder>().MigrateAsync(markAsRealIfNew: true, CancellationToken.None);
        }
        using var client = new AccountClient(productionFactory);

        var signIn = await client.Http.GetAsync("/account/sign-in");

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        await using var check = productionFactory.CreateScope();
        var key = Assert.Single(await check.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync());
        Assert.Contains("<encryptedSecret", key.Xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", key.Xml, StringComparison.Ordinal);
    }

    /// <summary>Production without a certificate for the keys refuses to start, saying which setting is missing.</summary>
    public static void Production_refuses_to_start_without_a_data_protection_certificate(ConnectiveWebFactory productionFactory)
    {
        using var withoutCertificate = productionFactory.WithWebHostBuilder(builder => builder.UseSetting("DataProtection:CertificatePath", ""));

        var refused = Assert.ThrowsAny<InvalidOperationException>(() => withoutCertificate.CreateClient());

        Assert.Contains("DataProtection:CertificatePath is not set", refused.Message, StringComparison.Ordinal);
    }

    private static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;

    internal static async Task<string> CreateUserAsync(ConnectiveWebFactory factory, string role)
    {
        var email = "staff-" + Guid.NewGuid().ToString("N")[..12] + "@example.org";
        await using var scope = factory.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConnectiveUser>>();
        var user = new ConnectiveUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, IdentityChecks.GoodPassword);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(error => error.Description)));
        await users.AddToRoleAsync(user, role);
        return email;
    }

    /// <summary>A six-digit code that is none of the codes Identity accepts around now (it allows a couple of steps either side).</summary>
    private static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var accepted = Enumerable.Range(-3, 7).Select(step => Totp.Code(key, now.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 10).Select(digit => new string((char)('0' + digit), 6)).First(code => !accepted.Contains(code));
    }

    private static List<string> RecoveryCodes(string html) =>
        [.. RecoveryCode().Matches(html[html.IndexOf("id=\"recovery-codes\"", StringComparison.Ordinal)..]).Select(match => match.Groups[1].Value)];

    [GeneratedRegex("id=\"authenticator-key\">([a-z2-7 ]+)<")]
    private static partial Regex KeyOnPage();

    [GeneratedRegex("<li><code>([A-Za-z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
