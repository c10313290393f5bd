using System.Globalization;
using System.Text;
using System.Text.Json;
using Connective.Web.Data;
using Connective.Web.Features.Open;
using Connective.Web.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Open;

/// <summary>The open data portal, run on SQLite and PostgreSQL against the seeded demo borough.</summary>
internal static class OpenChecks
{
    private const string SpendingHeader = "date,department,supplier,purpose,amount\r\n";

    public static async Task One_bad_row_among_10000_writes_nothing_and_names_the_row_and_column(ConnectiveWebFactory factory)
    {
        var csv = new StringBuilder(SpendingHeader);
        for (var i = 0; i < 10_000; i++)
        {
            // Row 7,424 (data row 7,423) has an amount with three decimals; every other row is good.
            var amount = i == 7_422 ? "612.345" : "612.34";
            csv.Append(CultureInfo.InvariantCulture, $"2026-03-{1 + (i % 28):00},Highways,\"Smith, Jones & Co\",Resurfacing,{amount}\r\n");
        }
        var before = await CountAsync(factory, db => db.SpendingPayments.CountAsync());
        var uploadsBefore = await CountAsync(factory, db => db.OpenDataUploads.CountAsync());

        var result = await UploadAsync(factory, OpenDatasetIds.Spending, csv.ToString());

        Assert.Equal(0, result.Written);
        var error = Assert.Single(result.Errors);
        Assert.Equal(7_424, error.Row);
        Assert.Equal("amount", error.Column);
        Assert.Contains("612.345", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(factory, db => db.SpendingPayments.CountAsync()));
        Assert.Equal(uploadsBefore, await CountAsync(factory, db => db.OpenDataUploads.CountAsync()));
    }

    public static async Task Every_error_is_named_by_row_and_column(ConnectiveWebFactory factory)
    {
        var result = await UploadAsync(factory, OpenDatasetIds.Spending,
            SpendingHeader + "2026-02-30,Highways,Acme,Repairs,600\r\n2026-02-01,,Acme,Repairs,£499.99\r\n2026-02-01,Highways,Acme,Repairs,1000\r\n");

        Assert.Equal(0, result.Written);
        Assert.Equal(["Row 2, column date", "Row 3, column amount", "Row 3, column department"],
            result.Errors.Select(error => $"Row {error.Row}, column {error.Column}").Distinct().Order(StringComparer.Ordinal));

        var missing = await UploadAsync(factory, OpenDatasetIds.Spending, "date,supplier,amount\r\n2026-02-01,Acme,600\r\n");
        Assert.Contains(missing.Errors, error => error.Row == 1 && error.Column == "department");
    }

