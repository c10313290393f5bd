using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Connective.Web.Data;
using Connective.Web.Platform.Access;
using Connective.Web.Tests.Fixtures;
using Connective.Web.Tests.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Disclosure;

/// <summary>
/// The disclosure bar: no response to an anonymous request, and no aggregate figure a signed-in resident sees, contains a
/// count from 1 to 7. Every GET endpoint and Razor page of the app is found in its endpoint data source (not a hand
/// list), its route values are filled from the demo borough, and it is requested without signing in; every successful
/// answer is read for counts by the rules in docs/disclosure-control.md ("How the test finds counts"):
/// <list type="bullet">
/// <item>JSON: every integer number is a count, unless its property is an id (`id`, `…Id`) or is named in <see cref="JsonNotCounts"/> with its reason;</item>
/// <item>HTML: a summary-list value that is a whole number, a numeric table cell that is a whole number (unless its column is an age),
/// and in the text, a whole number followed within two words by a word for people or things people do (<see cref="ProseCount"/>).</item>
/// </list>
/// </summary>
internal static partial class PublishedFiguresChecks
{
    /// <summary>Integer JSON fields that are not counts of people, each with why.</summary>
    private static readonly Dictionary<string, string> JsonNotCounts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["page_number"] = "Open Referral UK paging: the page's number",
        ["total_pages"] = "Open Referral UK paging: how many pages of directory entries",
        ["size"] = "Open Referral UK paging: entries on this page (services and organisations, not people)",
        ["total_items"] = "Open Referral UK paging: directory entries (services and organisations, not people)",
        ["score"] = "the search's relevance score of a service",
        ["medianResponseDays"] = "a duration in days, not a count",
        ["target"] = "a pilot's target value for a measure, fixed before it starts",
        ["winners"] = "the winning projects' ids in a budget's results",
        ["Votes"] = "a closed budget's votes per project are published exactly, as election results are: the anonymised .pb anyone can recount holds them (a choice to review: docs/voice.md)",
    };

    /// <summary>Endpoints that publish no figures, each with why; everything else that answers an anonymous GET is read.</summary>
    private static readonly Dictionary<string, string> NotFigures = new(StringComparer.Ordinal)
    {
        ["/openapi/{documentName}.json"] = "the OpenAPI document describes schemas (lengths, ranges), it publishes no figures",
    };

    public static async Task No_anonymous_response_contains_a_count_from_one_to_seven(ConnectiveWebFactory factory)
    {
        var routeValues = await RouteValuesAsync(factory);
        var endpoints = GetEndpoints(factory);
        using var anonymous = new AccountClient(factory);
        var problems = new List<string>();
        var read = new List<string>();
        var notRead = new List<string>();

        foreach (var pattern in endpoints)
        {
            if (NotFigures.ContainsKey(pattern))
            {
                continue;
            }
            foreach (var path in Fill(pattern, routeValues, problems))
            {
                using var response = await anonymous.Http.GetAsync(new Uri(path, UriKind.Relative));
                if (!response.IsSuccessStatusCode)
                {
                    notRead.Add($"{path} ({(int)response.StatusCode})");
                    continue;
                }
                read.Add(path);
                problems.AddRange(SmallCounts(path, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync()));
            }
        }

        // The enumeration must have found what is known to be public, every ward included, or the bar proves nothing.
        Assert.Contains("/community", read);
        Assert.Contains("/api/v1/community/wards", read);
        Assert.Contains("/circle", read);
        foreach (var code in routeValues["code"])
        {
            Assert.Contains($"/community/wards/{code}", read);
            Assert.Contains($"/api/v1/community/wards/{code}", read);
        }
        Assert.True(problems.Count == 0, $"{problems.Count} small counts in anonymous responses (read {read.Count} responses):\n" + string.Join("\n", problems.Take(60)));
    }

    /// <summary>The aggregate figures a signed-in resident sees (circles' member counts) follow the same rule.</summary>
    public static async Task No_aggregate_figure_a_resident_sees_is_a_count_from_one_to_seven(ConnectiveWebFactory factory)
    {
        using var resident = await AccountClient.SignedInAsDemoAsync(factory, Roles.Resident);
        var problems = new List<string>();

        foreach (var path in new[] { "/circle/circles", "/api/v1/circle/circles" })
        {
            using var response = await resident.Http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("embers", body, StringComparison.Ordinal);
            problems.AddRange(SmallCounts(path, response.Content.Headers.ContentType?.MediaType, body));
        }

        Assert.True(problems.Count == 0, "Small counts a resident sees:\n" + string.Join("\n", problems));
    }

    /// <summary>The OpenAPI document says that a published count may be null (suppressed), and what the figures are.</summary>
    public static async Task The_api_documents_that_counts_may_be_suppressed(ConnectiveWebFactory factory)
    {
        using var client = factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        foreach (var (schema, property) in new[]
        {
            ("WardSummary", "residents"), ("WardSummary", "households"), ("WardListResponse", "residents"), ("AgeBandCount", "residents"),
            ("WardDetail", "offlineResidents"), ("PublishedNetworkStatistics", "consentingResidents"), ("PublishedNetworkStatistics", "ties"),
            ("CircleSummary", "members"),
        })
        {
            var node = schemas.GetProperty(schema).GetProperty("properties").GetProperty(property);
            Assert.Contains("null", node.GetProperty("type").GetRawText(), StringComparison.Ordinal);
            Assert.Contains("null when suppressed", node.GetProperty("description").GetString(), StringComparison.Ordinal);
        }
    }

    /// <summary>The rule finds what it should: it is tested on text with and without small counts.</summary>
    public static void The_rules_find_small_counts_in_json_and_pages()
    {
        Assert.NotEmpty(SmallCounts("x", "application/json", """{"wards":[{"id":3,"residents":4}]}"""));
        Assert.Empty(SmallCounts("x", "application/json", """{"wards":[{"id":3,"wardId":2,"residents":null,"share":0.5}]}"""));
        Assert.NotEmpty(SmallCounts("x", "text/html", """<dt class="govuk-summary-list__key">Members</dt><dd class="govuk-summary-list__value">3</dd>"""));
        Assert.NotEmpty(SmallCounts("x", "text/html", """<table class="govuk-table"><thead><tr><th scope="col">Ward</th><th scope="col">Residents</th></tr></thead><tbody><tr><th>A</th><td class="govuk-table__cell govuk-table__cell--numeric">6</td></tr></tbody></table>"""));
        Assert.Empty(SmallCounts("x", "text/html", """<table class="govuk-table"><thead><tr><th scope="col">Name</th><th scope="col">Age</th></tr></thead><tbody><tr><td>A</td><td class="govuk-table__cell govuk-table__cell--numeric">6</td></tr></tbody></table>"""));
        Assert.NotEmpty(SmallCounts("x", "text/html", "<p>5 of them have agreed</p>"));
        Assert.NotEmpty(SmallCounts("x", "text/html", "<p>Only 2 older residents live here.</p>"));
        Assert.Empty(SmallCounts("x", "text/html", "<p>[c] residents; 1,235 residents live in 7 wards. Step 2 of the form.</p>"));
    }

    /// <summary>Every route pattern that answers GET: each Razor page, and each endpoint mapped for GET (or any method).</summary>
    private static List<string> GetEndpoints(ConnectiveWebFactory factory)
    {
        var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var patterns = sources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null
                || endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null
                || endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is not { Count: > 0 } methods
                || methods.Contains("GET"))
            .Select(endpoint => "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(pattern => !pattern.Contains("sign-out", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(patterns.Count >= 30, $"found only {patterns.Count} GET endpoints");
        return patterns;
    }

    /// <summary>Values from the demo borough for route parameters: every ward's code, and a few ids that exist.</summary>
    private static async Task<Dictionary<string, IReadOnlyList<string>>> RouteValuesAsync(ConnectiveWebFactory factory)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var codes = await db.Wards.OrderBy(ward => ward.Code).Select(ward => ward.Code).ToListAsync();
        var residents = await db.Residents.OrderBy(resident => resident.Id).Select(resident => resident.Id).Take(2).ToListAsync();
        Assert.NotEmpty(codes);
        static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
        // Ids of things anonymous people cannot see still get a real value, so that a page that wrongly let them in is read.
        return new(StringComparer.OrdinalIgnoreCase)
        {
            ["code"] = codes,
            ["id"] = [.. residents.Select(id => Text(id))],
            ["requestId"] = ["1"],
            ["circleId"] = ["1"],
            ["documentName"] = ["v1"],
            ["statusCode"] = ["404"],
            ["dataset"] = ["spending-over-500", "contracts", "grants", "circle-activity-by-ward"],
        };
    }

    private static IEnumerable<string> Fill(string pattern, Dictionary<string, IReadOnlyList<string>> values, List<string> problems)
    {
        var parameters = RouteParameter().Matches(pattern).Select(match => match.Groups["name"].Value).Distinct().ToList();
        var missing = parameters.Where(name => !values.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{pattern}: no demo value for the route parameter(s) {string.Join(", ", missing)}; add them to RouteValuesAsync");
            return [];
        }
        IEnumerable<string> paths = [pattern];
        foreach (var name in parameters)
        {
            paths = paths.SelectMany(path => values[name].Select(value =>
                RouteParameter().Replace(path, match => match.Groups["name"].Value.Equals(name, StringComparison.OrdinalIgnoreCase) ? value : match.Value)));
        }
        return paths;
    }

    /// <summary>Every count from 1 to 7 in a response, each described as "path: where = value".</summary>
    internal static IEnumerable<string> SmallCounts(string path, string? mediaType, string body)
    {
        if (mediaType is not null && mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            using var json = JsonDocument.Parse(body);
            return JsonCounts(json.RootElement, "$", null).Where(count => IsSmall(count.Value)).Select(count => $"{path}: {count.Where} = {count.Value}").ToList();
        }
        return PageCounts(body).Where(count => IsSmall(count.Value)).Select(count => $"{path}: {count.Where} = {count.Value}").ToList();
    }

    private static bool IsSmall(long value) => value is >= 1 and <= 7;

    private static IEnumerable<(string Where, long Value)> JsonCounts(JsonElement element, string where, string? property)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var child in element.EnumerateObject())
                {
                    foreach (var count in JsonCounts(child.Value, $"{where}.{child.Name}", child.Name))
                    {
                        yield return count;
                    }
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var count in JsonCounts(item, $"{where}[{index++}]", property))
                    {
                        yield return count;
                    }
                }
                break;
            case JsonValueKind.Number:
                var isInteger = !element.GetRawText().Any(character => character is '.' or 'e' or 'E');
                var isId = property is not null && (property.Equals("id", StringComparison.OrdinalIgnoreCase) || property.EndsWith("Id", StringComparison.Ordinal) || property.EndsWith("Ids", StringComparison.Ordinal));
                if (isInteger && !isId && (property is null || !JsonNotCounts.ContainsKey(property)) && element.TryGetInt64(out var value))
                {
                    yield return (where, value);
                }
                break;
            default:
                break;
        }
    }

    private static IEnumerable<(string Where, long Value)> PageCounts(string html)
    {
        html = NotRead().Replace(html, " ");
        foreach (Match row in SummaryListRow().Matches(html))
        {
            if (WholeNumber(Text(row.Groups["value"].Value)) is { } value)
            {
                yield return ($"summary list row '{Text(row.Groups["key"].Value)}'", value);
            }
        }
        foreach (Match table in Table().Matches(html))
        {
            var headers = ColumnHeader().Matches(table.Value).Select(header => Text(header.Groups["text"].Value)).ToList();
            foreach (Match row in TableBodyRow().Matches(table.Value))
            {
                var cells = TableCell().Matches(row.Value).ToList();
                for (var column = 0; column < cells.Count; column++)
                {
                    var header = column < headers.Count ? headers[column] : "";
                    if (cells[column].Groups["attributes"].Value.Contains("--numeric", StringComparison.Ordinal)
                        && !header.Contains("age", StringComparison.OrdinalIgnoreCase)
                        && !JsonNotCounts.ContainsKey(header)
                        && WholeNumber(Text(cells[column].Groups["text"].Value)) is { } value)
                    {
                        yield return ($"table cell under '{header}' in row '{Text(cells[0].Groups["text"].Value)}'", value);
                    }
                }
            }
        }
        var text = Text(html);
        foreach (Match count in ProseCount().Matches(text))
        {
            if (WholeNumber(count.Groups["number"].Value) is { } value)
            {
                yield return ($"text '{count.Value}'", value);
            }
        }
    }

    private static long? WholeNumber(string text) =>
        long.TryParse(text.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Text(string html) => Whitespace().Replace(WebUtility.HtmlDecode(Tag().Replace(html, " ")), " ").Trim();

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z]+)(?:[:=?][^}]*)?\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"<(script|style|head)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex NotRead();

    [GeneratedRegex(@"<dt class=""govuk-summary-list__key"">(?<key>.*?)</dt>\s*<dd class=""govuk-summary-list__value"">(?<value>.*?)</dd>", RegexOptions.Singleline)]
    private static partial Regex SummaryListRow();

    [GeneratedRegex(@"<table\b.*?</table>", RegexOptions.Singleline)]
    private static partial Regex Table();

    [GeneratedRegex(@"<th\b[^>]*scope=""col""[^>]*>(?<text>.*?)</th>", RegexOptions.Singleline)]
    private static partial Regex ColumnHeader();

    [GeneratedRegex(@"<tr\b[^>]*>(?:(?!</tr>).)*?<td\b.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex TableBodyRow();

    [GeneratedRegex(@"<t[hd]\b(?<attributes>[^>]*)>(?<text>.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex TableCell();

    /// <summary>
    /// A whole number followed, within two other words, by a word for people or things people do ("5 residents", "3 older
    /// people", "2 of them").
    /// </summary>
    [GeneratedRegex(@"(?<![\w,.\-])(?<number>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[A-Za-z'-]+\s+){0,2}?(?:residents?|people|persons?|households?|members?|ties?|places?|helpers?|volunteers?|neighbours?|adults?|children|requests?|accounts?|attendees?|of them|of those)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProseCount();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
