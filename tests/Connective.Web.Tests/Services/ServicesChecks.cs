using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connective.Web.Data;
using Connective.Web.Features.Services;
using Connective.Web.Platform.Disclosure;
using Connective.Web.Tests.Authorization;
using Connective.Web.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Services;

/// <summary>The Services checks, written once and run on SQLite and PostgreSQL against the seeded demo borough.</summary>
internal static class ServicesChecks
{
    private const string Hsds = "/api/v1/services/hsds";

    public static async Task Export_validates_against_the_official_HSDS_schemas(ConnectiveWebFactory factory)
    {
        using var client = factory.CreateClient();
        using var export = JsonDocument.Parse(await client.GetStringAsync(Hsds + "/export"));
        var root = export.RootElement;

        var errors = new List<string>();
        void Check(string array, string schema)
        {
            var index = 0;
            foreach (var item in root.GetProperty(array).EnumerateArray())
            {
                errors.AddRange(HsdsSchemas.Errors(schema, item).Select(e => $"{array}[{index}]{e}"));
                index++;
            }
        }
        Check("organizations", "organization");
        Check("taxonomies", "taxonomy");
        Check("taxonomy_terms", "taxonomy_term");
        Check("services", "service");

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Take(20)));
        Assert.Equal(await ServiceCountAsync(factory), root.GetProperty("services").GetArrayLength());
        var first = root.GetProperty("services")[0];
        Assert.True(first.GetProperty("service_at_locations")[0].GetProperty("location").GetProperty("addresses").GetArrayLength() == 1);
        Assert.True(first.GetProperty("attributes").GetArrayLength() >= 1);

        // One service as the API serves it validates too.
        var id = first.GetProperty("id").GetString();
        using var one = JsonDocument.Parse(await client.GetStringAsync($"{Hsds}/services/{id}"));
        Assert.Empty(HsdsSchemas.Errors("service", one.RootElement));
    }

    /// <summary>The validator is not vacuous: a service with a status outside the standard's list and a bad UUID fails.</summary>
    public static void The_schema_check_rejects_a_service_the_standard_rejects()
    {
        using var bad = JsonDocument.Parse("""{"id":"not-a-uuid","name":"X","status":"open"}""");
        var errors = HsdsSchemas.Errors("service", bad.RootElement);
        Assert.Contains(errors, e => e.Contains("/status", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("/id", StringComparison.Ordinal));
    }

    public static async Task Read_endpoints_page_as_the_standard_does(ConnectiveWebFactory factory)
    {
        using var client = factory.CreateClient();

        using var page2 = JsonDocument.Parse(await client.GetStringAsync($"{Hsds}/services?page=2&per_page=40"));
        var p = page2.RootElement;
        var total = await ServiceCountAsync(factory);
        Assert.True(total >= ServicesDemoSeed.ServiceCount);
        Assert.Equal(total, p.GetProperty("total_items").GetInt32());
        Assert.Equal((total + 39) / 40, p.GetProperty("total_pages").GetInt32());
        Assert.Equal(2, p.GetProperty("page_number").GetInt32());
        Assert.Equal(40, p.GetProperty("size").GetInt32());
        Assert.False(p.GetProperty("first_page").GetBoolean());
        Assert.False(p.GetProperty("last_page").GetBoolean());
        Assert.False(p.GetProperty("empty").GetBoolean());
        Assert.Equal(40, p.GetProperty("contents").GetArrayLength());

        using var terms = JsonDocument.Parse(await client.GetStringAsync($"{Hsds}/taxonomy_terms?per_page=500"));
        var food = terms.RootElement.GetProperty("contents").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Food");
        using var foodServices = JsonDocument.Parse(await client.GetStringAsync($"{Hsds}/services?taxonomy_term_id={food.GetProperty("id").GetString()}&per_page=500"));
        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var foodId = food.GetProperty("id").GetGuid();
            Assert.Equal(await db.DirectoryServiceTerms.CountAsync(t => t.TaxonomyTermId == foodId), foodServices.RootElement.GetProperty("total_items").GetInt32());
        }

        foreach (var list in new[] { "organizations", "service_at_locations", "taxonomies", "taxonomy_terms" })
        {
            using var doc = JsonDocument.Parse(await client.GetStringAsync($"{Hsds}/{list}?per_page=5"));
            var firstId = doc.RootElement.GetProperty("contents")[0].GetProperty("id").GetString();
            var one = await client.GetAsync($"{Hsds}/{list}/{firstId}");
            Assert.Equal(HttpStatusCode.OK, one.StatusCode);
            var missing = await client.GetAsync($"{Hsds}/{list}/{Guid.Empty}");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        }
        using var beyond = JsonDocument.Parse(await client.GetStringAsync($"{Hsds}/services?page=99"));
        Assert.Equal(0, beyond.RootElement.GetProperty("size").GetInt32());
        Assert.True(beyond.RootElement.GetProperty("last_page").GetBoolean());
    }

    public static async Task Import_is_all_or_nothing_and_names_each_error_by_its_path(ConnectiveWebFactory factory)
    {
        using var manager = await MatrixSession.StartAsync(factory, Caller.ServiceManager);
        var export = JsonNode.Parse(await manager.Http.GetStringAsync(Hsds + "/export"))!;
        var services = export["services"]!.AsArray();
        var renamedId = services[0]!["id"]!.GetValue<Guid>();
        services[0]!["name"] = "Renamed by a bad import";
        services[5]!["status"] = "open";
        services[7]!["organization_id"] = Guid.NewGuid().ToString();

        var response = await PostJsonAsync(manager, Hsds + "/import", export.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var keys = problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Equal(["$.services[5].status", "$.services[7].organization_id"], keys.Order(StringComparer.Ordinal));
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.NotEqual("Renamed by a bad import", await db.DirectoryServices.Where(s => s.Id == renamedId).Select(s => s.Name).SingleAsync());

        // Not JSON in the standard's shape: the path and line are named, nothing is written.
        var malformed = await PostJsonAsync(manager, Hsds + "/import", """{"services":[{"id":"nope","name":"X","status":"active"}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("$.services[0].id", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public static async Task Import_of_a_corrected_file_writes_and_keeps_history(ConnectiveWebFactory factory)
    {
        using var manager = await MatrixSession.StartAsync(factory, Caller.ServiceManager);
        var export = JsonNode.Parse(await manager.Http.GetStringAsync(Hsds + "/export"))!;
        var service = export["services"]!.AsArray()[1]!;
        var id = service["id"]!.GetValue<Guid>();
        var oldName = service["name"]!.GetValue<string>();
        service["name"] = "Imported Lunch Club";
        var newService = service.DeepClone();
        var newId = Guid.NewGuid();
        newService["id"] = newId.ToString();
        newService["name"] = "Brand New Repair Cafe";
        // The nested items of a new service need their own ids.
        foreach (var list in new[] { "phones", "contacts", "schedules", "service_at_locations", "attributes" })
        {
            foreach (var item in newService[list]?.AsArray() ?? [])
            {
                item!["id"] = Guid.NewGuid().ToString();
                foreach (var inner in item["phones"]?.AsArray() ?? [])
                {
                    inner!["id"] = Guid.NewGuid().ToString();
                }
                foreach (var inner in item["schedules"]?.AsArray() ?? [])
                {
                    inner!["id"] = Guid.NewGuid().ToString();
                }
            }
        }
        var file = new JsonObject
        {
            ["version"] = "3.0",
            ["organizations"] = new JsonArray(),
            ["taxonomies"] = new JsonArray(),
            ["taxonomy_terms"] = new JsonArray(),
            ["services"] = new JsonArray(service.DeepClone(), newService)
        };

        var response = await PostJsonAsync(manager, Hsds + "/import", file.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var client = factory.CreateClient();
        using var changed = JsonDocument.Parse(await client.GetStringAsync($"{Hsds}/services/{id}"));
        Assert.Equal("Imported Lunch Club", changed.RootElement.GetProperty("name").GetString());
        using var added = JsonDocument.Parse(await client.GetStringAsync($"{Hsds}/services/{newId}"));
        Assert.Empty(HsdsSchemas.Errors("service", added.RootElement));
        using var history = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/services/{id}/history"));
        var change = history.RootElement.EnumerateArray().First(c => c.GetProperty("field").GetString() == "name");
        Assert.Equal(oldName, change.GetProperty("oldValue").GetString());
        Assert.Equal("import", change.GetProperty("source").GetString());
        // The search index sees the new service at once.
        var hits = await client.GetFromJsonAsync<List<SearchResultView>>("/api/v1/services/search?q=brand%20new%20repair");
        Assert.Equal(newId, hits![0].Id);
    }

    public static async Task Search_is_ranked_typo_tolerant_and_filters_by_need_and_ward(ConnectiveWebFactory factory)
    {
        using var client = factory.CreateClient();
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var foodBank = await db.DirectoryServices.Where(s => s.Name.EndsWith("Food Bank") && s.Status == DirectoryServiceStatus.Active).OrderBy(s => s.Name).FirstAsync();

        // Two typos ("fod", "bnak"): services named Food Bank still come first.
        var hits = await client.GetFromJsonAsync<List<SearchResultView>>("/api/v1/services/search?q=fod%20bnak&limit=10");
        Assert.NotEmpty(hits!);
        Assert.EndsWith("Food Bank", hits![0].Name, StringComparison.Ordinal);
        Assert.True(hits.Select(h => h.Score).SequenceEqual(hits.Select(h => h.Score).OrderDescending()), "results are ranked by score");

        // A ward: only that ward's services and borough-wide ones, the ward's first.
        var ward = await db.Wards.SingleAsync(w => w.Id == foodBank.WardId);
        var inWard = await client.GetFromJsonAsync<List<SearchResultView>>($"/api/v1/services/search?q=food&ward={ward.Code}&limit=100");
        Assert.Contains(inWard!, h => h.Id == foodBank.Id);
        Assert.All(inWard!, h => Assert.True(h.Ward is null || h.Ward == ward.Name, $"{h.Name} is in {h.Ward}"));

        // A need: every result carries it or a narrower need.
        var food = await db.DirectoryTaxonomyTerms.SingleAsync(t => t.Name == "Food");
        var narrower = await db.DirectoryTaxonomyTerms.Where(t => t.ParentId == food.Id).Select(t => t.Id).ToListAsync();
        var byNeed = await client.GetFromJsonAsync<List<SearchResultView>>($"/api/v1/services/search?need={food.Id}&limit=100");
        Assert.NotEmpty(byNeed!);
        foreach (var hit in byNeed!)
        {
            Assert.True(await db.DirectoryServiceTerms.AnyAsync(t => t.ServiceId == hit.Id && (t.TaxonomyTermId == food.Id || narrower.Contains(t.TaxonomyTermId))), hit.Name);
        }

        var unknownWard = await client.GetAsync("/api/v1/services/search?q=food&ward=E05999999");
        Assert.Equal(HttpStatusCode.BadRequest, unknownWard.StatusCode);

        // The page shows the same first result.
        var html = await client.GetStringAsync("/services?q=fod+bnak");
        Assert.Contains($"href=\"/services/{hits[0].Id}\"", html, StringComparison.Ordinal);
    }

    public static async Task Feedback_is_anonymous_in_public_and_named_to_the_manager_only_when_allowed(ConnectiveWebFactory factory)
    {
        var serviceId = await ServiceAsync(factory, 10);
        using var resident = await MatrixSession.StartAsync(factory, Caller.Resident);
        var shared = await PostJsonAsync(resident, $"/api/v1/services/{serviceId}/feedback", """{"rating":2,"comment":"Shared-name comment","shareNameWithManager":true}""");
        var hidden = await PostJsonAsync(resident, $"/api/v1/services/{serviceId}/feedback", """{"rating":4,"comment":"Hidden-name comment","shareNameWithManager":false}""");
        Assert.Equal(HttpStatusCode.Created, shared.StatusCode);
        Assert.Equal(HttpStatusCode.Created, hidden.StatusCode);
        var bad = await PostJsonAsync(resident, $"/api/v1/services/{serviceId}/feedback", """{"rating":9}""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        string residentName;
        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var residentId = await db.Users.Where(u => u.Id == "demo-resident").Select(u => u.ResidentId).SingleAsync();
            residentName = await db.Residents.Where(r => r.Id == residentId).Select(r => r.GivenName + " " + r.FamilyName).SingleAsync();
            Assert.Equal(2, await db.ServiceFeedback.CountAsync(f => f.ServiceId == serviceId && f.ResidentId == residentId));
            // Both replies are overdue now, and the oldest due, so they head the manager's list.
            await db.ServiceFeedback.Where(f => f.ServiceId == serviceId && f.ResidentId == residentId)
                .ExecuteUpdateAsync(set => set.SetProperty(f => f.ReplyDueAt, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        }

        using var anonymous = factory.CreateClient();
        var publicJson = await anonymous.GetStringAsync($"/api/v1/services/{serviceId}/feedback");
        var publicPage = await anonymous.GetStringAsync($"/services/{serviceId}");
        Assert.Contains("Shared-name comment", publicJson, StringComparison.Ordinal);
        Assert.DoesNotContain(residentName, publicJson, StringComparison.Ordinal);
        Assert.DoesNotContain(residentName, publicPage, StringComparison.Ordinal);
        Assert.Contains("Reply overdue", publicPage, StringComparison.Ordinal);

        using var manager = await MatrixSession.StartAsync(factory, Caller.ServiceManager);
        var overdue = await manager.Http.GetFromJsonAsync<List<OverdueItem>>("/api/v1/services/manage/overdue");
        Assert.Equal(residentName, overdue!.Single(i => i.Text == "Shared-name comment").ResidentName);
        Assert.Null(overdue!.Single(i => i.Text == "Hidden-name comment").ResidentName);

        // The manager replies in public; it is no longer overdue.
        var id = overdue!.Single(i => i.Text == "Shared-name comment").Id;
        var reply = await PostJsonAsync(manager, $"/api/v1/services/manage/feedback/{id}/reply", """{"reply":"Sorry: we have changed the rota."}""");
        Assert.Equal(HttpStatusCode.NoContent, reply.StatusCode);
        Assert.Contains("Sorry: we have changed the rota.", await anonymous.GetStringAsync($"/services/{serviceId}"), StringComparison.Ordinal);
        var after = await manager.Http.GetFromJsonAsync<List<OverdueItem>>("/api/v1/services/manage/overdue");
        Assert.DoesNotContain(after!, i => i.Id == id && i.Kind == "comment");
    }

    public static async Task Problem_reports_have_a_deadline_and_show_as_overdue(ConnectiveWebFactory factory)
    {
        var serviceId = await ServiceAsync(factory, 20);
        using var resident = await MatrixSession.StartAsync(factory, Caller.Resident);
        var created = await PostJsonAsync(resident, $"/api/v1/services/{serviceId}/problems",
            """{"category":"ClosedWhenOpen","description":"Door locked at 10:30 on a Tuesday","place":"Main entrance"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var missing = await PostJsonAsync(resident, $"/api/v1/services/{serviceId}/problems", """{"category":"Other","description":""}""");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);

        using var anonymous = factory.CreateClient();
        var report = (await anonymous.GetFromJsonAsync<List<JsonElement>>($"/api/v1/services/{serviceId}/problems"))!
            .Single(r => r.GetProperty("description").GetString() == "Door locked at 10:30 on a Tuesday");
        Assert.False(report.GetProperty("overdue").GetBoolean());
        Assert.Equal("Open", report.GetProperty("status").GetString());
        var reportedAt = report.GetProperty("reportedAt").GetDateTime();
        Assert.Equal(10, (report.GetProperty("respondBy").GetDateTime() - reportedAt).TotalDays, 3);

        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var id = report.GetProperty("id").GetInt64();
            await db.ProblemReports.Where(r => r.Id == id).ExecuteUpdateAsync(set => set.SetProperty(r => r.RespondBy, DateTime.UtcNow.AddHours(-1)));
        }
        var overdue = (await anonymous.GetFromJsonAsync<List<JsonElement>>($"/api/v1/services/{serviceId}/problems"))!
            .Single(r => r.GetProperty("description").GetString() == "Door locked at 10:30 on a Tuesday");
        Assert.True(overdue.GetProperty("overdue").GetBoolean());
        Assert.Contains("Response overdue", await anonymous.GetStringAsync($"/services/{serviceId}"), StringComparison.Ordinal);
    }

    public static async Task Public_dashboard_is_published_under_disclosure_control_and_staff_see_exact_figures(ConnectiveWebFactory factory)
    {
        Guid serviceId;
        int exactRatings;
        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // The dashboard's window: this month and the eleven before it.
            var now = DateTime.UtcNow;
            var since = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-(ServiceDashboards.Months - 1));
            // A busy service whose year of ratings is not a multiple of 5, so rounding shows.
            var counts = await db.ServiceFeedback.Where(f => f.At >= since).GroupBy(f => f.ServiceId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            var pick = counts.Where(c => c.Count > 20 && c.Count % 5 != 0).OrderBy(c => c.Key).First();
            serviceId = pick.Key;
            exactRatings = pick.Count;
        }
        using var anonymous = factory.CreateClient();
        var published = await anonymous.GetFromJsonAsync<Dashboard>($"/api/v1/services/{serviceId}/dashboard");
        using var manager = await MatrixSession.StartAsync(factory, Caller.ServiceManager);
        var exact = await manager.Http.GetFromJsonAsync<Dashboard>($"/api/v1/services/{serviceId}/dashboard");

        Assert.False(published!.Exact);
        Assert.True(exact!.Exact);
        Assert.Equal(exactRatings, exact.Ratings);
        Assert.Equal(DisclosureControl.Count(exactRatings).Value, published.Ratings);
        for (var m = 0; m < ServiceDashboards.Months; m++)
        {
            Assert.Equal(DisclosureControl.Count(exact.Months[m].Ratings!.Value).Value, published.Months[m].Ratings);
            if (published.Months[m].Ratings is null)
            {
                Assert.Null(published.Months[m].AverageRating);
            }
        }

        // The page's table shows the published figures beside an SVG chart.
        var html = await anonymous.GetStringAsync($"/services/{serviceId}/dashboard");
        Assert.Contains("<svg class=\"services-chart\" id=\"chart-ratings\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"table-ratings\"", html, StringComparison.Ordinal);
        Assert.Contains($">{DisclosureControl.Format(published.Ratings)}</dd>", html, StringComparison.Ordinal);
        var fragment = await anonymous.GetStringAsync($"/services/{serviceId}/dashboard?handler=figures");
        Assert.Contains("id=\"table-ratings\"", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", fragment, StringComparison.Ordinal);
    }

    public static async Task Pilot_measures_are_fixed_and_the_decision_waits_for_review(ConnectiveWebFactory factory)
    {
        var serviceId = await ServiceAsync(factory, 30);
        using var manager = await MatrixSession.StartAsync(factory, Caller.ServiceManager);
        var start = DateTime.UtcNow.Date.AddDays(1).ToString("O");
        var review = DateTime.UtcNow.Date.AddDays(60).ToString("O");
        var created = await PostJsonAsync(manager, "/api/v1/services/manage/pilots",
            $$"""{"serviceId":"{{serviceId}}","title":"Saturday opening","hypothesis":"Opening on Saturdays raises use","budgetPence":500000,"startsOn":"{{start}}","reviewOn":"{{review}}","measures":[{"source":"FeedbackCount","target":30}]}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<CreatedId>())!.Id;

        var early = await PostJsonAsync(manager, $"/api/v1/services/manage/pilots/{id}/decision", """{"decision":"Scale","reasons":"Looks good"}""");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var noMeasures = await PostJsonAsync(manager, "/api/v1/services/manage/pilots",
            $$"""{"serviceId":"{{serviceId}}","title":"T","hypothesis":"H","budgetPence":1,"startsOn":"{{start}}","reviewOn":"{{review}}","measures":[]}""");
        Assert.Equal(HttpStatusCode.BadRequest, noMeasures.StatusCode);

        using var anonymous = factory.CreateClient();
        var ledger = await anonymous.GetFromJsonAsync<List<PilotView>>("/api/v1/services/pilots");
        Assert.Contains(ledger!, p => p.Id == id && p.Decision == PilotDecision.Pending && p.Measures.Single().Target == 30);
        Assert.Equal(3, ledger!.Count(p => p.Decision != PilotDecision.Pending && p.DecisionReasons is not null));
        var page = await anonymous.GetStringAsync("/services/pilots");
        Assert.Contains("Saturday opening", page, StringComparison.Ordinal);
    }

    public static async Task A_correction_is_applied_only_when_accepted_and_kept_in_the_history(ConnectiveWebFactory factory)
    {
        var serviceId = await ServiceAsync(factory, 40);
        using var resident = await MatrixSession.StartAsync(factory, Caller.Resident);
        var first = await PostJsonAsync(resident, $"/api/v1/services/{serviceId}/corrections", """{"field":"Email","proposedValue":"new-address@example.org","note":"On their leaflet"}""");
        var second = await PostJsonAsync(resident, $"/api/v1/services/{serviceId}/corrections", """{"field":"Email","proposedValue":"wrong@example.org"}""");
        var firstId = (await first.Content.ReadFromJsonAsync<CreatedId>())!.Id;
        var secondId = (await second.Content.ReadFromJsonAsync<CreatedId>())!.Id;

        using var manager = await MatrixSession.StartAsync(factory, Caller.ServiceManager);
        var noReason = await PostJsonAsync(manager, $"/api/v1/services/manage/corrections/{firstId}/decision", """{"accept":true,"reason":""}""");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await PostJsonAsync(manager, $"/api/v1/services/manage/corrections/{firstId}/decision", """{"accept":true,"reason":"Checked with the service"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await PostJsonAsync(manager, $"/api/v1/services/manage/corrections/{secondId}/decision", """{"accept":false,"reason":"Not their address"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostJsonAsync(manager, $"/api/v1/services/manage/corrections/{secondId}/decision", """{"accept":true,"reason":"Changed my mind"}""")).StatusCode);

        using var anonymous = factory.CreateClient();
        using var service = JsonDocument.Parse(await anonymous.GetStringAsync($"{Hsds}/services/{serviceId}"));
        Assert.Equal("new-address@example.org", service.RootElement.GetProperty("email").GetString());
        var history = await anonymous.GetFromJsonAsync<List<ChangeView>>($"/api/v1/services/{serviceId}/history");
        var change = Assert.Single(history!, c => c.Field == "Email");
        Assert.Equal("new-address@example.org", change.NewValue);
        Assert.Equal($"correction {firstId}", change.Source);
    }

    private static async Task<int> ServiceCountAsync(ConnectiveWebFactory factory)
    {
        await using var scope = factory.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().DirectoryServices.CountAsync();
    }

    private static async Task<Guid> ServiceAsync(ConnectiveWebFactory factory, int skip)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.DirectoryServices.OrderBy(s => s.Id).Skip(skip).Select(s => s.Id).FirstAsync();
    }

    private static async Task<HttpResponseMessage> PostJsonAsync(MatrixSession session, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await session.Http.PostAsync(new Uri(path, UriKind.Relative), content);
    }
}
