using System.Data.Common;
using System.Net;
using Connective.Web.Data;
using Connective.Web.Demo;
using Connective.Web.Features.Account;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Connective.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Connective.Web.Tests.Identity;

/// <summary>The identity tests, written once and run on each provider.</summary>
internal static class IdentityChecks
{
    public const string GoodPassword = "correct horse battery staple";

    public static async Task Sign_up_confirm_through_the_outbox_sign_in_and_sign_out(ConnectiveWebFactory factory)
    {
        var email = NewEmail();
        using var client = new AccountClient(factory);

        var signUp = await client.SignUpAsync(email, GoodPassword);
        var beforeConfirming = await client.SignInAsync(email, GoodPassword);
        var link = await LatestLinkToAsync(factory, email);
        var confirmed = await client.Http.GetStringAsync(new Uri(link).PathAndQuery);
        var signIn = await client.SignInAsync(email, GoodPassword);
        var signOut = await client.PostFormAsync("/account/sign-out", new Dictionary<string, string>());

        Assert.Equal("/account/check-email", signUp.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, beforeConfirming.StatusCode);
        Assert.Contains(SignInModel.FailedMessage, await beforeConfirming.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("E-mail address confirmed", confirmed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        Assert.Equal("/", signOut.Headers.Location?.OriginalString);
        Assert.Contains(signOut.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("connective-session=;", StringComparison.Ordinal));
    }

    /// <summary>Signing up with a registered address looks exactly like a new one; only the address's owner is told.</summary>
    public static async Task Sign_up_with_a_registered_address_looks_the_same_as_a_new_one(ConnectiveWebFactory factory)
    {
        var registered = DemoAccounts.EmailFor(Roles.Helper);
        using var client = new AccountClient(factory);

        var fresh = await client.SignUpAsync(NewEmail(), GoodPassword);
        var again = await client.SignUpAsync(registered, GoodPassword);

        Assert.Equal(fresh.StatusCode, again.StatusCode);
        Assert.Equal(fresh.Headers.Location, again.Headers.Location);
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.OutboxMessages.AnyAsync(message => message.To == registered && message.Subject == "You already have a Connective account"));
        Assert.Equal(1, await db.Users.CountAsync(user => user.Email == registered));
    }

    public static async Task Sign_in_gives_the_same_answer_for_an_unknown_address_and_a_wrong_password(ConnectiveWebFactory factory)
    {
        using var client = new AccountClient(factory);

        var unknown = await client.SignInAsync(NewEmail(), GoodPassword);
        var wrongPassword = await client.SignInAsync(DemoAccounts.EmailFor(Roles.BudgetOfficer), GoodPassword);

        var unknownHtml = await unknown.Content.ReadAsStringAsync();
        var wrongHtml = await wrongPassword.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Contains(SignInModel.FailedMessage, unknownHtml, StringComparison.Ordinal);
        Assert.Equal(ErrorSummary(unknownHtml), ErrorSummary(wrongHtml));
    }

    /// <summary>
    /// Failed sign-ins slow a resident's address down (each try after the free ones waits longer, up to a minute) but never
    /// lock the account, so nobody can keep a resident out; a staff account still locks for 15 minutes.
    /// </summary>
    public static async Task Failed_sign_ins_slow_a_resident_down_without_locking_them_out_and_lock_staff(ConnectiveWebFactory factory)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var email = await CreateConfirmedUserAsync(factory);
        var staffEmail = await SecondFactorChecks.CreateUserAsync(factory, Roles.Practitioner);
        using var client = new AccountClient(app);

        for (var attempt = 0; attempt < AccountFeature.MaxFailedSignIns; attempt++)
        {
            await client.SignInAsync(email, "not the password at all");
            await client.SignInAsync(staffEmail, "not the password at all");
        }
        var rightPasswordAtOnce = await client.SignInAsync(email, GoodPassword);
        clock.Advance(SignInThrottle.LongestWait);
        var staffAfterAMinute = await client.SignInWithPasswordOnlyAsync(staffEmail, GoodPassword);
        var rightPasswordAfterAMinute = await client.SignInAsync(email, GoodPassword);

        Assert.Equal(HttpStatusCode.OK, rightPasswordAtOnce.StatusCode);
        Assert.Contains(SignInModel.FailedMessage, await rightPasswordAtOnce.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, rightPasswordAfterAMinute.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staffAfterAMinute.StatusCode);
        Assert.Contains(SignInModel.FailedMessage, await staffAfterAMinute.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = factory.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConnectiveUser>>();
        Assert.Null((await users.FindByEmailAsync(email))!.LockoutEnd);
        Assert.True((await users.FindByEmailAsync(staffEmail))!.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10), "a staff account is locked for 15 minutes");
    }

