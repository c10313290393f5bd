using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Connective.Web.Data;
using Connective.Web.Features.Insight;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.ConsentPath;
using Connective.Web.Tests.Fixtures;
using Connective.Web.Tests.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Insight;

/// <summary>Insight's checks, run on SQLite and PostgreSQL against the seeded 1,000-resident demo borough.</summary>
internal static class InsightChecks
{
    /// <summary>Every Insight route this test requests; a new route fails the test until it is added here.</summary>
    private static readonly string[] CoveredRoutes =
    [
        "/insight", "/insight/isolation", "/insight/check-ins", "/insight/map", "/insight/wards/{code}", "/insight/people/{id:int}",
        "/api/v1/insight/summary", "/api/v1/insight/isolation", "/api/v1/insight/check-ins", "/api/v1/insight/people/{id:int}",
        "/api/v1/insight/wards/{code}", "/api/v1/insight/wards/{code}/brokers", "/api/v1/insight/map", "/api/v1/insight/map/search",
        "/api/v1/insight/life-events",
    ];

    /// <summary>
    /// The bar: a resident who has not consented to network insight appears in no Insight page, API response or list,
    /// even when they have ties to people who have, and even when their friend is bereaved; and the test requests every
    /// Insight route the app maps.
    /// </summary>
    public static async Task A_resident_without_consent_appears_nowhere_in_Insight(ConnectiveWebFactory factory)
    {
        var routes = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>().Select(endpoint => "/" + endpoint.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => route.StartsWith("/insight", StringComparison.Ordinal) || route.StartsWith("/api/v1/insight", StringComparison.Ordinal))
            .ToHashSet();
        Assert.Empty(routes.Except(CoveredRoutes));

        var (hidden, name, ward, friend) = await NonConsentingWithConsentingFriendAsync(factory);
        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // The friend is bereaved: the check-in list takes the friend's close ties, and must still leave the hidden one out.
            db.LifeEvents.Add(new LifeEvent { ResidentId = friend, Kind = LifeEventKind.Bereavement, OccurredAt = DateTime.UtcNow.Date.AddDays(-2), RecordedAt = DateTime.UtcNow, RecordedByAccountId = "test" });
            db.LifeEvents.Add(new LifeEvent { ResidentId = hidden, Kind = LifeEventKind.Bereavement, OccurredAt = DateTime.UtcNow.Date.AddDays(-2), RecordedAt = DateTime.UtcNow, RecordedByAccountId = "test" });
            await db.SaveChangesAsync();
        }
        using var admin = await AccountClient.SignedInAsDemoAsync(factory, Roles.Admin);
        var http = admin.Http;

        var bodies = new List<(string Path, string Body)>();
        async Task Read(string path)
        {
            var response = await http.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            bodies.Add((path, await response.Content.ReadAsStringAsync()));
        }

        await Read("/insight");
        await Read("/insight/check-ins");
        await Read($"/insight/map?ward={ward}");
        await Read($"/insight/wards/{ward}");
        await Read($"/insight/people/{friend}");
        await Read("/api/v1/insight/summary");
        await Read("/api/v1/insight/check-ins");
        await Read($"/api/v1/insight/people/{friend}");
        await Read($"/api/v1/insight/wards/{ward}");
        await Read($"/api/v1/insight/wards/{ward}/brokers");
        await Read($"/api/v1/insight/map?ward={ward}");
        await Read($"/api/v1/insight/map/search?q={Uri.EscapeDataString(name)}");
        foreach (var measure in InsightQueries.Measures)
        {
            await Read($"/api/v1/insight/map?ward={ward}&measure={measure.Key}");
        }
        var pages = JsonDocument.Parse((await http.GetStringAsync($"/api/v1/insight/isolation?ward={ward}")).ToString()).RootElement.GetProperty("pageCount").GetInt32();
        for (var page = 1; page <= pages; page++)
        {
            await Read($"/insight/isolation?ward={ward}&page={page}");
            await Read($"/api/v1/insight/isolation?ward={ward}&page={page}");
        }

