using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Connective.Web.Data;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Connective.Web.Tests.Fixtures;
using Connective.Web.Tests.Identity;
using Connective.Web.Tests.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.DataRights;

/// <summary>The safeguarding lead's enquiries page and what the person it is about sees, written once and run on each provider.</summary>
internal static partial class SafeguardingEnquiryChecks
{
    private const string Lead = "demo-safeguardinglead";

    public static async Task Who_looked_withholds_an_enquiry_opened_on_the_page_until_the_lead_closes_it(ConnectiveWebFactory factory)
    {
        var (resident, _, residentId) = await ResidentsChecks.NewResidentWithAccountAsync(factory);
        using var _ = resident;
        using var lead = await AccountClient.SignedInAsDemoAsync(factory, Roles.SafeguardingLead);
        var reason = "Concern raised by a neighbour " + Guid.NewGuid().ToString("N")[..6];

        var opened = await lead.PostFormAsync("/safeguarding/enquiries?handler=Open", new Dictionary<string, string>
        {
            ["Basis"] = nameof(AuditBasis.SafeguardingEnquiry),
            ["SubjectResidentId"] = residentId.ToString(CultureInfo.InvariantCulture),
            ["Reason"] = reason,
        });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var enquiryId = await EnquiryAboutAsync(factory, residentId);
        var listed = await lead.Http.GetStringAsync("/safeguarding/enquiries");
        var whileOpen = await resident.Http.GetStringAsync("/account/my-data");

        var closed = await lead.PostFormAsync("/safeguarding/enquiries?handler=Close", new Dictionary<string, string>
        {
            ["enquiryId"] = enquiryId.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var afterClosing = await resident.Http.GetStringAsync("/account/my-data");

        Assert.Contains(reason, OpenSection(listed), StringComparison.Ordinal);
        Assert.DoesNotContain("Safeguarding lead", whileOpen, StringComparison.Ordinal);
        Assert.DoesNotContain("For a safeguarding enquiry", whileOpen, StringComparison.Ordinal);
        Assert.Contains("Safeguarding lead", afterClosing, StringComparison.Ordinal);
        Assert.Contains("For a safeguarding enquiry", afterClosing, StringComparison.Ordinal);
        Assert.DoesNotContain(reason, afterClosing, StringComparison.Ordinal);
        Assert.DoesNotContain(Lead, afterClosing, StringComparison.Ordinal);
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.NotNull((await db.AuditEnquiries.SingleAsync(enquiry => enquiry.Id == enquiryId)).ClosedAt);
        var trail = await db.AuditEntries.Where(entry => entry.EnquiryId == enquiryId).OrderBy(entry => entry.Id).ToListAsync();
        Assert.Collection(trail,
            entry => Assert.Equal((AuditActions.OpenedEnquiry, Lead, Roles.SafeguardingLead, (int?)residentId, AuditBasis.SafeguardingEnquiry),
                (entry.Action, entry.ActorId, entry.ActorRole, entry.SubjectResidentId, entry.Basis)),
            entry => Assert.Equal((AuditActions.ClosedEnquiry, Lead, (int?)null), (entry.Action, entry.ActorId, entry.SubjectResidentId)));
    }

    public static async Task Opening_an_enquiry_needs_a_resident_that_exists_and_a_reason(ConnectiveWebFactory factory)
    {
        using var lead = await AccountClient.SignedInAsDemoAsync(factory, Roles.SafeguardingLead);
        int enquiriesBefore;
        await using (var scope = factory.CreateScope())
        {
            enquiriesBefore = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEnquiries.CountAsync();
        }

        var refused = await lead.PostFormAsync("/safeguarding/enquiries?handler=Open", new Dictionary<string, string>
        {
            ["Basis"] = nameof(AuditBasis.SafeguardingEnquiry),
            ["SubjectResidentId"] = "999999999",
            ["Reason"] = " ",
        });

        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("There is no resident with that id", html, StringComparison.Ordinal);
        Assert.Contains("Enter the reason for the enquiry", html, StringComparison.Ordinal);
        await using var check = factory.CreateScope();
        Assert.Equal(enquiriesBefore, await check.ServiceProvider.GetRequiredService<AppDbContext>().AuditEnquiries.CountAsync());
    }

    private static async Task<long> EnquiryAboutAsync(ConnectiveWebFactory factory, int residentId)
    {
        await using var scope = factory.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEnquiries
            .Where(enquiry => enquiry.SubjectResidentId == residentId).Select(enquiry => enquiry.Id).SingleAsync();
    }

    /// <summary>The open-enquiries table of the page, so a row found there is really listed as open.</summary>
    private static string OpenSection(string html)
    {
        var match = OpenEnquiriesTable().Match(html);
        Assert.True(match.Success, "the page has no open-enquiries table");
        return match.Value;
    }

    [GeneratedRegex("<table class=\"govuk-table\" id=\"enquiries\">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex OpenEnquiriesTable();
}