    public static async Task A_good_upload_is_published_as_csv_and_json_with_its_dictionary_and_history(ConnectiveWebFactory factory)
    {
        var supplier = "=HYPERLINK(\"https://evil.example\") " + Guid.NewGuid().ToString("N")[..8];
        var audited = await CountAsync(factory, db => db.AuditEntries.CountAsync(entry => entry.Action == Platform.Audit.AuditActions.UploadedOpenData));
        var result = await UploadAsync(factory, OpenDatasetIds.Spending,
            SpendingHeader + $"2099-01-02,Libraries,\"{supplier.Replace("\"", "\"\"", StringComparison.Ordinal)}\",\"Books, periodicals\",\"£1,234.50\"\r\n");
        Assert.Equal(1, result.Written);
        Assert.Equal(audited + 1, await CountAsync(factory, db => db.AuditEntries.CountAsync(entry => entry.Action == Platform.Audit.AuditActions.UploadedOpenData)));
        Assert.True(await CountAsync(factory, db => db.AuditEntries.CountAsync(entry => entry.Action == Platform.Audit.AuditActions.UploadedOpenData
            && entry.ActorId == "demo-budgetofficer" && entry.ActorRole == Platform.Access.Roles.BudgetOfficer && entry.Reason!.StartsWith(OpenDatasetIds.Spending + ": 1 row from"))) > 0);
        using var client = factory.CreateClient();

        var csv = await client.GetStringAsync("/api/v1/open/datasets/spending-over-500/data.csv");
        var lines = csv.Split("\r\n");
        Assert.Equal("date,department,supplier,purpose,amount", lines[0]);
        // Newest first: the payment dated 2099 is the first row; the formula is written as text, the amount in pounds.
        Assert.Equal($"2099-01-02,Libraries,\"'{supplier.Replace("\"", "\"\"", StringComparison.Ordinal)}\",\"Books, periodicals\",1234.50", lines[1]);

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/open/datasets/spending-over-500/data.json"));
        var first = json.RootElement[0];
        Assert.Equal(supplier, first.GetProperty("supplier").GetString());
        Assert.Equal("1234.50", first.GetProperty("amount").GetRawText());

        using var metadata = JsonDocument.Parse(await client.GetStringAsync("/api/v1/open/datasets/spending-over-500/data.csv-metadata.json"));
        Assert.Equal("http://www.w3.org/ns/csvw", metadata.RootElement.GetProperty("@context").GetString());
        Assert.Equal(lines[0].Split(','), metadata.RootElement.GetProperty("tableSchema").GetProperty("columns").EnumerateArray().Select(column => column.GetProperty("name").GetString()));
        Assert.Contains("open-government-licence/version/3", metadata.RootElement.GetProperty("dc:license").GetProperty("@id").GetString(), StringComparison.Ordinal);

        using var summary = JsonDocument.Parse(await client.GetStringAsync("/api/v1/open/datasets/spending-over-500"));
        var history = summary.RootElement.GetProperty("history");
        Assert.Equal("Added 1 rows from spending-over-500.csv", history[0].GetProperty("summary").GetString());
        Assert.Equal(history[0].GetProperty("at").GetDateTime(), summary.RootElement.GetProperty("lastUpdated").GetDateTime());

        var page = await client.GetStringAsync("/open/datasets/spending-over-500");
        Assert.Contains("Added 1 rows from spending-over-500.csv", page, StringComparison.Ordinal);
        Assert.Contains("Open Government Licence v3.0", page, StringComparison.Ordinal);
    }

    public static async Task The_contracts_register_is_valid_OCDS_above_the_threshold(ConnectiveWebFactory factory)
    {
        using var client = factory.CreateClient();
        var ocds = await client.GetStringAsync("/api/v1/open/contracts/ocds");

        Assert.Empty(OpenSchemas.Errors(OpenSchemas.OcdsReleasePackage, ocds));
        using var json = JsonDocument.Parse(ocds);
        var releases = json.RootElement.GetProperty("releases").EnumerateArray().ToList();
        Assert.NotEmpty(releases);
        Assert.All(releases, release => Assert.True(release.GetProperty("awards")[0].GetProperty("value").GetProperty("amount").GetDecimal() >= 25_000m));
        // The demo has contracts under £25,000 too (a third), which the register leaves out.
        var all = await CountAsync(factory, db => db.PublicContracts.CountAsync());
        Assert.True(releases.Count < all, $"{releases.Count} releases of {all} contracts");
        var csv = await client.GetStringAsync("/api/v1/open/datasets/contracts/data.csv");
        Assert.Equal(releases.Count + 1, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    public static async Task A_release_package_missing_a_required_field_fails_the_schema(ConnectiveWebFactory factory)
    {
        using var client = factory.CreateClient();
        var ocds = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/api/v1/open/contracts/ocds"))!;
        ocds["releases"]![0]!.AsObject().Remove("ocid");
        Assert.NotEmpty(OpenSchemas.Errors(OpenSchemas.OcdsReleasePackage, ocds.ToJsonString()));

        var grants = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/api/v1/open/grants/360giving"))!;
        grants["grants"]![0]!["amountAwarded"] = "a lot";
        Assert.NotEmpty(OpenSchemas.Errors(OpenSchemas.ThreeSixtyGivingPackage, grants.ToJsonString()));
    }

    public static async Task Grants_are_valid_360Giving(ConnectiveWebFactory factory)
    {
        using var client = factory.CreateClient();
        var grants = await client.GetStringAsync("/api/v1/open/grants/360giving");

        Assert.Empty(OpenSchemas.Errors(OpenSchemas.ThreeSixtyGivingPackage, grants));
        using var json = JsonDocument.Parse(grants);
        Assert.Equal(await CountAsync(factory, db => db.CommunityGrants.CountAsync()), json.RootElement.GetProperty("grants").GetArrayLength());
    }

    public static async Task The_DCAT_catalogue_lists_every_dataset_with_its_files(ConnectiveWebFactory factory)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/api/v1/open/catalogue");
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var datasets = json.RootElement.GetProperty("dcat:dataset").EnumerateArray().ToList();

        Assert.Equal(["circle-activity-by-ward", "contracts", "grants", "spending-over-500"],
            datasets.Select(dataset => dataset.GetProperty("dct:identifier").GetString()).Order(StringComparer.Ordinal));
        foreach (var dataset in datasets)
        {
            foreach (var distribution in dataset.GetProperty("dcat:distribution").EnumerateArray())
            {
                var url = new Uri(distribution.GetProperty("dcat:downloadURL").GetProperty("@id").GetString()!);
                using var file = await client.GetAsync(url.PathAndQuery);
                Assert.True(file.IsSuccessStatusCode, $"{url}: {(int)file.StatusCode}");
            }
        }
    }

    public static async Task Circle_activity_by_ward_passes_disclosure_control(ConnectiveWebFactory factory)
    {
        using var client = factory.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/open/datasets/circle-activity-by-ward/data.json"));
        var wards = json.RootElement.EnumerateArray().ToList();

        Assert.Equal(await CountAsync(factory, db => db.Wards.CountAsync()), wards.Count);
        var counts = wards.SelectMany(ward => new[] { "circle_members", "help_requests", "help_requests_completed" }.Select(name => ward.GetProperty(name)))
            .Where(value => value.ValueKind == JsonValueKind.Number).Select(value => value.GetInt32()).ToList();
        Assert.NotEmpty(counts);
        Assert.All(counts, count => Assert.True(count == 0 || (count > 7 && count % 5 == 0), $"{count} is not a published count"));
    }

    /// <summary>The demo budget officer, as the upload page passes its signed-in person.</summary>
    private static readonly System.Security.Claims.ClaimsPrincipal BudgetOfficer = new(new System.Security.Claims.ClaimsIdentity(
        [new(System.Security.Claims.ClaimTypes.NameIdentifier, "demo-budgetofficer"), new(System.Security.Claims.ClaimTypes.Role, Platform.Access.Roles.BudgetOfficer)], "test"));

    private static async Task<UploadResult> UploadAsync(ConnectiveWebFactory factory, string dataset, string csv)
    {
        await using var scope = factory.CreateScope();
        var uploads = scope.ServiceProvider.GetRequiredService<OpenUploads>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await uploads.UploadAsync(dataset, stream, dataset + ".csv", BudgetOfficer, CancellationToken.None);
    }

    private static async Task<int> CountAsync(ConnectiveWebFactory factory, Func<AppDbContext, Task<int>> count)
    {
        await using var scope = factory.CreateScope();
        return await count(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