        foreach (var (path, body) in bodies)
        {
            Assert.False(body.Contains(name, StringComparison.Ordinal), $"{path} names the resident without consent");
            Assert.False(body.Contains($"/insight/people/{hidden}\"", StringComparison.Ordinal), $"{path} links the resident without consent");
            Assert.False(body.Contains($"data-resident=\"{hidden}\"", StringComparison.Ordinal), $"{path} lists the resident without consent");
            if (path.StartsWith("/api/", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(hidden, Ids(JsonDocument.Parse(body).RootElement));
            }
        }
        // The friend's own entry is there, so the lists were not simply empty.
        Assert.Contains(bodies, entry => entry.Path == "/api/v1/insight/check-ins" && Ids(JsonDocument.Parse(entry.Body).RootElement).Contains(friend));

        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"/api/v1/insight/people/{hidden}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await http.GetAsync($"/insight/people/{hidden}")).StatusCode);
        var refused = await http.PostAsJsonAsync("/api/v1/insight/life-events", new { residentId = hidden, kind = "Bereavement", occurredOn = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    /// <summary>
    /// The widow effect: recording a bereavement puts the person and their close ties on the check-in list; a friend who
    /// then withdraws consent disappears from it and from their Insight page at once, before any rebuild.
    /// </summary>
    public static async Task A_bereavement_flags_the_person_and_close_ties_until_consent_is_withdrawn(ConnectiveWebFactory factory)
    {
        var (bereaved, close) = await ConsentingWithCloseTiesAsync(factory);
        using var practitioner = await AccountClient.SignedInAsDemoAsync(factory, Roles.Practitioner);
        var http = practitioner.Http;
        var recorded = await http.PostAsJsonAsync("/api/v1/insight/life-events", new { residentId = bereaved, kind = "Bereavement", occurredOn = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);

        var listed = await CheckInIdsAsync(http);
        Assert.Contains(bereaved, listed);
        Assert.All(close, friend => Assert.Contains(friend, listed));

        var withdrawn = close[0];
        await using (var scope = factory.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConsentRecords>().WithdrawAsync(withdrawn, ConsentPurpose.NetworkInsight, ConsentRecords.Self, CancellationToken.None);
        }
        listed = await CheckInIdsAsync(http);
        Assert.DoesNotContain(withdrawn, listed);
        Assert.Contains(bereaved, listed);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"/api/v1/insight/people/{withdrawn}")).StatusCode);
        var reach = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/insight/people/{bereaved}")).RootElement;
        Assert.DoesNotContain(withdrawn, Ids(reach));

        var wrongDate = await http.PostAsJsonAsync("/api/v1/insight/life-events", new { residentId = bereaved, kind = "Bereavement", occurredOn = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.BadRequest, wrongDate.StatusCode);
        Assert.Contains("today or in the past", await wrongDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Every view says how many it leaves out for lack of consent (matching the consent records) and how old its measures are; a person's page is audited.</summary>
    public static async Task Views_state_who_is_left_out_and_how_old_the_figures_are_and_person_views_are_audited(ConnectiveWebFactory factory)
    {
        int residents, consenting;
        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            residents = await db.Residents.CountAsync();
            consenting = await db.Consents.Where(c => c.Purpose == ConsentPurpose.NetworkInsight && c.WithdrawnAt == null).Select(c => c.ResidentId).Distinct().CountAsync();
        }
        using var admin = await AccountClient.SignedInAsDemoAsync(factory, Roles.Admin);
        var summary = JsonDocument.Parse(await admin.Http.GetStringAsync("/api/v1/insight/summary")).RootElement;
        var coverage = summary.GetProperty("coverage");
        Assert.Equal(residents, coverage.GetProperty("residents").GetInt32());
        Assert.Equal(consenting, coverage.GetProperty("inNetwork").GetInt32());
        Assert.Equal(residents - consenting, coverage.GetProperty("leftOutForLackOfConsent").GetInt32());
        Assert.True(coverage.GetProperty("leftOutForLackOfConsent").GetInt32() > 0);
        var snapshot = summary.GetProperty("snapshot");
        Assert.True(snapshot.GetProperty("measuresAgeSeconds").GetDouble() >= 0);
        Assert.True(snapshot.GetProperty("measuresVersion").GetInt64() <= snapshot.GetProperty("networkVersion").GetInt64());

        var page = await admin.Http.GetStringAsync("/insight");
        Assert.Contains($"{residents - consenting:N0} left out", page, StringComparison.Ordinal);
        Assert.Contains("were computed", page, StringComparison.Ordinal);

        var (_, close) = await ConsentingWithCloseTiesAsync(factory);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync($"/insight/people/{close[0]}")).StatusCode);
        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.True(await db.AuditEntries.AnyAsync(entry => entry.Action == InsightAuditActions.ViewedPerson && entry.SubjectResidentId == close[0]));
        }
    }

    /// <summary>Isolation lists only people with little reach, each with why and what could help; ward figures sit beside the borough's.</summary>
    public static async Task Isolation_and_ward_figures_come_from_the_consented_network(ConnectiveWebFactory factory)
    {
        using var admin = await AccountClient.SignedInAsDemoAsync(factory, Roles.Admin);
        var list = JsonDocument.Parse(await admin.Http.GetStringAsync("/api/v1/insight/isolation")).RootElement;
        var people = list.GetProperty("people").EnumerateArray().ToList();
        Assert.NotEmpty(people);
        Assert.All(people, person =>
        {
            Assert.True(person.GetProperty("reachWithinTwoSteps").GetInt32() < 5);
            Assert.NotEmpty(person.GetProperty("whyListed").EnumerateArray());
            Assert.NotEmpty(person.GetProperty("whatCouldHelp").EnumerateArray());
        });
        string wardCode;
        await using (var scope = factory.CreateScope())
        {
            wardCode = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Wards.OrderBy(w => w.Id).Select(w => w.Code).FirstAsync();
        }
        var ward = JsonDocument.Parse(await admin.Http.GetStringAsync($"/api/v1/insight/wards/{wardCode}")).RootElement;
        Assert.True(ward.GetProperty("ward").GetProperty("inNetwork").GetInt32() < ward.GetProperty("borough").GetProperty("inNetwork").GetInt32());
        Assert.Equal(ward.GetProperty("ward").GetProperty("inNetwork").GetInt32(),
            ward.GetProperty("communities").EnumerateArray().Sum(c => c.GetProperty("peopleInWard").GetInt32()));
        var html = await admin.Http.GetStringAsync($"/insight/wards/{wardCode}");
        Assert.Contains("<svg role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"ward-comparison\"", html, StringComparison.Ordinal);
    }

