using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Connective.Web.Data;
using Connective.Web.Demo;
using Connective.Web.Features.Circle;
using Connective.Web.Features.Circle.Erasure;
using Connective.Web.Features.Circle.Safeguarding;
using Connective.Web.Features.Residents;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Connective.Web.Platform.ConsentPath;
using Connective.Web.Platform.DataRights;
using Connective.Web.Platform.Proxy;
using Connective.Web.Tests.Fixtures;
using Connective.Web.Tests.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Circle;

/// <summary>
/// What a coordinator, a helper and a safeguarding lead expect of Circle beyond its core: ward scoping, phone requests
/// through the acting-on-behalf path, vetting and suspension pages, removal for harm, and erasure. Run on each provider.
/// </summary>
internal static partial class CircleCoordinationChecks
{
    private const string CoordinatorAccount = "demo-coordinator";
    private static int _nextPlace;

    /// <summary>The demo Coordinator works in ward A: nothing of ward B's shows or can be acted on, through the pages or the API.</summary>
    public static async Task A_coordinator_sees_and_acts_only_in_the_wards_they_cover(ConnectiveWebFactory factory)
    {
        var (wardA, wardB) = await WardsAsync(factory);
        var tag = Tag();
        var requesterA = await AddResidentAsync(factory, wardA, "Aaward" + tag, online: false);
        var requesterB = await AddResidentAsync(factory, wardB, "Bbward" + tag, online: false);
        var helperA = await AddHelperAsync(factory, wardA, "Achelper" + tag);
        var helperB = await AddHelperAsync(factory, wardB, "Bchelper" + tag);
        var requestA = await AskAsync(factory, requesterA, CircleTaskTypes.DigitalHelp);
        var requestB = await AskAsync(factory, requesterB, CircleTaskTypes.DigitalHelp);
        using var coordinator = await SignedInAsync(factory, DemoAccounts.EmailFor(Roles.Coordinator));

        var dashboard = await coordinator.Http.GetFromJsonAsync<JsonElement>("/api/v1/circle/coordinator/dashboard");
        var queued = dashboard.GetProperty("queue").EnumerateArray().Select(item => item.GetProperty("requestId").GetInt64()).ToList();
        var helpers = (await coordinator.Http.GetFromJsonAsync<List<HelperVettingView>>("/api/v1/circle/coordinator/helpers"))!.Select(h => h.ResidentId).ToList();
        var dashboardPage = WebUtility.HtmlDecode(await coordinator.Http.GetStringAsync("/circle/coordinator"));
        var helpersPage = WebUtility.HtmlDecode(await coordinator.Http.GetStringAsync("/circle/coordinator/helpers"));
        var foundB = await coordinator.Http.GetFromJsonAsync<List<ResidentMatch>>($"/api/v1/circle/coordinator/residents?name=Bbward{tag}");
        var foundA = await coordinator.Http.GetFromJsonAsync<List<ResidentMatch>>($"/api/v1/circle/coordinator/residents?name=Aaward{tag}");
        var rankingA = await coordinator.Http.GetAsync($"/api/v1/circle/coordinator/requests/{requestA}/ranking");
        var rankingB = await coordinator.Http.GetAsync($"/api/v1/circle/coordinator/requests/{requestB}/ranking");
        var cancelB = await coordinator.Http.PostAsJsonAsync($"/api/v1/circle/coordinator/requests/{requestB}/cancel", new { Reason = "Not mine" });
        var suspendB = await coordinator.Http.PostAsJsonAsync($"/api/v1/circle/coordinator/helpers/{helperB}/suspend", new { Reason = "Not mine" });
        var vettingB = await coordinator.Http.PutAsJsonAsync($"/api/v1/circle/coordinator/helpers/{helperB}/vetting", new
        {
            Scheme = "Dbs",
            Level = "Basic",
            CertificateNumber = "000111222333",
            IssuedOn = DateTime.UtcNow.Date.AddDays(-10),
            Training = "None",
        });
        var reinstateB = await coordinator.Http.PostAsJsonAsync($"/api/v1/circle/coordinator/helpers/{helperB}/reinstate", new { });
        var helperPageA = await coordinator.Http.GetAsync($"/circle/coordinator/helpers/{helperA}");
        var helperPageB = await coordinator.Http.GetAsync($"/circle/coordinator/helpers/{helperB}");
        var phonePageB = await coordinator.Http.GetAsync($"/circle/coordinator/phone-request?residentId={requesterB}");
        var itemB = await DbAsync(factory, db => db.CoordinatorTasks.Where(t => t.RequestId == requestB && t.ResolvedAt == null).Select(t => t.Id).FirstAsync());
        var resolveB = await coordinator.Http.PostAsJsonAsync($"/api/v1/circle/coordinator/queue/{itemB}/resolve", new { Reason = "Called" });
        var suspendA = await coordinator.Http.PostAsJsonAsync($"/api/v1/circle/coordinator/helpers/{helperA}/suspend", new { Reason = "A concern was raised" });

        Assert.Contains(requestA, queued);
        Assert.DoesNotContain(requestB, queued);
        Assert.Contains(helperA, helpers);
        Assert.DoesNotContain(helperB, helpers);
        Assert.Contains("Aaward" + tag, dashboardPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Bbward" + tag, dashboardPage, StringComparison.Ordinal);
        Assert.Contains("Achelper" + tag, helpersPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Bchelper" + tag, helpersPage, StringComparison.Ordinal);
        Assert.Empty(foundB!);
        Assert.Equal([requesterA], foundA!.Select(match => match.Id));
        Assert.Equal(HttpStatusCode.OK, rankingA.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, rankingB.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, cancelB.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, suspendB.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, vettingB.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reinstateB.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, resolveB.StatusCode);
        Assert.Equal(HttpStatusCode.OK, helperPageA.StatusCode);
        Assert.StartsWith("/account/access-denied", PathOf(helperPageB), StringComparison.Ordinal);
        Assert.StartsWith("/account/access-denied", PathOf(phonePageB), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, suspendA.StatusCode);
        Assert.NotEqual(HelpRequestStatus.Cancelled, await DbAsync(factory, db => db.HelpRequests.Where(r => r.Id == requestB).Select(r => r.Status).SingleAsync()));
        Assert.Equal(HelperStatus.Active, await DbAsync(factory, db => db.HelperProfiles.Where(h => h.ResidentId == helperB).Select(h => h.Status).SingleAsync()));
        Assert.False(await DbAsync(factory, db => db.VettingRecords.AnyAsync(v => v.HelperResidentId == helperB)));
        Assert.Null(await DbAsync(factory, db => db.CoordinatorTasks.Where(t => t.Id == itemB).Select(t => t.ResolvedAt).SingleAsync()));
        Assert.Equal(HelperStatus.Suspended, await DbAsync(factory, db => db.HelperProfiles.Where(h => h.ResidentId == helperA).Select(h => h.Status).SingleAsync()));

        // The ward B coordinator sees ward B's, and not ward A's.
        var wardBCoordinator = await DbAsync(factory, db => db.RoleAssignments.Where(a => a.Role == Roles.Coordinator && a.WardId == wardB)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => u.Email!).FirstAsync());
        using var other = await SignedInAsync(factory, wardBCoordinator);
        var otherQueue = (await other.Http.GetFromJsonAsync<JsonElement>("/api/v1/circle/coordinator/dashboard")).GetProperty("queue").EnumerateArray()
            .Select(item => item.GetProperty("requestId").GetInt64()).ToList();
        Assert.Contains(requestB, otherQueue);
        Assert.DoesNotContain(requestA, otherQueue);
    }

    /// <summary>
    /// A phone request acts for the resident through ProxyContext: refused (and audited) until the resident has agreed on
    /// the phone that a coordinator may act for them; then recorded with both identities in the request and the audit log.
    /// </summary>
    public static async Task A_phone_request_needs_the_residents_consent_and_is_audited_with_both_ids(ConnectiveWebFactory factory)
    {
        var (wardA, _) = await WardsAsync(factory);
        var tag = Tag();
        var resident = await AddResidentAsync(factory, wardA, "Phoned" + tag, online: false);
        using var coordinator = await SignedInAsync(factory, DemoAccounts.EmailFor(Roles.Coordinator));
        var body = new { ResidentId = resident, TaskTypeId = CircleTaskTypes.DigitalHelp, Details = "Set up video calls", Urgency = "Routine", DeadlineAt = DateTime.UtcNow.AddDays(3) };

        var formBefore = WebUtility.HtmlDecode(await coordinator.Http.GetStringAsync($"/circle/coordinator/phone-request?residentId={resident}"));
        var refused = await coordinator.Http.PostAsJsonAsync("/api/v1/circle/coordinator/phone-requests", body);
        var refusedText = await refused.Content.ReadAsStringAsync();
        // The form is not shown without consent; a forged post (token from another form in the session) is still refused.
        var pagePost = await PostFormAsync(coordinator, $"/residents/{resident}/phone-consent", "/circle/coordinator/phone-request", new()
        {
            ["residentId"] = resident.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TaskTypeId"] = CircleTaskTypes.DigitalHelp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Details"] = "Set up video calls",
            ["Urgency"] = "Routine",
            ["DaysToDeadline"] = "3",
        });
        var requestsBefore = await DbAsync(factory, db => db.HelpRequests.CountAsync(r => r.RequesterResidentId == resident));
        await using (var scope = factory.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConsentRecords>().GiveAsync(resident, ProxyContext.Purpose, ConsentMethod.Phone, CoordinatorAccount,
                PhoneScripts.Current.Version, CancellationToken.None);
        }
        var formAfter = WebUtility.HtmlDecode(await coordinator.Http.GetStringAsync($"/circle/coordinator/phone-request?residentId={resident}"));
        var created = await coordinator.Http.PostAsJsonAsync("/api/v1/circle/coordinator/phone-requests", body);

        Assert.Contains("Ask them and record their consent", formBefore, StringComparison.Ordinal);
        Assert.DoesNotContain("Record the request</button>", formBefore, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("has not agreed that a coordinator may act for them", refusedText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, pagePost.StatusCode);
        Assert.Equal(0, requestsBefore);
        Assert.Contains("Record the request</button>", formAfter, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var request = await DbAsync(factory, db => db.HelpRequests.SingleAsync(r => r.RequesterResidentId == resident));
        Assert.Equal((CoordinatorAccount, true), (request.RecordedByAccountId, request.ByPhone));
        var audit = await DbAsync(factory, db => db.AuditEntries.Where(e => e.SubjectResidentId == resident).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(2, audit.Count(e => e.Action == AuditActions.ActOnBehalfRefused && e.ActorId == CoordinatorAccount && e.OnBehalfOfResidentId == resident));
        Assert.Contains(audit, e => e.Action == AuditActions.ActedOnBehalf && e.ActorId == CoordinatorAccount && e.OnBehalfOfResidentId == resident);
        Assert.Contains(audit, e => e.Action == CircleAuditActions.RecordedPhoneRequest && e.ActorId == CoordinatorAccount && e.OnBehalfOfResidentId == resident
                                    && e.Reason == $"Help request {request.Id} taken by phone");
    }

    /// <summary>The vetting page records a check, refuses bad input without writing anything, and suspends (withdrawing tasks) and reinstates; all audited.</summary>
    public static async Task The_vetting_page_records_checks_and_suspends_and_reinstates(ConnectiveWebFactory factory)
    {
        var (wardA, _) = await WardsAsync(factory);
        var tag = Tag();
        var requester = await AddResidentAsync(factory, wardA, "Vetreq" + tag, online: true);
        var helper = await AddHelperAsync(factory, wardA, "Vethelper" + tag, near: requester);
        using var coordinator = await SignedInAsync(factory, DemoAccounts.EmailFor(Roles.Coordinator));
        var page = $"/circle/coordinator/helpers/{helper}";
        var issuedOn = DateTime.UtcNow.Date.AddYears(-1);
        var today = DateTime.UtcNow.Date;

        var badDate = await PostFormAsync(coordinator, page, page + "?handler=Vetting", new()
        {
            ["Scheme"] = "Dbs",
            ["Level"] = "EnhancedWithAdultsBarredList",
            ["CertificateNumber"] = "001122334455",
            ["IssuedOn.Day"] = "31",
            ["IssuedOn.Month"] = "2",
            ["IssuedOn.Year"] = "2025",
        });
        var badDateHtml = WebUtility.HtmlDecode(await badDate.Content.ReadAsStringAsync());
        var barredWithoutLevel = await PostFormAsync(coordinator, page, page + "?handler=Vetting", new()
        {
            ["Scheme"] = "Dbs",
            ["Level"] = "Basic",
            ["CertificateNumber"] = "001122334455",
            ["IssuedOn.Day"] = Part(issuedOn.Day),
            ["IssuedOn.Month"] = Part(issuedOn.Month),
            ["IssuedOn.Year"] = Part(issuedOn.Year),
            ["BarredListChecked"] = "true",
        });
        var nothingWritten = await DbAsync(factory, db => db.VettingRecords.AnyAsync(v => v.HelperResidentId == helper));
        var good = await PostFormAsync(coordinator, page, page + "?handler=Vetting", new()
        {
            ["Scheme"] = "Dbs",
            ["Level"] = "EnhancedWithAdultsBarredList",
            ["CertificateNumber"] = "001122334455",
            ["IssuedOn.Day"] = Part(issuedOn.Day),
            ["IssuedOn.Month"] = Part(issuedOn.Month),
            ["IssuedOn.Year"] = Part(issuedOn.Year),
            ["BarredListChecked"] = "true",
            ["UpdateServiceSubscribed"] = "true",
            ["LastStatusCheckOn.Day"] = Part(today.Day),
            ["LastStatusCheckOn.Month"] = Part(today.Month),
            ["LastStatusCheckOn.Year"] = Part(today.Year),
            ["training[0]"] = "Safeguarding",
            ["training[1]"] = "LoneWorking",
        });
        Assert.True(good.StatusCode == HttpStatusCode.Redirect, ErrorsIn(await good.Content.ReadAsStringAsync()));
        var record = await DbAsync(factory, db => db.VettingRecords.AsNoTracking().SingleAsync(v => v.HelperResidentId == helper));
        var listed = WebUtility.HtmlDecode(await coordinator.Http.GetStringAsync("/circle/coordinator/helpers"));
        // With the check recorded, the helper is offered a visit (the requester has no ties: only vetted helpers are asked).
        var requestId = await AskAsync(factory, requester, CircleTaskTypes.Befriending);
        var noReason = await PostFormAsync(coordinator, page, page + "?handler=Suspend", new() { ["reason"] = " " });
        var notConfirmed = await PostFormAsync(coordinator, page, page + "?handler=Suspend", new() { ["reason"] = "Did not turn up twice" });
        var stillActive = await DbAsync(factory, db => db.HelperProfiles.Where(h => h.ResidentId == helper).Select(h => h.Status).SingleAsync());
        var suspended = await PostFormAsync(coordinator, page, page + "?handler=Suspend", new() { ["reason"] = "Did not turn up twice", ["confirm"] = "true" });
        var offer = await DbAsync(factory, db => db.HelpOffers.AsNoTracking().SingleAsync(o => o.RequestId == requestId && o.HelperResidentId == helper));
        var reinstated = await PostFormAsync(coordinator, page, page + "?handler=Reinstate", []);

        Assert.Equal(HttpStatusCode.OK, badDate.StatusCode);
        Assert.Contains("Enter the date the certificate was issued", badDateHtml, StringComparison.Ordinal);
        Assert.Contains("govuk-error-summary", badDateHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, barredWithoutLevel.StatusCode);
        Assert.False(nothingWritten);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal((CheckLevel.EnhancedWithAdultsBarredList, "001122334455", true, true, CoordinatorAccount),
            (record.Level, record.CertificateNumber, record.BarredListChecked, record.UpdateServiceSubscribed, record.RecordedByAccountId));
        Assert.Equal(record.IssuedOn.AddYears(3), record.RecheckDueOn);
        Assert.Contains("001122334455", listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains(Web.Features.Circle.Coordinator.HelperModel.ConfirmSuspensionMessage, WebUtility.HtmlDecode(await notConfirmed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HelperStatus.Active, stillActive);
        Assert.Equal(HttpStatusCode.Redirect, suspended.StatusCode);
        Assert.Equal(OfferResponse.Withdrawn, offer.Response);
        Assert.Equal(HttpStatusCode.Redirect, reinstated.StatusCode);
        Assert.Equal(HelperStatus.Active, await DbAsync(factory, db => db.HelperProfiles.Where(h => h.ResidentId == helper).Select(h => h.Status).SingleAsync()));
        var actions = await DbAsync(factory, db => db.AuditEntries.Where(e => e.SubjectResidentId == helper && e.ActorId == CoordinatorAccount).Select(e => e.Action).ToListAsync());
        Assert.Contains(CircleAuditActions.RecordedVetting, actions);
        Assert.Contains(CircleAuditActions.SuspendedHelper, actions);
        Assert.Contains(CircleAuditActions.ReinstatedHelper, actions);
        Assert.Contains(CircleAuditActions.ViewedHelper, actions);
    }

    /// <summary>Removing a helper for harm suspends them through Circle: every task offered to or accepted by them is withdrawn, and the referral is kept.</summary>
    public static async Task Removal_for_harm_suspends_the_helper_and_withdraws_their_tasks(ConnectiveWebFactory factory)
    {
        var world = await CircleWorld.CreateAsync(factory);
        var helper = await world.AddHelperAsync(CheckLevel.EnhancedWithAdultsBarredList, barredListChecked: true, tiedTo: world.RequesterId);
        var accepted = await world.AskAsync(CircleTaskTypes.DigitalHelp);
        var pending = await world.AskAsync(CircleTaskTypes.Gardening);
        Assert.True((await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.AcceptAsync(accepted, helper, CancellationToken.None))).Succeeded);
        var lead = Principal("demo-safeguardinglead", Roles.SafeguardingLead);

        var (concern, _) = await world.WithAsync<SafeguardingCases, (long? Id, IReadOnlyDictionary<string, string> Errors)>(cases =>
            cases.RaiseAsync(lead, new NewConcern("The helper shouted at the resident.", helper, accepted), CancellationToken.None));
        var name = await world.DbAsync(db => db.Residents.Where(r => r.Id == helper).Select(r => r.GivenName + " " + r.FamilyName).SingleAsync());
        var errors = await world.WithAsync<SafeguardingCases, IReadOnlyDictionary<string, string>>(cases =>
            cases.ReferAsync(lead, concern!.Value, new NewReferral(ReferralAgency.DisclosureAndBarringService, "DBS-" + Tag(), helper, name), CancellationToken.None));

        Assert.Empty(errors);
        var profile = await world.DbAsync(db => db.HelperProfiles.AsNoTracking().SingleAsync(h => h.ResidentId == helper));
        Assert.Equal((HelperStatus.Suspended, 0), (profile.Status, profile.ActiveTasks));
        Assert.Contains($"safeguarding concern {concern}", profile.SuspensionReason, StringComparison.Ordinal);
        Assert.All((await world.OffersAsync(accepted)).Concat(await world.OffersAsync(pending)).Where(o => o.HelperResidentId == helper),
            offer => Assert.Equal(OfferResponse.Withdrawn, offer.Response));
        var reopened = await world.RequestAsync(accepted);
        Assert.Equal((HelpRequestStatus.Offered, 0), (reopened.Status, reopened.PlacesTaken));
        Assert.Equal(helper, await world.DbAsync(db => db.SafeguardingReferrals.Where(r => r.ConcernId == concern).Select(r => r.RemovedHelperResidentId).SingleAsync()));
        Assert.True(await world.DbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == CircleAuditActions.SuspendedHelper && e.SubjectResidentId == helper)));
    }

    /// <summary>
    /// Erasing a helper, then the person they helped: what may go goes, vetting and money handled are kept (and listed with
    /// the reason), the time-credit ledger stays balanced and anonymous, and no Circle row points at either person any more.
    /// </summary>
    public static async Task Erasing_a_helper_and_a_requester_keeps_what_must_be_kept_and_leaves_no_dangling_rows(ConnectiveWebFactory factory)
    {
        var world = await CircleWorld.CreateAsync(factory);
        var requester = world.RequesterId;
        var helper = await world.AddHelperAsync(CheckLevel.EnhancedWithAdultsBarredList, barredListChecked: true, tiedTo: requester);
        var shopping = await world.AskAsync(CircleTaskTypes.Shopping);
        Assert.True((await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.AcceptAsync(shopping, helper, CancellationToken.None))).Succeeded);
        Assert.True((await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.CheckInAsync(shopping, helper, CancellationToken.None))).Succeeded);
        var checkedOut = await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.CheckOutAsync(shopping, helper, new MoneyHandled(2000, 1435, 565, true), CancellationToken.None));
        Assert.True(checkedOut.Succeeded, checkedOut.Message);
        Assert.True((await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.ThankAsync(shopping, requester, "Thank you!", CancellationToken.None))).Succeeded);
        var stillOpen = await world.AskAsync(CircleTaskTypes.DigitalHelp);
        Assert.True((await world.WithAsync<CircleTasks, CircleOutcome>(tasks => tasks.AcceptAsync(stillOpen, helper, CancellationToken.None))).Succeeded);
        var admin = Principal("demo-admin", Roles.Admin);

        var helperReceipt = await world.WithAsync<PersonErasure, ErasureReceipt>(erasure => erasure.EraseAsync(admin, new DataSubject(helper, null), CancellationToken.None));
        var reopened = await world.RequestAsync(stillOpen);
        var requesterReceipt = await world.WithAsync<PersonErasure, ErasureReceipt>(erasure => erasure.EraseAsync(admin, new DataSubject(requester, null), CancellationToken.None));

        Assert.Contains(helperReceipt.KeptItems, item => item.What.Contains("criminal-records check", StringComparison.Ordinal) && item.Count == 1 && item.KeptBecause!.Contains("Safeguarding", StringComparison.Ordinal));
        Assert.Contains(helperReceipt.KeptItems, item => item.What.StartsWith("Money handled", StringComparison.Ordinal) && item.Count == 1);
        Assert.Contains(helperReceipt.KeptItems, item => item.What.StartsWith("Time credits", StringComparison.Ordinal) && item.KeptBecause!.Contains("double-entry", StringComparison.Ordinal));
        Assert.Contains(helperReceipt.Erased, item => item.What.StartsWith("Your offer to help", StringComparison.Ordinal) && item.Count == 1);
        Assert.Contains(helperReceipt.Erased, item => item.What.StartsWith("Tasks offered to you", StringComparison.Ordinal) && item.Count == 2);
        Assert.Contains(helperReceipt.Erased, item => item.What.StartsWith("Thanks messages", StringComparison.Ordinal) && item.Count == 1);
        Assert.Equal((HelpRequestStatus.Offered, 0), (reopened.Status, reopened.PlacesTaken));
        Assert.Contains(requesterReceipt.Erased, item => item.What.StartsWith("Requests for help you made", StringComparison.Ordinal) && item.Count == 2);
        Assert.Contains(requesterReceipt.KeptItems, item => item.What.StartsWith("Money handled", StringComparison.Ordinal) && item.Count == 1);
        Assert.DoesNotContain(requesterReceipt.KeptItems, item => item.What.Contains("criminal-records check", StringComparison.Ordinal));

        int[] people = [helper, requester];
        await world.DbAsync(async db =>
        {
            Assert.False(await db.HelpRequests.AnyAsync(r => people.Contains(r.RequesterResidentId)));
            Assert.False(await db.HelpOffers.AnyAsync(o => people.Contains(o.HelperResidentId)));
            Assert.False(await db.HelperProfiles.AnyAsync(h => people.Contains(h.ResidentId)));
            Assert.False(await db.VettingRecords.AnyAsync(v => people.Contains(v.HelperResidentId)));
            Assert.False(await db.RequesterUpdates.AnyAsync(u => people.Contains(u.ResidentId)));
            Assert.False(await db.CoordinatorTasks.AnyAsync(t => (t.ResidentId != null && people.Contains(t.ResidentId.Value)) || (t.HelperResidentId != null && people.Contains(t.HelperResidentId.Value))));
            Assert.False(await db.ThanksMessages.AnyAsync(t => people.Contains(t.FromResidentId) || people.Contains(t.ToResidentId)));
            Assert.False(await db.CreditAccounts.AnyAsync(a => a.ResidentId != null && people.Contains(a.ResidentId.Value)));
            Assert.False(await db.CreditPostings.AnyAsync(p => (p.GiverResidentId != null && people.Contains(p.GiverResidentId.Value)) || (p.RecipientResidentId != null && people.Contains(p.RecipientResidentId.Value))));
            Assert.False(await db.Residents.AnyAsync(r => people.Contains(r.Id)));
            // The ledger still balances: every transfer's entries sum to zero, and every balance is the sum of its entries.
            Assert.Equal(0, await db.CreditEntries.SumAsync(e => e.Minutes));
            var sums = await db.CreditEntries.GroupBy(e => e.AccountId).Select(g => new { g.Key, Sum = g.Sum(e => e.Minutes) }).ToDictionaryAsync(g => g.Key, g => g.Sum);
            foreach (var account in await db.CreditAccounts.AsNoTracking().ToListAsync())
            {
                Assert.Equal(sums.GetValueOrDefault(account.Id), account.BalanceMinutes);
            }
            var kept = await db.CircleKeptRecords.AsNoTracking().Where(k => (k.HelperResidentId != null && people.Contains(k.HelperResidentId.Value))).ToListAsync();
            Assert.Single(kept, k => k.Kind == CircleKeptRecordKind.VettingCheck && k.CertificateNumber == "001234567890");
            var money = Assert.Single(kept, k => k.Kind == CircleKeptRecordKind.MoneyHandled);
            Assert.Equal((2000L, 1435L, 565L, true, (int?)requester, (long?)shopping),
                (money.MoneyGivenPence!.Value, money.MoneySpentPence!.Value, money.ChangeReturnedPence!.Value, money.ReceiptKept!.Value, money.RequesterResidentId, money.RequestId));
            return true;
        });
    }

    /// <summary>
    /// A coordinator starts a circle and organises a meetup on the page (bad input is refused without a record); changing
    /// its time and cancelling it tell everyone with a place (e-mail, or a letter for someone offline); no place can be taken
    /// after; a coordinator of another ward can do neither.
    /// </summary>
    public static async Task Organising_a_meetup_tells_people_with_a_place_of_changes_and_cancellation(ConnectiveWebFactory factory)
    {
        var (wardA, wardB) = await WardsAsync(factory);
        var tag = Tag();
        var online = await AddResidentAsync(factory, wardA, "Walker" + tag, online: false);
        var offline = await AddResidentAsync(factory, wardA, "Strider" + tag, online: false);
        var email = $"walker-{tag}@example.org";
        await DbAsync(factory, async db => await db.Residents.Where(r => r.Id == online).ExecuteUpdateAsync(set => set.SetProperty(r => r.Email, email)));
        using var coordinator = await SignedInAsync(factory, DemoAccounts.EmailFor(Roles.Coordinator));
        const string Organise = "/circle/meetups/organise";
        var day = DateTime.UtcNow.Date.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var wardAText = wardA.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var circlePost = await PostFormAsync(coordinator, Organise, Organise + "?handler=Circle", new()
        {
            ["name"] = "Walkers " + tag,
            ["description"] = "Gentle walks in the park, for anyone who likes a stroll and a chat.",
            ["wardId"] = wardAText,
        });
        var circleId = await DbAsync(factory, db => db.Circles.Where(c => c.Name == "Walkers " + tag).Select(c => c.Id).SingleAsync());
        var circleText = circleId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Dictionary<string, string> Meetup(string date) => new()
        {
            ["CircleId"] = circleText,
            ["Title"] = "Walk " + tag,
            ["Date"] = date,
            ["Time"] = "10:30",
            ["DurationMinutes"] = "90",
            ["Place"] = "The park gates",
            ["Capacity"] = "12",
            ["AccessibilityNotes"] = "Flat paths; benches every 200 m.",
        };
        var badDate = await PostFormAsync(coordinator, Organise, Organise + "?handler=Meetup", Meetup("next Tuesday"));
        var badDateHtml = WebUtility.HtmlDecode(await badDate.Content.ReadAsStringAsync());
        var noneWritten = await DbAsync(factory, db => db.Meetups.AnyAsync(m => m.Title == "Walk " + tag));
        var created = await PostFormAsync(coordinator, Organise, Organise + "?handler=Meetup", Meetup(day));
        var meetup = await DbAsync(factory, db => db.Meetups.AsNoTracking().SingleAsync(m => m.Title == "Walk " + tag));
        await using (var scope = factory.CreateScope())
        {
            var book = scope.ServiceProvider.GetRequiredService<Features.Circle.Meetups.MeetupBook>();
            Assert.Equal(Features.Circle.Meetups.RsvpOutcome.Booked, await book.RsvpAsync(meetup.Id, online, CancellationToken.None));
            Assert.Equal(Features.Circle.Meetups.RsvpOutcome.Booked, await book.RsvpAsync(meetup.Id, offline, CancellationToken.None));
        }
        var wardBCoordinator = await DbAsync(factory, db => db.RoleAssignments.Where(a => a.Role == Roles.Coordinator && a.WardId == wardB)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => u.Email!).FirstAsync());
        using var other = await SignedInAsync(factory, wardBCoordinator);
        var otherCancel = await other.Http.PostAsJsonAsync($"/api/v1/circle/meetups/{meetup.Id}/cancel", new { Reason = "Not mine" });
        var newStart = meetup.StartsAt.AddHours(2);
        var changed = await coordinator.Http.PutAsJsonAsync($"/api/v1/circle/meetups/{meetup.Id}", new
        {
            CircleId = circleId,
            Title = "Walk " + tag,
            StartsAt = newStart,
            DurationMinutes = 90,
            Place = "The park gates",
            Capacity = 12,
        });
        var tooSmall = await coordinator.Http.PutAsJsonAsync($"/api/v1/circle/meetups/{meetup.Id}", new
        {
            CircleId = circleId,
            Title = "Walk " + tag,
            StartsAt = newStart,
            DurationMinutes = 90,
            Place = "The park gates",
            Capacity = 1,
        });
        var noReason = await coordinator.Http.PostAsJsonAsync($"/api/v1/circle/meetups/{meetup.Id}/cancel", new { Reason = "" });
        var cancelled = await coordinator.Http.PostAsJsonAsync($"/api/v1/circle/meetups/{meetup.Id}/cancel", new { Reason = "The park is closed for a fair." });
        int lateComer;
        Features.Circle.Meetups.RsvpOutcome late;
        bool listed;
        await using (var scope = factory.CreateScope())
        {
            var book = scope.ServiceProvider.GetRequiredService<Features.Circle.Meetups.MeetupBook>();
            lateComer = await AddResidentAsync(factory, wardA, "Late" + tag, online: false);
            late = await book.RsvpAsync(meetup.Id, lateComer, CancellationToken.None);
            listed = (await book.UpcomingAsync(null, circleId, CancellationToken.None)).Any(m => m.Id == meetup.Id);
        }

        Assert.Equal(HttpStatusCode.Redirect, circlePost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, badDate.StatusCode);
        Assert.Contains("Enter the date as year-month-day", badDateHtml, StringComparison.Ordinal);
        Assert.False(noneWritten);
        Assert.Equal($"/circle/meetups/{meetup.Id}", PathOf(created).Split('?')[0]);
        Assert.Equal((12, "Flat paths; benches every 200 m."), (meetup.Capacity, meetup.AccessibilityNotes));
        Assert.Equal(HttpStatusCode.Forbidden, otherCancel.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooSmall.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.Equal(Features.Circle.Meetups.RsvpOutcome.Cancelled, late);
        Assert.False(listed);
        var stored = await DbAsync(factory, db => db.Meetups.AsNoTracking().SingleAsync(m => m.Id == meetup.Id));
        Assert.Equal((newStart, 12, "The park is closed for a fair."), (stored.StartsAt, stored.Capacity, stored.CancelledBecause));
        var mail = await DbAsync(factory, db => db.OutboxMessages.AsNoTracking().Where(m => m.To == email).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(["Changed: Walk " + tag, "Cancelled: Walk " + tag], mail.Select(m => m.Subject));
        Assert.Contains("The park is closed for a fair.", mail[1].Body, StringComparison.Ordinal);
        var letters = await DbAsync(factory, db => db.OutboxMessages.AsNoTracking().Where(m => m.RecipientResidentId == offline).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal([OutboxKind.Letter, OutboxKind.Letter], letters.Select(m => m.Kind));
        Assert.Equal(["Changed: Walk " + tag, "Cancelled: Walk " + tag], letters.Select(m => m.Subject));
    }

    private static async Task<(int WardA, int WardB)> WardsAsync(ConnectiveWebFactory factory) =>
        await DbAsync(factory, async db =>
        {
            var wardA = await db.RoleAssignments.Where(a => a.UserId == CoordinatorAccount && a.Role == Roles.Coordinator).Select(a => a.WardId!.Value).SingleAsync();
            var wardB = await db.RoleAssignments.Where(a => a.Role == Roles.Coordinator && a.WardId != null && a.WardId != wardA).Select(a => a.WardId!.Value).FirstAsync();
            return (wardA, wardB);
        });

    /// <summary>A resident of the ward, with their own household far from the demo borough and from other tests.</summary>
    private static async Task<int> AddResidentAsync(ConnectiveWebFactory factory, int wardId, string familyName, bool online, int? near = null)
    {
        var place = Interlocked.Increment(ref _nextPlace);
        var latitude = 20.0 + 0.5 * place;
        return await DbAsync(factory, async db =>
        {
            if (near is { } neighbour)
            {
                latitude = await db.Residents.Where(r => r.Id == neighbour).Select(r => r.Latitude).SingleAsync() + 0.002;
            }
            var household = new Household { WardId = wardId, AddressLine = $"{place} Coordination Row", Postcode = "DB2 9ZZ", Latitude = latitude, Longitude = 1.5 };
            db.Households.Add(household);
            await db.SaveChangesAsync();
            var resident = new Resident
            {
                HouseholdId = household.Id,
                WardId = wardId,
                GivenName = "Circle",
                FamilyName = familyName,
                BirthYear = 1945,
                Latitude = latitude,
                Longitude = 1.5,
                HasAccount = online,
            };
            db.Residents.Add(resident);
            await db.SaveChangesAsync();
            return resident.Id;
        });
    }

    private static async Task<int> AddHelperAsync(ConnectiveWebFactory factory, int wardId, string familyName, int? near = null)
    {
        var id = await AddResidentAsync(factory, wardId, familyName, online: true, near);
        await DbAsync(factory, async db =>
        {
            var home = await db.Residents.Where(r => r.Id == id).Select(r => new { r.Latitude, r.Longitude }).SingleAsync();
            db.HelperProfiles.Add(new HelperProfile
            {
                ResidentId = id,
                Skills = CircleWorld.AllSkills,
                AvailableDays = 0x7F,
                AvailableFromHour = 0,
                AvailableToHour = 24,
                MaxDistanceKm = 5,
                MaxTasks = 3,
                Latitude = home.Latitude,
                Longitude = home.Longitude,
                CreatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>A request from the resident, recorded by a test account; a helper living at the same place is offered it at once.</summary>
    private static async Task<long> AskAsync(ConnectiveWebFactory factory, int residentId, int taskTypeId)
    {
        await using var scope = factory.CreateScope();
        var tasks = scope.ServiceProvider.GetRequiredService<CircleTasks>();
        var input = new NewHelpRequest(residentId, taskTypeId, "Coordination test", null, HelpUrgency.Routine, DateTime.UtcNow.AddDays(3));
        Assert.Empty(await tasks.ValidateAsync(input, CancellationToken.None));
        return (await tasks.CreateAsync(input, "test", byPhone: false, CancellationToken.None)).Id;
    }

    private static async Task<T> DbAsync<T>(ConnectiveWebFactory factory, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = factory.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static async Task<AccountClient> SignedInAsync(ConnectiveWebFactory factory, string email)
    {
        var client = new AccountClient(factory);
        var response = await client.SignInAsync(email, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Reads the antiforgery token from <paramref name="formPage"/> and posts the fields to <paramref name="path"/>.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(AccountClient client, string formPage, string path, Dictionary<string, string> fields)
    {
        var page = await client.Http.GetStringAsync(formPage);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"{formPage} has no antiforgery token");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        using var content = new FormUrlEncodedContent(fields);
        return await client.Http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    private static string PathOf(HttpResponseMessage response) =>
        response.Headers.Location is { } uri ? (uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString) : $"(no redirect: {(int)response.StatusCode})";

    private static string ErrorsIn(string html) =>
        string.Join(" | ", Regex.Matches(html, "govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span>([^<]*)<").Select(m => m.Groups[1].Value.Trim()));

    private static ClaimsPrincipal Principal(string accountId, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, accountId), new Claim(ClaimTypes.Role, role)], "test"));

    /// <summary>Letters only (names are matched by letters), unique to this run.</summary>
    private static string Tag() => new([.. Guid.NewGuid().ToString("N").Select(c => (char)('a' + (c % 26))).Take(8)]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>One box of a GOV.UK date input, as a person types it.</summary>
    private static string Part(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
