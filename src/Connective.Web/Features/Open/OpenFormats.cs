using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connective.Web.Infrastructure;
using Connective.Web.Platform.OpenData;

namespace Connective.Web.Features.Open;

/// <summary>
/// How a dataset is written: CSV (through the app's one CSV rule), JSON, the CSV on the Web data dictionary, and the DCAT
/// catalogue. The files stream: rows go from the database reader to the response in pieces, never the whole file in memory.
/// </summary>
internal static class OpenFormats
{
    public const string Licence = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
    public const string LicenceName = "Open Government Licence v3.0";
    private const int RowsPerFlush = 1000;

    /// <summary>Pence as pounds with two decimals (1234.50): adding 0.00m keeps two decimal places.</summary>
    public static decimal Pounds(long pence) => (pence / 100m) + 0.00m;

    public static string PoundsText(long pence) => Pounds(pence).ToString("0.00", CultureInfo.InvariantCulture);

    public static async Task WriteCsvAsync(IReadOnlyList<OpenColumn> columns, IAsyncEnumerable<object?[]> rows, Stream body, CancellationToken cancellationToken)
    {
        await using var csv = Csv.Writer(body);
        csv.Header([.. columns.Select(column => column.Name)]);
        await csv.EndRowAsync(cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            for (var i = 0; i < columns.Count; i++)
            {
                _ = (columns[i].Kind, row[i]) switch
                {
                    (_, null) => csv.Empty(),
                    (OpenColumnKind.Date, DateOnly date) => csv.Date(date),
                    (OpenColumnKind.Money, long pence) => csv.Formatted(PoundsText(pence)),
                    (OpenColumnKind.PeopleCount, int count) => csv.Number(count),
                    (_, var value) => csv.Text(Convert.ToString(value, CultureInfo.InvariantCulture)),
                };
            }
            await csv.EndRowAsync(cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }

    public static async Task WriteJsonAsync(IReadOnlyList<OpenColumn> columns, IAsyncEnumerable<object?[]> rows, Stream body, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(body);
        json.WriteStartArray();
        var written = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            json.WriteStartObject();
            for (var i = 0; i < columns.Count; i++)
            {
                json.WritePropertyName(columns[i].Name);
                switch (row[i])
                {
                    case null: json.WriteNullValue(); break;
                    case DateOnly date: json.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
                    case long pence when columns[i].Kind == OpenColumnKind.Money: json.WriteNumberValue(Pounds(pence)); break;
                    case int count: json.WriteNumberValue(count); break;
                    case var value: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
                }
            }
            json.WriteEndObject();
            if (++written % RowsPerFlush == 0)
            {
                await json.FlushAsync(cancellationToken);
            }
        }
        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>The data dictionary: W3C CSV on the Web tabular metadata describing the CSV beside it.</summary>
    public static JsonObject CsvwMetadata(OpenDatasetInfo info, string csvUrl, DateTime? modified) => new()
    {
        ["@context"] = "http://www.w3.org/ns/csvw",
        ["url"] = csvUrl,
        ["dc:title"] = info.Title,
        ["dc:description"] = info.Description,
        ["dc:license"] = new JsonObject { ["@id"] = Licence },
        ["dc:modified"] = modified?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["dialect"] = new JsonObject { ["header"] = true, ["encoding"] = "utf-8", ["lineTerminators"] = new JsonArray("\r\n") },
        ["tableSchema"] = new JsonObject
        {
            ["columns"] = new JsonArray([.. info.Columns.Select(column => (JsonNode)new JsonObject
            {
                ["name"] = column.Name,
                ["titles"] = column.Title,
                ["dc:description"] = column.Kind == OpenColumnKind.PeopleCount
                    ? column.Description + " Published under disclosure control: counts from 1 to 7 are suppressed (empty), others rounded to the nearest 5."
                    : column.Description,
                ["datatype"] = column.Kind switch
                {
                    OpenColumnKind.Date => "date",
                    OpenColumnKind.Money => new JsonObject { ["base"] = "decimal", ["format"] = "#0.00" },
                    OpenColumnKind.PeopleCount => new JsonObject { ["base"] = "nonNegativeInteger" },
                    _ => "string",
                },
                ["required"] = column.Required && column.Kind != OpenColumnKind.PeopleCount,
            })]),
        },
    };

    /// <summary>A DCAT (W3C Data Catalog Vocabulary) catalogue in JSON-LD, which national portals harvest.</summary>
    public static JsonObject DcatCatalogue(string origin, string publisher, IEnumerable<(OpenDatasetInfo Info, DateTime? Modified)> datasets) => new()
    {
        ["@context"] = new JsonObject
        {
            ["dcat"] = "http://www.w3.org/ns/dcat#",
            ["dct"] = "http://purl.org/dc/terms/",
            ["foaf"] = "http://xmlns.com/foaf/0.1/",
            ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
        },
        ["@id"] = origin + OpenPaths.Catalogue,
        ["@type"] = "dcat:Catalog",
        ["dct:title"] = publisher + " open data",
        ["dct:description"] = "Datasets published by " + publisher + " under the " + LicenceName + ".",
        ["dct:publisher"] = new JsonObject { ["@type"] = "foaf:Organization", ["foaf:name"] = publisher },
        ["dct:license"] = new JsonObject { ["@id"] = Licence },
        ["foaf:homepage"] = new JsonObject { ["@id"] = origin + "/open" },
        ["dcat:dataset"] = new JsonArray([.. datasets.Select(dataset => (JsonNode)Dataset(origin, publisher, dataset.Info, dataset.Modified))]),
    };

    private static JsonObject Dataset(string origin, string publisher, OpenDatasetInfo info, DateTime? modified)
    {
        var dataset = new JsonObject
        {
            ["@id"] = origin + OpenPaths.Page(info.Id),
            ["@type"] = "dcat:Dataset",
            ["dct:identifier"] = info.Id,
            ["dct:title"] = info.Title,
            ["dct:description"] = info.Description,
            ["dct:publisher"] = new JsonObject { ["@type"] = "foaf:Organization", ["foaf:name"] = publisher },
            ["dct:license"] = new JsonObject { ["@id"] = Licence },
            ["dcat:keyword"] = new JsonArray(info.Keyword),
            ["dcat:landingPage"] = new JsonObject { ["@id"] = origin + OpenPaths.Page(info.Id) },
            ["dcat:distribution"] = new JsonArray(
                Distribution(origin + OpenPaths.Csv(info.Id), "text/csv", "CSV", origin + OpenPaths.CsvMetadata(info.Id)),
                Distribution(origin + OpenPaths.Json(info.Id), "application/json", "JSON", null),
                Distribution(origin + OpenPaths.CsvMetadata(info.Id), "application/csvm+json", "CSVW metadata", null)),
        };
        if (modified is { } at)
        {
            dataset["dct:modified"] = new JsonObject { ["@value"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), ["@type"] = "xsd:dateTime" };
        }
        return dataset;
    }

    private static JsonObject Distribution(string url, string mediaType, string format, string? describedBy)
    {
        var distribution = new JsonObject
        {
            ["@type"] = "dcat:Distribution",
            ["dcat:downloadURL"] = new JsonObject { ["@id"] = url },
            ["dcat:mediaType"] = new JsonObject { ["@id"] = "https://www.iana.org/assignments/media-types/" + mediaType },
            ["dct:format"] = format,
            ["dct:license"] = new JsonObject { ["@id"] = Licence },
        };
        if (describedBy is not null)
        {
            distribution["dct:conformsTo"] = new JsonObject { ["@id"] = describedBy };
        }
        return distribution;
    }
}

/// <summary>The portal's stable URLs, in one place.</summary>
public static class OpenPaths
{
    public const string Api = "/api/v1/open";
    public const string Catalogue = Api + "/catalogue";
    public const string Ocds = Api + "/contracts/ocds";
    public const string ThreeSixtyGiving = Api + "/grants/360giving";

    public static string Page(string id) => "/open/datasets/" + Uri.EscapeDataString(id);

    public static string Csv(string id) => Api + "/datasets/" + Uri.EscapeDataString(id) + "/data.csv";

    public static string Json(string id) => Api + "/datasets/" + Uri.EscapeDataString(id) + "/data.json";

    public static string CsvMetadata(string id) => Api + "/datasets/" + Uri.EscapeDataString(id) + "/data.csv-metadata.json";
}
