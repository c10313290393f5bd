using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Connective.TestSupport;
using Connective.Web.Data;
using Connective.Web.Demo;
using Connective.Web.Features.Account;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Connective.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Connective.Web.Tests.Identity;

/// <summary>
/// One check per class of hole the outside security review found (issue 12), written once and run on each provider.
/// Each drives the app over HTTP as the attacker or the person would, and looks at what was mailed, stored or audited.
/// </summary>
internal static partial class SecurityReviewChecks
{
    public const string PublicBaseUrl = "https://connective.council.example/";

    /// <summary>
    /// Links in mail come from the configured public base URL, whatever Host header the request carried; the reset's
    /// request and its use are audited; the OpenAPI document names the same server.
    /// </summary>
    public static async Task A_reset_asked_with_a_forged_host_mails_a_link_to_the_configured_base_url(ConnectiveWebFactory factory)
    {
        await using var app = factory.WithWebHostBuilder(builder => builder.UseSetting("Platform:PublicBaseUrl", PublicBaseUrl));
        var (email, userId) = await CreateConfirmedUserAsync(app, Roles.Resident);
        using var attacker = new AccountClient(app);

        var page = await attacker.Http.GetStringAsync("/account/forgot-password");
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/account/forgot-password")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["__RequestVerificationToken"] = TokenOn(page) }),
        };
        forged.Headers.Host = "evil.example";
        var asked = await attacker.Http.SendAsync(forged);
        var link = await LatestLinkToAsync(app, email);
        using var owner = new AccountClient(app);
        var reset = await owner.PostFormAsync(new Uri(link).PathAndQuery, new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = "a brand new long password",
        });
        var openApi = await attacker.Http.GetStringAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.StartsWith(PublicBaseUrl + "account/reset-password?code=", link, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", link, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Password changed", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var actions = await AccountEventsAsync(app, userId);
        Assert.Contains(AuditActions.PasswordResetRequested, actions);
        Assert.Contains(AuditActions.PasswordReset, actions);
        using var servers = JsonDocument.Parse(openApi);
        Assert.Equal(PublicBaseUrl.TrimEnd('/'), servers.RootElement.GetProperty("servers")[0].GetProperty("url").GetString());
    }

    /// <summary>Outside Development and Demo a request for another host is refused before any page runs.</summary>
    public static async Task In_production_a_request_for_another_host_is_refused(ConnectiveWebFactory production)
    {
        await using var app = production.WithWebHostBuilder(builder => builder.UseSetting("Platform:PublicBaseUrl", "https://localhost/"));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/account/forgot-password");
        forged.Headers.Host = "evil.example";

        var evil = await client.SendAsync(forged);
        var own = await client.GetAsync("/account/forgot-password");

        Assert.Equal(HttpStatusCode.BadRequest, evil.StatusCode);
        Assert.NotEqual(HttpStatusCode.BadRequest, own.StatusCode);
    }

    /// <summary>Production refuses to start without the public base URL, naming the setting.</summary>
    public static void Production_refuses_to_start_without_a_public_base_url(ConnectiveWebFactory production)
    {
        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());
        Assert.Contains("Platform:PublicBaseUrl", AllMessages(error), StringComparison.Ordinal);
    }

    /// <summary>
    /// A role granted to a signed-in account does not take effect in that session: its next request is no longer let
    /// in as the new role, and signing in again leads a staff role to set up a second factor before any use.
    /// </summary>
    public static async Task A_role_granted_to_a_signed_in_account_needs_a_new_sign_in_with_a_second_factor(ConnectiveWebFactory factory)
    {
        var (email, userId) = await CreateConfirmedUserAsync(factory, Roles.Resident);
        using var client = new AccountClient(factory);
        await client.SignInAsync(email, IdentityChecks.GoodPassword);
        var before = await client.Http.GetAsync(StaffPage);

        await using (var scope = factory.CreateScope())
        {
            var grants = scope.ServiceProvider.GetRequiredService<RoleGrants>();
            Assert.Null(await grants.GrantAsync(AdminPrincipal(), email, Roles.Coordinator, wardId: null, CancellationToken.None));
        }
        var after = await client.Http.GetAsync(StaffPage);
        using var again = new AccountClient(factory);
        var signInAgain = await again.SignInWithPasswordOnlyAsync(email, IdentityChecks.GoodPassword);
        var withPasswordOnly = await again.Http.GetAsync(StaffPage);

        Assert.NotEqual(HttpStatusCode.OK, before.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, after.StatusCode);
        Assert.StartsWith("/account/second-factor/authenticator", signInAgain.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, withPasswordOnly.StatusCode);
        await using var check = factory.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.AuditEntries.AnyAsync(entry => entry.ActorId == userId && entry.Action == AuditActions.ViewedResident));
    }

    /// <summary>Coordinators see named people: their sign-in needs the second factor and their session ends after the staff idle time.</summary>
    public static async Task Coordinators_need_a_second_factor_and_the_staff_idle_timeout(ConnectiveWebFactory factory)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        using var passwordOnly = new AccountClient(app);
        var firstStep = await passwordOnly.SignInWithPasswordOnlyAsync(DemoAccounts.EmailFor(Roles.Coordinator), DemoAccounts.Password);
        using var coordinator = new AccountClient(app);
        await coordinator.SignInAsync(DemoAccounts.EmailFor(Roles.Coordinator), DemoAccounts.Password);
        var fresh = await coordinator.Http.GetAsync(StaffPage);
        clock.Advance(SecondFactor.StaffIdleTimeout + TimeSpan.FromMinutes(1));
        var idle = await coordinator.Http.GetAsync(StaffPage);

        Assert.True(StaffSignIn.IsSecondStep(firstStep.Headers.Location?.OriginalString), "a coordinator's password alone must lead to the code step");
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.StartsWith("/account/sign-in", idle.Headers.Location!.IsAbsoluteUri ? idle.Headers.Location.PathAndQuery : idle.Headers.Location.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>
    /// Signing out ends every copy of the session: a cookie copied before the sign-out stops working at once for staff,
    /// and within the short stamp-check interval for residents.
    /// </summary>
    public static async Task A_session_cookie_copied_before_sign_out_stops_working(ConnectiveWebFactory factory)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var (residentEmail, _) = await CreateConfirmedUserAsync(app, Roles.Resident);

        using var staff = new AccountClient(app);
        var staffCookie = SessionCookie(await staff.SignInAsync(DemoAccounts.EmailFor(Roles.Admin), DemoAccounts.Password));
        using var resident = new AccountClient(app);
        var residentCookie = SessionCookie(await resident.SignInAsync(residentEmail, IdentityChecks.GoodPassword));
        using var copy = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });

        var staffCopyBefore = await GetWithCookieAsync(copy, StaffPage, staffCookie);
        var residentCopyBefore = await GetWithCookieAsync(copy, "/account/my-data", residentCookie);
        await staff.PostFormAsync("/account/sign-out", new Dictionary<string, string>());
        await resident.PostFormAsync("/account/sign-out", new Dictionary<string, string>());
        var staffCopyAfter = await GetWithCookieAsync(copy, StaffPage, staffCookie);
        clock.Advance(SecondFactor.ResidentStampCheckInterval + TimeSpan.FromSeconds(1));
        var residentCopyAfter = await GetWithCookieAsync(copy, "/account/my-data", residentCookie);

        Assert.Equal(HttpStatusCode.OK, staffCopyBefore.StatusCode);
        Assert.Equal(HttpStatusCode.OK, residentCopyBefore.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, staffCopyAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, residentCopyAfter.StatusCode);
    }

    /// <summary>
    /// Sign-up answers a registered address exactly as a new one, password rules included, and mails the owner at most
    /// once a day however often it is probed. Addresses with an apostrophe or accents are accepted.
    /// </summary>
    public static async Task Sign_up_does_not_reveal_a_registered_address_and_mails_its_owner_at_most_daily(ConnectiveWebFactory factory)
    {
        var (registered, _) = await CreateConfirmedUserAsync(factory, Roles.Resident);
        using var client = new AccountClient(factory);

        var shortForNew = await client.SignUpAsync(NewEmail(), "short");
        var shortForRegistered = await client.SignUpAsync(registered, "short");
        var first = await client.SignUpAsync(registered, IdentityChecks.GoodPassword);
        var second = await client.SignUpAsync(registered, IdentityChecks.GoodPassword);
        var unusual = "o'brien.zoë-" + Guid.NewGuid().ToString("N")[..8] + "@example.org";
        var withApostrophe = await client.SignUpAsync(unusual, IdentityChecks.GoodPassword);

        Assert.Equal(HttpStatusCode.OK, shortForNew.StatusCode);
        Assert.Equal(shortForNew.StatusCode, shortForRegistered.StatusCode);
        Assert.Equal(Errors(await shortForNew.Content.ReadAsStringAsync()), Errors(await shortForRegistered.Content.ReadAsStringAsync()));
        Assert.Equal("/account/check-email", first.Headers.Location?.OriginalString);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal("/account/check-email", withApostrophe.Headers.Location?.OriginalString);
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.OutboxMessages.CountAsync(message => message.To == registered && message.Subject == "You already have a Connective account"));
        Assert.True(await db.Users.AnyAsync(user => user.Email == unusual));
    }

    /// <summary>
    /// A state-changing JSON API call made by another site's form (the browser sends the session cookie with it) is
    /// refused, for every POST, PUT, PATCH and DELETE endpoint in the app; the same call from this site is not.
    /// </summary>
    public static async Task Every_state_changing_api_endpoint_refuses_a_cross_origin_form_post(ConnectiveWebFactory factory)
    {
        using var coordinator = await AccountClient.SignedInAsDemoAsync(factory, Roles.Coordinator);
        var endpoints = ApiEndpoints(factory, get: false);
        Assert.True(endpoints.Count >= 10, $"the scan found only {endpoints.Count} state-changing API endpoints");

        var failures = new List<string>();
        foreach (var (method, path) in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "x" }),
            };
            request.Headers.Add("Origin", "https://evil.example");
            request.Headers.Add("Sec-Fetch-Site", "cross-site");
            var response = await coordinator.Http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{method} {path}: {(int)response.StatusCode}");
            }
        }
        using var sameSite = new HttpRequestMessage(HttpMethod.Post, endpoints.First(endpoint => endpoint.Method == "POST").Path)
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        };
        sameSite.Headers.Add("Origin", "https://localhost");
        sameSite.Headers.Add("Sec-Fetch-Site", "same-origin");
        var own = await coordinator.Http.SendAsync(sameSite);

        Assert.True(failures.Count == 0, "Cross-origin calls not refused:\n" + string.Join('\n', failures));
        Assert.DoesNotContain("Cross-site requests", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Every response to a signed-in person, page or API, tells browsers and proxies not to store it.</summary>
    public static async Task Every_signed_in_page_and_api_response_is_marked_no_store(ConnectiveWebFactory factory)
    {
        using var admin = await AccountClient.SignedInAsDemoAsync(factory, Roles.Admin);
        using var coordinator = await AccountClient.SignedInAsDemoAsync(factory, Roles.Coordinator);
        var paths = ApiEndpoints(factory, get: true).Select(endpoint => endpoint.Path).Concat(PagePaths(factory)).Distinct().ToList();
        Assert.True(paths.Count >= 20, $"the scan found only {paths.Count} pages and GET endpoints");

        var failures = new List<string>();
        foreach (var client in new[] { admin, coordinator })
        {
            foreach (var path in paths)
            {
                var response = await client.Http.GetAsync(path);
                if (response.Headers.CacheControl?.NoStore != true)
                {
                    failures.Add($"{path}: {(int)response.StatusCode} Cache-Control: {response.Headers.CacheControl}");
                }
            }
        }

        Assert.True(failures.Count == 0, "Responses to a signed-in person without no-store:\n" + string.Join('\n', failures));
    }

    /// <summary>
    /// The demo outbox shows a browser only the mail of the account it created (and, signed in, its own), never another
    /// person's confirmation or reset link; an admin sees everything. The demo's sign-up page says it is a demo.
    /// </summary>
    public static async Task The_demo_outbox_shows_each_browser_only_its_own_mail(ConnectiveWebFactory factory)
    {
        var email = NewEmail();
        using var newcomer = new AccountClient(factory);
        using var stranger = new AccountClient(factory);

        var signUpPage = await newcomer.Http.GetStringAsync("/account/sign-up");
        await newcomer.SignUpAsync(email, IdentityChecks.GoodPassword);
        var link = await LatestLinkToAsync(factory, email);
        var own = await newcomer.Http.GetStringAsync("/outbox");
        var strangers = await stranger.Http.GetStringAsync("/outbox");
        await newcomer.Http.GetAsync(new Uri(link).PathAndQuery);
        await stranger.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        var resetLink = await LatestLinkToAsync(factory, email);
        var strangerAfterReset = await stranger.Http.GetStringAsync("/outbox");
        using var admin = await AccountClient.SignedInAsDemoAsync(factory, Roles.Admin);
        var admins = await admin.Http.GetStringAsync("/outbox");

        Assert.Contains("demonstration", signUpPage, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(WebUtility.HtmlEncode(link), own, StringComparison.Ordinal);
        Assert.DoesNotContain(email, strangers, StringComparison.Ordinal);
        Assert.NotEqual(link, resetLink);
        Assert.DoesNotContain(email, strangerAfterReset, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(resetLink), admins, StringComparison.Ordinal);
    }

    /// <summary>
    /// Destructive actions (erasing, downloading everything held about a person) need a sign-in within the last five
    /// minutes: a stale session is sent to confirm it is them, and nothing is erased or sent.
    /// </summary>
    public static async Task Erasure_and_downloads_need_a_recent_sign_in(ConnectiveWebFactory factory)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var (email, userId) = await CreateConfirmedUserAsync(app, Roles.Resident);
        using var resident = new AccountClient(app);
        await resident.SignInAsync(email, IdentityChecks.GoodPassword);
        using var coordinator = new AccountClient(app);
        await coordinator.SignInAsync(DemoAccounts.EmailFor(Roles.Coordinator), DemoAccounts.Password);
        var actForPage = await coordinator.Http.GetStringAsync("/residents/1/act-for");
        var myDataPage = await resident.Http.GetStringAsync("/account/my-data");
        var erasePage = await resident.Http.GetStringAsync("/account/my-data/erase");
        clock.Advance(RecentSignIn.Window + TimeSpan.FromSeconds(1));

        var download = await PostWithTokenAsync(resident, "/account/my-data?handler=Download", myDataPage, []);
        var erase = await PostWithTokenAsync(resident, "/account/my-data/erase", erasePage, new() { ["Confirm"] = "true" });
        var eraseFor = await PostWithTokenAsync(coordinator, "/residents/1/act-for?handler=Erase", actForPage, new() { ["confirm"] = "true" });
        var downloadFor = await PostWithTokenAsync(coordinator, "/residents/1/act-for?handler=Download", actForPage, []);

        foreach (var response in new[] { download, erase, eraseFor, downloadFor })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith(RecentSignIn.ConfirmPath, response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.Users.AnyAsync(user => user.Id == userId));
        Assert.True(await db.Residents.AnyAsync(resident => resident.Id == 1));
    }

    /// <summary>Sign-ins, failed sign-ins (known and unknown addresses) and lockouts are audited, with no resident id.</summary>
    public static async Task Sign_ins_failures_and_lockouts_are_audited(ConnectiveWebFactory factory)
    {
        var (email, userId) = await CreateConfirmedUserAsync(factory, Roles.Resident);
        using var client = new AccountClient(factory);

        await client.SignInAsync(email, IdentityChecks.GoodPassword);
        await client.SignInAsync("nobody-" + Guid.NewGuid().ToString("N") + "@example.org", "not the password at all");
        // Residents are slowed down, never locked; a staff account locks.
        var (staffEmail, staffId) = await CreateConfirmedUserAsync(factory, Roles.Practitioner);
        for (var attempt = 0; attempt < AccountFeature.MaxFailedSignIns; attempt++)
        {
            await client.SignInAsync(email, "not the password at all");
            await client.SignInWithPasswordOnlyAsync(staffEmail, "not the password at all");
        }

        var actions = await AccountEventsAsync(factory, userId);
        Assert.Contains(AuditActions.SignedIn, actions);
        Assert.Contains(AuditActions.SignInFailed, actions);
        Assert.Contains(AuditActions.LockedOut, await AccountEventsAsync(factory, staffId));
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(entry => entry.ActorId == AuditLog.UnknownAccount && entry.Action == AuditActions.SignInFailed));
        Assert.False(await db.AuditEntries.AnyAsync(entry => entry.SubjectAccountId == userId && entry.SubjectResidentId != null));
    }

    /// <summary>
    /// The coordinator's name search finds names with an apostrophe or a hyphen however they are typed, and every
    /// search (API and page), like an admin's audit search, is audited without the words searched for.
    /// </summary>
    public static async Task Name_searches_find_apostrophes_and_hyphens_and_searches_are_audited(ConnectiveWebFactory factory)
    {
        int obrien, smithJones;
        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var wardA = await db.RoleAssignments.Where(a => a.UserId == "demo-coordinator" && a.Role == Roles.Coordinator).Select(a => a.WardId!.Value).SingleAsync();
            var two = await db.Residents.Where(r => r.WardId == wardA && !r.HasAccount).OrderBy(r => r.Id).Select(r => r.Id).Take(2).ToListAsync();
            (obrien, smithJones) = (two[0], two[1]);
            await db.Residents.Where(r => r.Id == obrien).ExecuteUpdateAsync(set => set.SetProperty(r => r.FamilyName, "O'Brien"));
            await db.Residents.Where(r => r.Id == smithJones).ExecuteUpdateAsync(set => set.SetProperty(r => r.FamilyName, "Smith-Jones"));
        }
        using var coordinator = await AccountClient.SignedInAsDemoAsync(factory, Roles.Coordinator);
        using var admin = await AccountClient.SignedInAsDemoAsync(factory, Roles.Admin);

        async Task<string> SearchAsync(string name) =>
            await coordinator.Http.GetStringAsync("/api/v1/circle/coordinator/residents?name=" + Uri.EscapeDataString(name));
        var typed = await SearchAsync("o'brien");
        var curly = await SearchAsync("O\u2019Brien");
        var hyphenated = await SearchAsync("smith-jones");
        var secondPart = await SearchAsync("Jones");
        var page = await coordinator.Http.GetAsync("/circle/coordinator/phone-request?name=" + Uri.EscapeDataString("O'Brien"));
        await admin.Http.GetAsync("/admin/audit?action=SignedIn");

        Assert.Contains($"\"id\":{obrien},", typed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"\"id\":{obrien},", curly, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"\"id\":{smithJones},", hyphenated, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"\"id\":{smithJones},", secondPart, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await using var check = factory.CreateScope();
        var entries = await check.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries
            .Where(entry => entry.Action == AuditActions.SearchedResidents || entry.Action == AuditActions.SearchedAuditLog).ToListAsync();
        Assert.True(entries.Count(entry => entry.ActorId == "demo-coordinator" && entry.Action == AuditActions.SearchedResidents) >= 5);
        Assert.Contains(entries, entry => entry.ActorId == "demo-admin" && entry.Action == AuditActions.SearchedAuditLog && entry.Reason!.Contains("action=SignedIn", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, entry => entry.Reason != null && entry.Reason.Contains("Brien", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Every access made in safeguarding work (raising a concern, the lead's reading, a removal, the lead's view of the
    /// person's record) is withheld from the people concerned while it is open, then shown by role without a date. A
    /// removal for harm names only a helper the concern is about, and a coordinator cannot undo it.
    /// </summary>
    public static async Task Safeguarding_work_is_withheld_while_open_and_removal_for_harm_is_not_a_coordinators_to_undo(ConnectiveWebFactory factory)
    {
        int helper, unrelated;
        string helperName;
        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var wardA = await db.RoleAssignments.Where(a => a.UserId == "demo-coordinator" && a.Role == Roles.Coordinator).Select(a => a.WardId!.Value).SingleAsync();
            helper = await db.HelperProfiles.Where(profile => db.Residents.Any(r => r.Id == profile.ResidentId && r.WardId == wardA && r.Id != 1))
                .OrderByDescending(profile => profile.ResidentId).Select(profile => profile.ResidentId).FirstAsync();
            unrelated = await db.Residents.Where(r => r.Id != helper && !db.HelperProfiles.Any(profile => profile.ResidentId == r.Id)).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            helperName = await db.Residents.Where(r => r.Id == helper).Select(r => r.GivenName + " " + r.FamilyName).SingleAsync();
        }
        using var resident = await AccountClient.SignedInAsDemoAsync(factory, Roles.Resident);
        using var lead = await AccountClient.SignedInAsDemoAsync(factory, Roles.SafeguardingLead);
        using var coordinator = await AccountClient.SignedInAsDemoAsync(factory, Roles.Coordinator);

        var raised = await resident.Http.PostAsJsonAsync("/api/v1/circle/safeguarding/concerns", new { AboutResidentId = helper, Description = "The helper frightened me." });
        long id;
        await using (var scope = factory.CreateScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().SafeguardingConcerns.Where(c => c.AboutResidentId == helper).MaxAsync(c => c.Id);
        }
        var read = await lead.Http.GetAsync($"/api/v1/circle/safeguarding/concerns/{id}");
        var record = await lead.Http.GetAsync($"/community/residents/{helper}");
        var unrelatedRemoval = await lead.Http.PostAsJsonAsync($"/api/v1/circle/safeguarding/concerns/{id}/referrals",
            new { Agency = "DisclosureAndBarringService", Reference = "DBS-1", RemoveHelperResidentId = unrelated });
        var removal = await lead.Http.PostAsJsonAsync($"/api/v1/circle/safeguarding/concerns/{id}/referrals",
            new { Agency = "DisclosureAndBarringService", Reference = "DBS-2", RemoveHelperResidentId = helper, ConfirmHelperName = helperName });
        var whileOpen = await WhoLookedAtAsync(factory, helper);
        var reinstate = await coordinator.Http.PostAsJsonAsync($"/api/v1/circle/coordinator/helpers/{helper}/reinstate", new { });
        var closed = await lead.Http.PutAsJsonAsync($"/api/v1/circle/safeguarding/concerns/{id}/status", new { Status = "Closed" });
        var afterClose = await WhoLookedAtAsync(factory, helper);

        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unrelatedRemoval.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removal.StatusCode);
        Assert.True(whileOpen.Count == 0, "shown while the concern is open: " + string.Join("; ", whileOpen));
        Assert.Equal(HttpStatusCode.Conflict, reinstate.StatusCode);
        Assert.Contains(CircleTasksRemovedForHarm, await reinstate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(closed.IsSuccessStatusCode, $"closing answered {(int)closed.StatusCode}");
        Assert.NotEmpty(afterClose);
        Assert.All(afterClose.Where(seen => seen.Role is "Safeguarding lead" or Roles.Resident), seen => Assert.Null(seen.At));
    }

    private const string CircleTasksRemovedForHarm = "only a safeguarding lead can reinstate them";

    private static async Task<List<Platform.DataRights.AccessSeen>> WhoLookedAtAsync(ConnectiveWebFactory factory, int residentId)
    {
        await using var scope = factory.CreateScope();
        return [.. await scope.ServiceProvider.GetRequiredService<Platform.DataRights.WhoLooked>().ForAsync(residentId, null, CancellationToken.None)];
    }

    internal const string StaffPage = "/community/residents/1";

    private static string NewEmail() => "person-" + Guid.NewGuid().ToString("N")[..12] + "@example.org";

    private static ClaimsPrincipal AdminPrincipal() =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "demo-admin"), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));

    internal static async Task<(string Email, string UserId)> CreateConfirmedUserAsync(WebApplicationFactory<Program> factory, string role)
    {
        var email = "person-" + Guid.NewGuid().ToString("N")[..12] + "@example.org";
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConnectiveUser>>();
        var user = new ConnectiveUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, IdentityChecks.GoodPassword);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(error => error.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return (email, user.Id);
    }

    private static async Task<string> LatestLinkToAsync(WebApplicationFactory<Program> factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var link = await db.OutboxMessages.Where(message => message.To == email && message.Link != null)
            .OrderByDescending(message => message.Id).Select(message => message.Link).FirstOrDefaultAsync();
        return link ?? throw new InvalidOperationException($"No mail with a link was sent to {email}.");
    }

    private static async Task<List<string>> AccountEventsAsync(WebApplicationFactory<Program> factory, string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries
            .Where(entry => entry.SubjectAccountId == userId).Select(entry => entry.Action).ToListAsync();
    }

    private static string TokenOn(string page)
    {
        var match = AntiforgeryToken().Match(page);
        Assert.True(match.Success, "the page has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static async Task<HttpResponseMessage> PostWithTokenAsync(AccountClient client, string path, string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = TokenOn(page);
        using var content = new FormUrlEncodedContent(fields);
        return await client.Http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    private static string SessionCookie(HttpResponseMessage signIn) =>
        signIn.Headers.GetValues("Set-Cookie").Select(cookie => cookie.Split(';')[0])
            .Last(cookie => cookie.StartsWith("connective-session=", StringComparison.Ordinal) && cookie.Length > "connective-session=".Length);

    private static async Task<HttpResponseMessage> GetWithCookieAsync(HttpClient client, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static List<string> Errors(string html) =>
        [.. ErrorMessage().Matches(html).Select(match => match.Groups[1].Value.Trim())];

    private static string AllMessages(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.InnerExceptions.Select(AllMessages))
            : error.Message + (error.InnerException is { } inner ? " | " + AllMessages(inner) : "");

    /// <summary>Every API route the app maps, with route values filled in (ids 1, codes of the first demo ward).</summary>
    private static List<(string Method, string Path)> ApiEndpoints(WebApplicationFactory<Program> factory, bool get)
    {
        var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return [.. sources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/", StringComparison.OrdinalIgnoreCase))
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Where(method => get ? method == "GET" : method is "POST" or "PUT" or "PATCH" or "DELETE")
                .Select(method => (method, Fill(endpoint.RoutePattern.RawText!))))
            .Distinct()];
    }

    /// <summary>Every Razor page's route, with route values filled in.</summary>
    private static IEnumerable<string> PagePaths(WebApplicationFactory<Program> factory)
    {
        var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null
                || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            .Select(endpoint => Fill(endpoint.RoutePattern.RawText ?? ""))
            .Where(path => !path.Contains("sign-out", StringComparison.Ordinal))
            .Distinct();
    }

    private static string Fill(string pattern)
    {
        var path = "/" + RouteParameter().Replace(pattern.TrimStart('/'), match =>
            match.Value.Contains("code", StringComparison.OrdinalIgnoreCase) ? "E05000001" : "1");
        return path.Replace("//", "/", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span>([^<]+)</p>")]
    private static partial Regex ErrorMessage();
}
