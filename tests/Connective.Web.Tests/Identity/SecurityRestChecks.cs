using System.Net;
using System.Net.Http.Json;
using Connective.Web.Data;
using Connective.Web.Features.Circle;
using Connective.Web.Platform.Access;
using Connective.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Identity;

/// <summary>
/// The rest of the outside security review (issue 12, items 4, 12, 13 and 14), one check per class of hole, written
/// once and run on each provider.
/// </summary>
internal static partial class SecurityRestChecks
{
    /// <summary>
    /// Removal for harm names only a helper connected to the concern (named, the reporter, or the helper of its visit),
    /// confirmed by typing their name; only the safeguarding lead lifts it, under the same concern, again by name.
    /// </summary>
    public static async Task Removal_for_harm_needs_a_connected_helper_confirmed_by_name_and_only_the_lead_lifts_it(ConnectiveWebFactory factory)
    {
        int named, reporter, nonHelper;
        string namedName, reporterName, reporterEmail, reporterKey;
        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var wardA = await db.RoleAssignments.Where(a => a.UserId == "demo-coordinator" && a.Role == Roles.Coordinator).Select(a => a.WardId!.Value).SingleAsync();
            var helpers = await db.HelperProfiles.Where(p => p.Status == HelperStatus.Active && db.Residents.Any(r => r.Id == p.ResidentId && r.WardId == wardA)
                    && !db.Users.Any(u => u.ResidentId == p.ResidentId))
                .OrderBy(p => p.ResidentId).Select(p => p.ResidentId).Take(2).ToListAsync();
            (named, reporter) = (helpers[0], helpers[1]);
            nonHelper = await db.Residents.Where(r => !db.HelperProfiles.Any(p => p.ResidentId == r.Id)).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            namedName = await db.Residents.Where(r => r.Id == named).Select(r => r.GivenName + " " + r.FamilyName).SingleAsync();
            reporterName = await db.Residents.Where(r => r.Id == reporter).Select(r => r.GivenName + " " + r.FamilyName).SingleAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ConnectiveUser>>();
            reporterEmail = "helper-" + Guid.NewGuid().ToString("N")[..12] + "@example.org";
            var account = new ConnectiveUser { UserName = reporterEmail, Email = reporterEmail, EmailConfirmed = true, ResidentId = reporter };
            Assert.True((await users.CreateAsync(account, IdentityChecks.GoodPassword)).Succeeded);
            Assert.True((await users.AddToRolesAsync(account, [Roles.Resident, Roles.Helper])).Succeeded);
            reporterKey = await Authorization.RoleScopeChecks.WithAuthenticatorAsync(users, account); // helpers need a second factor
        }
        using var resident = await AccountClient.SignedInAsDemoAsync(factory, Roles.Resident);
        using var reporterClient = new AccountClient(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await reporterClient.SignInAsync(reporterEmail, IdentityChecks.GoodPassword, reporterKey)).StatusCode);
        using var lead = await AccountClient.SignedInAsDemoAsync(factory, Roles.SafeguardingLead);
        using var coordinator = await AccountClient.SignedInAsDemoAsync(factory, Roles.Coordinator);

        Assert.Equal(HttpStatusCode.Created, (await resident.Http.PostAsJsonAsync("/api/v1/circle/safeguarding/concerns", new { AboutResidentId = named, Description = "Shouted at me." })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await reporterClient.Http.PostAsJsonAsync("/api/v1/circle/safeguarding/concerns", new { Description = "I said something I regret on a visit." })).StatusCode);
        long aboutNamed, raisedByReporter;
        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            aboutNamed = await db.SafeguardingConcerns.Where(c => c.AboutResidentId == named).MaxAsync(c => c.Id);
            raisedByReporter = await db.SafeguardingConcerns.Where(c => c.RaisedByUserId == db.Users.Where(u => u.Email == reporterEmail).Select(u => u.Id).Single()).MaxAsync(c => c.Id);
        }
        Task<HttpResponseMessage> Refer(long concern, int helper, string? name) =>
            lead.Http.PostAsJsonAsync($"/api/v1/circle/safeguarding/concerns/{concern}/referrals",
                new { Agency = "DisclosureAndBarringService", Reference = "DBS-" + Guid.NewGuid().ToString("N")[..6], RemoveHelperResidentId = helper, ConfirmHelperName = name });
        Task<HttpResponseMessage> Reinstate(long concern, int helper, string? name) =>
            lead.Http.PostAsJsonAsync($"/api/v1/circle/safeguarding/concerns/{concern}/reinstatements", new { HelperResidentId = helper, ConfirmHelperName = name });

        var notAHelper = await Refer(aboutNamed, nonHelper, "Anyone");
        var unrelatedHelper = await Refer(aboutNamed, reporter, reporterName);
        var noName = await Refer(aboutNamed, named, null);
        var wrongName = await Refer(aboutNamed, named, "Someone Else");
        var stillActive = await HelperStatusAsync(factory, named);
        var removed = await Refer(aboutNamed, named, "  " + namedName.ToUpperInvariant().Replace(" ", "   ", StringComparison.Ordinal) + " ");
        var reporterRemoved = await Refer(raisedByReporter, reporter, reporterName);
        var coordinatorUndo = await coordinator.Http.PostAsJsonAsync($"/api/v1/circle/coordinator/helpers/{named}/reinstate", new { });
        var underAnotherConcern = await Reinstate(raisedByReporter, named, namedName);
        var reinstateWrongName = await Reinstate(aboutNamed, named, "Someone Else");
        var coordinatorLift = await coordinator.Http.PostAsJsonAsync($"/api/v1/circle/safeguarding/concerns/{aboutNamed}/reinstatements", new { HelperResidentId = named, ConfirmHelperName = namedName });
        var afterRefusals = await HelperStatusAsync(factory, named);
        var lifted = await Reinstate(aboutNamed, named, namedName);
        var leadPage = WebUtility.HtmlDecode(await lead.Http.GetStringAsync($"/circle/safeguarding/concerns/{raisedByReporter}"));

        Assert.Equal(HttpStatusCode.BadRequest, notAHelper.StatusCode);
        Assert.Contains("RemoveHelperResidentId", await notAHelper.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unrelatedHelper.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Contains("ConfirmHelperName", await noName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrongName.StatusCode);
        Assert.Equal(HelperStatus.Active, stillActive);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, reporterRemoved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, coordinatorUndo.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, underAnotherConcern.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reinstateWrongName.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, coordinatorLift.StatusCode);
        Assert.Equal(HelperStatus.Suspended, afterRefusals);
        Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);
        Assert.Equal(HelperStatus.Active, await HelperStatusAsync(factory, named));
        // The lead reads who raised it and who was removed by name, never by account id.
        Assert.Contains("by " + reporterName, leadPage, StringComparison.Ordinal);
        Assert.Contains(reporterName + "</bdi> (resident " + reporter + ") removed for harm", leadPage, StringComparison.Ordinal);
    }

    /// <summary>
    /// An authenticator code works once (RFC 6238 section 5.2): a second sign-in with the code just used is refused, and
    /// so is any code from an earlier step; a later code still works.
    /// </summary>
    public static async Task An_authenticator_code_works_only_once(ConnectiveWebFactory factory)
    {
        var email = await SecondFactorChecks.CreateUserAsync(factory, Roles.Practitioner);
        string key;
        await using (var scope = factory.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ConnectiveUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
            Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        using var first = new AccountClient(factory);
        using var second = new AccountClient(factory);

        var firstStep = await first.SignInWithPasswordOnlyAsync(email, IdentityChecks.GoodPassword);
        var code = await first.UnusedCodeAsync(key);
        var signedIn = await first.PostFormAsync(firstStep.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = code });
        var secondStep = await second.SignInWithPasswordOnlyAsync(email, IdentityChecks.GoodPassword);
        var replayed = await second.PostFormAsync(secondStep.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = code });
        var replayedPage = await second.Http.GetAsync(SecondFactorChecks.StaffPage);
        var later = await second.PostFormAsync(secondStep.Headers.Location.OriginalString, new Dictionary<string, string> { ["Code"] = await second.UnusedCodeAsync(key) });

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains(Web.Features.Account.SignInTwoFactorModel.WrongCodeMessage, await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, replayedPage.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.Http.GetAsync(SecondFactorChecks.StaffPage)).StatusCode);
    }

    /// <summary>Every form that takes an e-mail address refuses a 100,000-character one, naming the field, and stores nothing.</summary>
    public static async Task A_huge_email_address_is_refused_on_every_form_naming_the_field(ConnectiveWebFactory factory)
    {
        var huge = new string('a', 100_000) + "@example.org";
        using var anonymous = new AccountClient(factory);
        using var admin = await AccountClient.SignedInAsDemoAsync(factory, Roles.Admin);

        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["sign-up"] = await anonymous.SignUpAsync(huge, IdentityChecks.GoodPassword),
            ["sign-in"] = await anonymous.PostFormAsync("/account/sign-in", new Dictionary<string, string> { ["Email"] = huge, ["Password"] = IdentityChecks.GoodPassword }),
            ["forgot-password"] = await anonymous.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = huge }),
            ["roles"] = await admin.PostFormAsync("/admin/roles?handler=Grant", new Dictionary<string, string> { ["Email"] = huge, ["Role"] = Roles.Helper }),
        };

        foreach (var (form, response) in responses)
        {
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{form} answered {(int)response.StatusCode}");
            Assert.True(html.Contains(Web.Features.Account.SignUpModel.EmailTooLongMessage, StringComparison.Ordinal), $"{form} did not say the address is too long");
            Assert.True(html.Contains("href=\"#Email\"", StringComparison.Ordinal), $"{form}'s error summary does not link to the e-mail field");
        }
        await using var scope = factory.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync(user => user.Email!.Length > 254));
    }

    /// <summary>
    /// "Who may call" comes before the body: for every operation in the OpenAPI document that refuses a signed-in caller
    /// in its own words (no resident record, outside your wards) when sent a well-formed body, an empty object and
    /// malformed JSON are refused the same way, never answered 400. An anonymous caller gets 401 whatever it sends.
    /// </summary>
    public static async Task Callers_who_may_not_call_are_refused_before_the_body_is_read(ConnectiveWebFactory factory)
    {
        using var anonymous = new AccountClient(factory);
        using var admin = await AccountClient.SignedInAsDemoAsync(factory, Roles.Admin);
        using var coordinator = await AccountClient.SignedInAsDemoAsync(factory, Roles.Coordinator);
        var document = System.Text.Json.Nodes.JsonNode.Parse(await anonymous.Http.GetStringAsync("/openapi/v1.json"))!;
        int outsideHelper;
        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var wards = await db.RoleAssignments.Where(a => a.UserId == "demo-coordinator" && a.Role == Roles.Coordinator).Select(a => a.WardId!.Value).ToListAsync();
            outsideHelper = await db.HelperProfiles.Where(p => db.Residents.Any(r => r.Id == p.ResidentId && !wards.Contains(r.WardId))).Select(p => p.ResidentId).FirstAsync();
        }
        var failures = new List<string>();
        var refusedInOwnWords = 0;
        foreach (var operation in Api.ApiFuzzChecks.Operations(document).Where(o => o.BodySchema is not null && !BodyNamesWhatIsChecked.Contains(o.ToString())))
        {
            var path = Api.ApiFuzzChecks.PathWith(operation, name => name == "id" && operation.Path.Contains("/helpers/", StringComparison.Ordinal) ? outsideHelper.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : name == "id" && operation.Path.StartsWith("/api/v1/services/{id}", StringComparison.Ordinal) ? "00000000-0000-0000-0000-000000000001" : "1");
            var wellFormed = Api.ApiFuzzChecks.Typical(document, operation.BodySchema!).ToJsonString();
            foreach (var (who, client) in new[] { ("admin", admin), ("coordinator", coordinator) })
            {
                using var typical = await Api.ApiFuzzChecks.SendRawAsync(client, operation, path, wellFormed);
                if (typical.StatusCode != HttpStatusCode.Forbidden || !(await typical.Content.ReadAsStringAsync()).Contains("\"detail\"", StringComparison.Ordinal))
                {
                    continue;
                }
                refusedInOwnWords++;
                foreach (var body in new[] { "{}", "{\"not\": json", "[1,2,3]" })
                {
                    using var response = await Api.ApiFuzzChecks.SendRawAsync(client, operation, path, body);
                    if (response.StatusCode != HttpStatusCode.Forbidden)
                    {
                        failures.Add($"{operation} as {who} with {body}: {(int)response.StatusCode} (a well-formed body got 403)");
                    }
                }
            }
            using var stranger = await Api.ApiFuzzChecks.SendRawAsync(anonymous, operation, path, "{\"not\": json");
            if (stranger.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
            {
                failures.Add($"{operation} anonymous with malformed JSON: {(int)stranger.StatusCode}");
            }
        }

        Assert.True(refusedInOwnWords >= 8, $"only {refusedInOwnWords} operations refused the callers in their own words: the check found too little to test");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// A name holding a right-to-left override (U+202E) cannot reorder the page's own text: on every page that shows it
    /// (staff lists, records, the safeguarding queue, search results), each occurrence sits inside a Unicode isolate.
    /// </summary>
    public static async Task Names_with_bidirectional_controls_are_isolated_on_every_page(ConnectiveWebFactory factory)
    {
        int helper;
        long concern;
        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var wardA = await db.RoleAssignments.Where(a => a.UserId == "demo-coordinator" && a.Role == Roles.Coordinator).Select(a => a.WardId!.Value).SingleAsync();
            helper = await db.HelperProfiles.Where(p => db.Residents.Any(r => r.Id == p.ResidentId && r.WardId == wardA) && !db.Users.Any(u => u.ResidentId == p.ResidentId))
                .OrderByDescending(p => p.ResidentId).Select(p => p.ResidentId).Skip(2).FirstAsync();
            await db.Residents.Where(r => r.Id == helper).ExecuteUpdateAsync(set => set.SetProperty(r => r.GivenName, "Bidi\u202Eeman").SetProperty(r => r.FamilyName, "Testcase"));
            db.SafeguardingConcerns.Add(new Web.Features.Circle.Safeguarding.SafeguardingConcern
            {
                RaisedByUserId = "demo-resident",
                AboutResidentId = helper,
                Description = "Note\u202Ereversed",
                RaisedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            concern = await db.SafeguardingConcerns.Where(c => c.AboutResidentId == helper).MaxAsync(c => c.Id);
        }
        using var coordinator = await AccountClient.SignedInAsDemoAsync(factory, Roles.Coordinator);
        using var lead = await AccountClient.SignedInAsDemoAsync(factory, Roles.SafeguardingLead);
        var pages = new (AccountClient Client, string Path)[]
        {
            (coordinator, "/circle/coordinator/helpers"),
            (coordinator, $"/circle/coordinator/helpers/{helper}"),
            (coordinator, "/circle/coordinator/phone-request?name=Testcase"),
            (coordinator, $"/community/residents/{helper}"),
            (lead, "/circle/safeguarding"),
            (lead, $"/circle/safeguarding/concerns/{concern}"),
        };

        var failures = new List<string>();
        var seen = 0;
        foreach (var (client, path) in pages)
        {
            var response = await client.Http.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{path} answered {(int)response.StatusCode}");
                continue;
            }
            var shown = Occurrences(html, "&#x202E;").ToList();
            if (shown.Count == 0)
            {
                failures.Add($"{path} does not show the name at all");
            }
            seen += shown.Count;
            foreach (var at in shown)
            {
                var opened = html.LastIndexOf("&#x2068;", at, StringComparison.OrdinalIgnoreCase);
                var closed = html.LastIndexOf("&#x2069;", at, StringComparison.OrdinalIgnoreCase);
                var closes = html.IndexOf("&#x2069;", at, StringComparison.OrdinalIgnoreCase);
                if (opened < 0 || closed > opened || closes < 0)
                {
                    failures.Add($"{path}: not isolated: …{WebUtility.HtmlEncode(html[Math.Max(0, at - 80)..Math.Min(html.Length, at + 40)])}…");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(seen >= 6, $"the name was shown only {seen} times");
    }

    /// <summary>
    /// Operations whose refusal depends on what the body names (the resident a phone request is for, the ward or circle a
    /// circle or meetup is started in): they cannot refuse before reading it, and refuse right after.
    /// </summary>
    private static readonly HashSet<string> BodyNamesWhatIsChecked =
        ["POST /api/v1/circle/coordinator/phone-requests", "POST /api/v1/circle/circles", "POST /api/v1/circle/meetups"];

    private static IEnumerable<int> Occurrences(string html, string text)
    {
        for (var at = html.IndexOf(text, StringComparison.OrdinalIgnoreCase); at >= 0; at = html.IndexOf(text, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            yield return at;
        }
    }

    /// <summary>The audit search says so when a filter cannot be read, instead of dropping it and listing every entry.</summary>
    public static async Task The_audit_search_says_when_a_filter_cannot_be_read(ConnectiveWebFactory factory)
    {
        using var admin = await AccountClient.SignedInAsDemoAsync(factory, Roles.Admin);

        var response = await admin.Http.GetAsync("/admin/audit?Subject=one-five-four");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Web.Features.Audit.IndexModel.SubjectNotANumberMessage, html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Subject\"", html, StringComparison.Ordinal);
        Assert.Contains("Newest 0 matching entries", html, StringComparison.Ordinal);
        Assert.Contains("value=\"one-five-four\"", html, StringComparison.Ordinal);
    }

    private static async Task<HelperStatus> HelperStatusAsync(ConnectiveWebFactory factory, int helper)
    {
        await using var scope = factory.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().HelperProfiles.Where(p => p.ResidentId == helper).Select(p => p.Status).SingleAsync();
    }
}
