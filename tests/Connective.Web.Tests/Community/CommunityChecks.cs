using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Connective.Web.Data;
using Connective.Web.Platform.Disclosure;
using Connective.Web.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Community;

/// <summary>The Community tests, written once and run on each provider.</summary>
internal static partial class CommunityChecks
{
    public static async Task Wards_page_shows_each_ward_with_its_resident_count(ConnectiveWebFactory factory)
    {
        var expected = await WardCountsAsync(factory);
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/community");

        Assert.NotEmpty(expected);
        foreach (var (name, code, residents) in expected)
        {
            var row = TableRows().Matches(html).Select(match => match.Value).SingleOrDefault(row => row.Contains($">{WebUtility.HtmlEncode(name)}</a>", StringComparison.Ordinal));
            Assert.True(row is not null, $"no row for ward {name}");
            Assert.Contains(code, row, StringComparison.Ordinal);
            // The page shows the published figure (disclosure control), not the exact one.
            Assert.Contains($">{Published(residents)}</td>", row, StringComparison.Ordinal);
        }
    }

    public static async Task Ward_page_shows_its_name_code_and_counts(ConnectiveWebFactory factory)
    {
        var (name, code, residents) = (await WardCountsAsync(factory))[0];
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync($"/community/wards/{code}");

        Assert.Contains($"<h1 class=\"govuk-heading-l\">{WebUtility.HtmlEncode(name)}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(code, html, StringComparison.Ordinal);
        Assert.Contains($">{Published(residents)}</dd>", html, StringComparison.Ordinal);
    }

    public static async Task Unknown_ward_is_not_found_as_a_page_and_as_problem_details(ConnectiveWebFactory factory)
    {
        using var client = factory.CreateClient();

        var page = await client.GetAsync("/community/wards/E05999999");
        var api = await client.GetAsync("/api/v1/community/wards/E05999999");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Network figures include only people with current consent to network insight.</summary>
    public static async Task Ward_api_counts_match_the_database_and_respect_consent(ConnectiveWebFactory factory)
    {
        int residents, consenting;
        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            residents = await db.Residents.CountAsync();
            consenting = await db.Consents
                .Where(consent => consent.Purpose == ConsentPurpose.NetworkInsight && consent.WithdrawnAt == null)
                .Select(consent => consent.ResidentId).Distinct().CountAsync();
        }
        using var client = factory.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/community/wards"));

        var root = json.RootElement;
        // Published figures: rounded to the nearest 5 (the borough's are far above the suppression threshold).
        Assert.Equal(DisclosureControl.Count(residents).Value, root.GetProperty("residents").GetInt32());
        Assert.Equal(DisclosureControl.Count(consenting).Value, root.GetProperty("boroughNetwork").GetProperty("consentingResidents").GetInt32());
        Assert.True(consenting < residents, "some residents have not consented, so the network must be smaller");
        var wards = root.GetProperty("wards").EnumerateArray().Select(ward => ward.GetProperty("residents")).ToList();
        Assert.All(wards, ward => Assert.Equal(0, ward.GetInt32() % DisclosureControl.RoundingBase));
        Assert.InRange(wards.Sum(ward => ward.GetInt32()) - residents, -2 * wards.Count, 2 * wards.Count);
        Assert.InRange(root.GetProperty("boroughNetwork").GetProperty("meanDegree").GetDouble(), 4.0, 14.0);
    }

    public static async Task Resident_page_names_the_person_with_their_ties_in_the_demo(ConnectiveWebFactory factory)
    {
        var (id, name, tieCount) = await ResidentWithTiesAsync(factory);
        using var staff = new Identity.AccountClient(factory);
        await staff.SignInAsync(Web.Demo.DemoAccounts.EmailFor(Platform.Access.Roles.Practitioner), Web.Demo.DemoAccounts.Password);
        var client = staff.Http;

        var html = await client.GetStringAsync($"/community/residents/{id}");
        var resident = await client.GetFromJsonAsync<JsonElement>($"/api/v1/community/residents/{id}");

        Assert.Contains(WebUtility.HtmlEncode(name), html, StringComparison.Ordinal);
        Assert.Contains($"{tieCount} ties", html, StringComparison.Ordinal);
        Assert.Equal(name, resident.GetProperty("name").GetString());
        Assert.Equal(tieCount, resident.GetProperty("ties").GetArrayLength());
    }

    /// <summary>Outside Demo and Development named people still need a staff sign-in, and the outbox page does not exist.</summary>
    public static async Task Named_people_need_a_staff_sign_in_outside_the_demo(ConnectiveWebFactory seeded)
    {
        var (id, name, _) = await ResidentWithTiesAsync(seeded);
        await using var production = new ConnectiveWebFactory(seeded.Provider, seeded.ConnectionString, environment: "Production");
        using var client = production.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await client.GetAsync($"/community/residents/{id}");
        var api = await client.GetAsync($"/api/v1/community/residents/{id}");
        var outbox = await client.GetAsync("/outbox");
        var ward = await client.GetStringAsync("/community");
        using var staff = new Identity.AccountClient(production);
        var signIn = await staff.SignInAsync(Web.Demo.DemoAccounts.EmailFor(Platform.Access.Roles.Practitioner), Web.Demo.DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/sign-in", page.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outbox.StatusCode);
        Assert.DoesNotContain(WebUtility.HtmlEncode(name), await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Wards and their networks", ward, StringComparison.Ordinal);
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"),
            cookie => cookie.StartsWith("connective-session=", StringComparison.Ordinal) && cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    private static string Published(int exact) => DisclosureControl.Format(DisclosureControl.Count(exact).Value);

    private static async Task<List<(string Name, string Code, int Residents)>> WardCountsAsync(ConnectiveWebFactory factory)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.Wards
            .Select(ward => new { ward.Name, ward.Code, Residents = db.Residents.Count(resident => resident.WardId == ward.Id) })
            .OrderByDescending(ward => ward.Residents)
            .ToListAsync();
        return [.. rows.Select(row => (row.Name, row.Code, row.Residents))];
    }

    private static async Task<(int Id, string Name, int Ties)> ResidentWithTiesAsync(ConnectiveWebFactory factory)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Staff see only the ties both people allow for network insight.
        var consenting = db.Consents.Where(consent => consent.Purpose == ConsentPurpose.NetworkInsight && consent.WithdrawnAt == null)
            .Select(consent => consent.ResidentId);
        var resident = await db.Residents.OrderBy(resident => resident.Id)
            .Select(resident => new
            {
                resident.Id,
                Name = resident.GivenName + " " + resident.FamilyName,
                Ties = db.Ties.Count(tie => (tie.PersonAId == resident.Id || tie.PersonBId == resident.Id)
                    && consenting.Contains(tie.PersonAId) && consenting.Contains(tie.PersonBId)),
            })
            .FirstAsync(resident => resident.Ties > 2);
        return (resident.Id, resident.Name, resident.Ties);
    }

    [GeneratedRegex("<tr class=\"govuk-table__row\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex TableRows();
}
