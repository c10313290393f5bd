using System.Net;
using System.Net.Http.Json;
using Connective.Web.Demo;
using Connective.Web.Features.Circle.Safeguarding;
using Connective.Web.Platform.Access;
using Connective.Web.Tests.Fixtures;
using Connective.Web.Tests.Identity;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Tests.Circle;

/// <summary>Safeguarding's tests, written once and run on each provider.</summary>
internal static class SafeguardingChecks
{
    public static async Task A_concern_reaches_only_the_safeguarding_lead_and_every_step_is_audited(ConnectiveWebFactory factory)
    {
        using var resident = await SignedInAsync(factory, Roles.Resident);
        using var coordinator = await SignedInAsync(factory, Roles.Coordinator);
        using var lead = await SignedInAsync(factory, Roles.SafeguardingLead);
        var description = "The helper asked for my bank card " + Guid.NewGuid().ToString("N");
        // The concern is about a helper, the one a removal for harm may name (an unrelated resident number is refused).
        int helper;
        string helperName;
        await using (var before = factory.CreateScope())
        {
            helper = await CreditsChecks.Db(before).HelperProfiles.OrderBy(profile => profile.ResidentId).Select(profile => profile.ResidentId).FirstAsync();
            helperName = await CreditsChecks.Db(before).Residents.Where(r => r.Id == helper).Select(r => r.GivenName + " " + r.FamilyName).SingleAsync();
        }

        var raised = await resident.Http.PostAsJsonAsync("/api/v1/circle/safeguarding/concerns", new { AboutResidentId = helper, Description = description });
        var residentQueue = await resident.Http.GetAsync("/api/v1/circle/safeguarding/concerns");
        var coordinatorQueue = await coordinator.Http.GetAsync("/api/v1/circle/safeguarding/concerns");
        var coordinatorPage = await coordinator.Http.GetAsync("/circle/safeguarding");
        var queue = await lead.Http.GetFromJsonAsync<List<ConcernSummary>>("/api/v1/circle/safeguarding/concerns");
        var id = queue!.Single(concern => concern.AboutResidentId == helper && concern.Status == ConcernStatus.New).Id;
        var residentDetail = await resident.Http.GetAsync($"/api/v1/circle/safeguarding/concerns/{id}");
        var detail = await lead.Http.GetFromJsonAsync<ConcernDetail>($"/api/v1/circle/safeguarding/concerns/{id}");
        var leadPage = await lead.Http.GetStringAsync($"/circle/safeguarding/concerns/{id}");
        var note = await lead.Http.PostAsJsonAsync($"/api/v1/circle/safeguarding/concerns/{id}/notes", new { Text = "Called the resident back." });
        var referral = await lead.Http.PostAsJsonAsync($"/api/v1/circle/safeguarding/concerns/{id}/referrals",
            new { Agency = "DisclosureAndBarringService", Reference = "DBS-REF-1", RemoveHelperResidentId = helper, ConfirmHelperName = helperName });

        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, residentQueue.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, coordinatorQueue.StatusCode);
        Assert.StartsWith("/account/access-denied", coordinatorPage.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, residentDetail.StatusCode);
        Assert.Equal(description, detail!.Description);
        Assert.Contains(description, WebUtility.HtmlDecode(leadPage), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, note.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, referral.StatusCode);

        await using var scope = factory.CreateScope();
        var db = CreditsChecks.Db(scope);
        var reason = $"concern {id}";
        var entries = await db.AuditEntries.Where(entry => entry.Reason != null && entry.Reason.StartsWith(reason)).ToListAsync();
        Assert.Contains(entries, entry => entry.Action == SafeguardingAuditActions.Raised && entry.ActorId == "demo-resident" && entry.SubjectResidentId == helper);
        Assert.Contains(entries, entry => entry.Action == SafeguardingAuditActions.Viewed && entry.ActorRole == Roles.SafeguardingLead);
        Assert.Contains(entries, entry => entry.Action == SafeguardingAuditActions.NoteAdded);
        Assert.Contains(entries, entry => entry.Action == SafeguardingAuditActions.Referred);
        Assert.Contains(entries, entry => entry.Action == SafeguardingAuditActions.HelperRemoved && entry.SubjectResidentId == helper);
        Assert.DoesNotContain(entries, entry => entry.Reason!.Contains("bank card", StringComparison.Ordinal));
        var stored = await db.SafeguardingReferrals.SingleAsync(row => row.ConcernId == id);
        Assert.Equal((ReferralAgency.DisclosureAndBarringService, "DBS-REF-1", (int?)helper), (stored.Agency, stored.Reference, stored.RemovedHelperResidentId));
        Assert.Equal(ConcernStatus.Referred, await db.SafeguardingConcerns.Where(row => row.Id == id).Select(row => row.Status).SingleAsync());
    }

    private static async Task<AccountClient> SignedInAsync(ConnectiveWebFactory factory, string role)
    {
        var client = new AccountClient(factory);
        var response = await client.SignInAsync(DemoAccounts.EmailFor(role), DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