    public static async Task Password_reset_through_the_outbox_and_no_mail_for_an_unknown_address(ConnectiveWebFactory factory)
    {
        var email = await CreateConfirmedUserAsync(factory);
        var unknown = NewEmail();
        const string newPassword = "a brand new long passphrase";
        using var client = new AccountClient(factory);

        var forKnown = await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        var forUnknown = await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = unknown });
        var link = new Uri(await LatestLinkToAsync(factory, email)).PathAndQuery;
        var code = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["code"]!;
        var reset = await client.PostFormAsync(link, new Dictionary<string, string> { ["Code"] = code, ["Email"] = email, ["Password"] = newPassword });
        var signIn = await client.SignInAsync(email, newPassword);

        Assert.Equal(forKnown.Headers.Location, forUnknown.Headers.Location);
        Assert.Contains("Password changed", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        await using var scope = factory.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AnyAsync(message => message.To == unknown));
    }

    public static async Task Sign_in_page_lists_a_demo_account_for_every_role_in_a_demo_database(ConnectiveWebFactory factory)
    {
        using var client = new AccountClient(factory);

        var html = await client.Http.GetStringAsync("/account/sign-in");

        Assert.All(Roles.All, role => Assert.Contains(DemoAccounts.EmailFor(role), html, StringComparison.Ordinal));
        foreach (var role in Roles.All)
        {
            using var signedIn = new AccountClient(factory);
            var response = await signedIn.SignInAsync(DemoAccounts.EmailFor(role), DemoAccounts.Password);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"the {role} demo account cannot sign in");
        }
    }

    /// <summary>Anonymous callers are sent to sign in (the API answers 401), non-staff are refused, staff are let in and audited.</summary>
    public static async Task Named_person_pages_need_a_staff_role_and_each_view_is_audited(ConnectiveWebFactory factory)
    {
        var residentId = 2; // not the demo Resident (resident 1, who may read their own page), and consenting to network insight
        using var anonymous = new AccountClient(factory);
        using var resident = new AccountClient(factory);
        using var practitioner = new AccountClient(factory);
        await resident.SignInAsync(DemoAccounts.EmailFor(Roles.Resident), DemoAccounts.Password);
        await practitioner.SignInAsync(DemoAccounts.EmailFor(Roles.Practitioner), DemoAccounts.Password);

        var anonymousPage = await anonymous.Http.GetAsync($"/community/residents/{residentId}");
        var anonymousApi = await anonymous.Http.GetAsync($"/api/v1/community/residents/{residentId}");
        var residentPage = await resident.Http.GetAsync($"/community/residents/{residentId}");
        var residentApi = await resident.Http.GetAsync($"/api/v1/community/residents/{residentId}");
        var staffPage = await practitioner.Http.GetAsync($"/community/residents/{residentId}");
        var staffApi = await practitioner.Http.GetAsync($"/api/v1/community/residents/{residentId}");

        Assert.Equal(HttpStatusCode.Redirect, anonymousPage.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymousPage.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousApi.StatusCode);
        Assert.StartsWith("/account/access-denied", residentPage.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, residentApi.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staffPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staffApi.StatusCode);
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entries = await db.AuditEntries.Where(entry => entry.ActorId == "demo-practitioner" && entry.SubjectResidentId == residentId).ToListAsync();
        Assert.Contains(entries, entry => entry.Action == AuditActions.ViewedResident && entry.ActorRole == Roles.Practitioner);
        Assert.Contains(entries, entry => entry.Action == AuditActions.ViewedResidentApi);
        Assert.DoesNotContain(entries, entry => entry.ActorId.Contains('@', StringComparison.Ordinal));
    }

    public static async Task Only_admins_can_search_the_audit_log(ConnectiveWebFactory factory)
    {
        using var practitioner = new AccountClient(factory);
        using var admin = new AccountClient(factory);
        await practitioner.SignInAsync(DemoAccounts.EmailFor(Roles.Practitioner), DemoAccounts.Password);
        await admin.SignInAsync(DemoAccounts.EmailFor(Roles.Admin), DemoAccounts.Password);
        await practitioner.Http.GetAsync("/community/residents/2");

        var refused = await practitioner.Http.GetAsync("/admin/audit");
        var found = await admin.Http.GetStringAsync("/admin/audit?Subject=2&Action=ViewedResident");

        Assert.StartsWith("/account/access-denied", refused.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        Assert.Contains(">demo-practitioner<", found, StringComparison.Ordinal);
        Assert.Contains(">ViewedResident<", found, StringComparison.Ordinal);
    }

    /// <summary>The database itself refuses to change or remove an audit entry, whatever the app does.</summary>
    public static async Task Audit_entries_cannot_be_updated_or_deleted_with_raw_sql(ConnectiveWebFactory factory)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = new AuditEntry { At = DateTime.UtcNow, ActorId = "test-actor", ActorRole = Roles.Admin, Action = "TestAppend", SubjectResidentId = 3 };
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync();

        var update = await Assert.ThrowsAnyAsync<DbException>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"ActorId\" = 'someone-else' WHERE \"Id\" = {0}", entry.Id));
        var delete = await Assert.ThrowsAnyAsync<DbException>(() =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Id\" = {0}", entry.Id));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        var stored = await db.AuditEntries.AsNoTracking().SingleAsync(row => row.Id == entry.Id);
        Assert.Equal("test-actor", stored.ActorId);
    }

    /// <summary>Submissions of the account forms are limited per client address; reading the forms is not.</summary>
    public static async Task Account_form_submissions_are_rate_limited(ConnectiveWebFactory factory)
    {
        const int limit = 3;
        await using var limited = factory.WithWebHostBuilder(builder => builder.UseSetting("RateLimits:AccountFormPostsPerMinute", "3"));
        using var client = new AccountClient(limited);

        var allowed = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < limit; attempt++)
        {
            allowed.Add((await client.SignInAsync(NewEmail(), GoodPassword)).StatusCode);
        }
        var signInOverLimit = await client.SignInAsync(NewEmail(), GoodPassword);
        var resetOverLimit = await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = NewEmail() });
        var reading = await client.Http.GetAsync("/account/sign-in");

        Assert.All(allowed, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, signInOverLimit.StatusCode);
        Assert.Equal("60", signInOverLimit.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.TooManyRequests, resetOverLimit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reading.StatusCode);
    }

    /// <summary>A resident's own choice is recorded as given online by themselves, and network figures follow it at once.</summary>
    public static async Task A_resident_gives_and_withdraws_consent_and_network_figures_follow(ConnectiveWebFactory factory)
    {
        using var resident = new AccountClient(factory);
        await resident.SignInAsync(DemoAccounts.EmailFor(Roles.Resident), DemoAccounts.Password);
        int residentId;
        await using (var scope = factory.CreateScope())
        {
            residentId = (await scope.ServiceProvider.GetRequiredService<UserManager<ConnectiveUser>>().FindByIdAsync("demo-resident"))!.ResidentId!.Value;
        }
        await ChangeConsentAsync(resident, give: true);
        var withConsent = await ConsentingResidentsAsync(factory, resident);

        await ChangeConsentAsync(resident, give: false);
        var withdrawn = await ConsentingResidentsAsync(factory, resident);
        var regiven = await ChangeConsentAsync(resident, give: true);
        var again = await ConsentingResidentsAsync(factory, resident);

        Assert.Equal(withConsent - 1, withdrawn);
        Assert.Equal(withConsent, again);
        Assert.Equal("/account/consent?changed=given", regiven.Headers.Location?.OriginalString);
        await using var check = factory.CreateScope();
        var rows = await check.ServiceProvider.GetRequiredService<AppDbContext>().Consents.AsNoTracking()
            .Where(consent => consent.ResidentId == residentId && consent.Purpose == ConsentPurpose.NetworkInsight)
            .OrderBy(consent => consent.Id).ToListAsync();
        var current = Assert.Single(rows, consent => consent.WithdrawnAt == null);
        Assert.Equal(ConsentMethod.Online, current.Method);
        Assert.Equal("self", current.RecordedBy);
        Assert.Contains(rows, consent => consent.WithdrawnAt != null);
    }

    private static Task<HttpResponseMessage> ChangeConsentAsync(AccountClient client, bool give) =>
        client.PostFormAsync("/account/consent", new Dictionary<string, string>
        {
            ["purpose"] = nameof(ConsentPurpose.NetworkInsight),
            ["give"] = give ? "true" : "false",
        });

    /// <summary>
    /// The borough's exact number of residents in the network, from the app's network snapshot (the public API rounds it
    /// to the nearest 5, where one person's change often does not show), checked against what the public API publishes.
    /// </summary>
    private static async Task<int> ConsentingResidentsAsync(ConnectiveWebFactory factory, AccountClient client)
    {
        using var json = System.Text.Json.JsonDocument.Parse(await client.Http.GetStringAsync("/api/v1/community/wards"));
        await using var scope = factory.CreateScope();
        var snapshot = await factory.Services.GetRequiredService<Features.Community.CommunityNetwork>()
            .GetAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), CancellationToken.None);
        var exact = snapshot.Borough.ConsentingResidents;
        Assert.Equal(Platform.Disclosure.DisclosureControl.Count(exact).Value, json.RootElement.GetProperty("boroughNetwork").GetProperty("consentingResidents").GetInt32());
        return exact;
    }

    private static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;

    private static string NewEmail() => "person-" + Guid.NewGuid().ToString("N")[..12] + "@example.org";

    private static async Task<string> CreateConfirmedUserAsync(ConnectiveWebFactory factory)
    {
        var email = NewEmail();
        await using var scope = factory.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConnectiveUser>>();
        var result = await users.CreateAsync(new ConnectiveUser { UserName = email, Email = email, EmailConfirmed = true }, GoodPassword);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(error => error.Description)));
        return email;
    }

    private static async Task<string> LatestLinkToAsync(ConnectiveWebFactory factory, string email)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var link = await db.OutboxMessages.Where(message => message.To == email && message.Link != null)
            .OrderByDescending(message => message.Id).Select(message => message.Link).FirstOrDefaultAsync();
        Assert.True(link is not null, $"no e-mail with a link was sent to {email}");
        return link;
    }

    private static string ErrorSummary(string html)
    {
        var start = html.IndexOf("govuk-error-summary__list", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page shows no error summary");
        return html[start..html.IndexOf("</ul>", start, StringComparison.Ordinal)];
    }
}