    private static async Task<HashSet<int>> CheckInIdsAsync(HttpClient http) =>
        [.. JsonDocument.Parse(await http.GetStringAsync("/api/v1/insight/check-ins")).RootElement.GetProperty("people").EnumerateArray()
            .Select(person => person.GetProperty("residentId").GetInt32())];

    /// <summary>Every resident number in a JSON answer: residentId properties, the map's node ids and its edge pairs (ward ids aside).</summary>
    private static HashSet<int> Ids(JsonElement element)
    {
        var ids = new HashSet<int>();
        void Walk(JsonElement node, string? property, string? list)
        {
            switch (node.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var child in node.EnumerateObject())
                    {
                        Walk(child.Value, child.Name, list);
                    }
                    break;
                case JsonValueKind.Array:
                    foreach (var child in node.EnumerateArray())
                    {
                        Walk(child, property, property);
                    }
                    break;
                case JsonValueKind.Number when (property is "residentId" or "edges" || (property == "id" && list == "nodes")) && node.TryGetInt32(out var id):
                    ids.Add(id);
                    break;
            }
        }
        Walk(element, null, null);
        return ids;
    }

    /// <summary>A resident without network-insight consent, with a unique name, tied to a consenting resident of the same ward.</summary>
    private static async Task<(int Hidden, string Name, string WardCode, int Friend)> NonConsentingWithConsentingFriendAsync(ConnectiveWebFactory factory)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var consenting = db.Consents.Where(c => c.Purpose == ConsentPurpose.NetworkInsight && c.WithdrawnAt == null).Select(c => c.ResidentId);
        var candidates = await (
            from tie in db.Ties
            join a in db.Residents on tie.PersonAId equals a.Id
            join b in db.Residents on tie.PersonBId equals b.Id
            where a.WardId == b.WardId && tie.Kind != TieKind.Neighbour
                && ((!consenting.Contains(a.Id) && consenting.Contains(b.Id)) || (consenting.Contains(a.Id) && !consenting.Contains(b.Id)))
            orderby tie.Id
            select new { A = a.Id, B = b.Id, AConsents = consenting.Contains(a.Id) }).Take(50).ToListAsync();
        foreach (var candidate in candidates)
        {
            var (hidden, friend) = candidate.AConsents ? (candidate.B, candidate.A) : (candidate.A, candidate.B);
            var person = await db.Residents.Where(r => r.Id == hidden).Select(r => new { Name = r.GivenName + " " + r.FamilyName, r.GivenName, r.FamilyName, r.WardId }).SingleAsync();
            if (await db.Residents.CountAsync(r => r.GivenName == person.GivenName && r.FamilyName == person.FamilyName) == 1)
            {
                var code = await db.Wards.Where(w => w.Id == person.WardId).Select(w => w.Code).SingleAsync();
                return (hidden, person.Name, code, friend);
            }
        }
        throw new InvalidOperationException("The demo borough has no resident without consent and with a unique name tied to a consenting one.");
    }

    /// <summary>A consenting resident with at least two close (household, family, friend) consenting ties.</summary>
    private static async Task<(int Person, int[] Close)> ConsentingWithCloseTiesAsync(ConnectiveWebFactory factory)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var consenting = await db.Consents.Where(c => c.Purpose == ConsentPurpose.NetworkInsight && c.WithdrawnAt == null).Select(c => c.ResidentId).ToListAsync();
        var yes = consenting.ToHashSet();
        var ties = await db.Ties.Where(t => t.Kind == TieKind.Household || t.Kind == TieKind.Family || t.Kind == TieKind.Friend)
            .Select(t => new { t.PersonAId, t.PersonBId }).ToListAsync();
        var close = ties.Where(t => yes.Contains(t.PersonAId) && yes.Contains(t.PersonBId))
            .SelectMany(t => new[] { (t.PersonAId, t.PersonBId), (t.PersonBId, t.PersonAId) })
            .GroupBy(pair => pair.Item1)
            .Where(group => group.Select(pair => pair.Item2).Distinct().Count() >= 2)
            .OrderBy(group => group.Key)
            .Skip(3)
            .First();
        return (close.Key, [.. close.Select(pair => pair.Item2).Distinct().Order()]);
    }
}
