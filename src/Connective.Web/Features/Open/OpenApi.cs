using Connective.Web.Data;
using Connective.Web.Infrastructure;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.OpenData;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Connective.Web.Features.Open;

/// <summary>Who may upload the council's datasets.</summary>
public static class OpenPolicies
{
    public const string Officer = "OpenDataOfficer";

    public static readonly string[] OfficerRoles = [Roles.BudgetOfficer, Roles.Admin];
}

/// <summary>A dataset as the list and its page describe it: links to every format, the licence, when it last changed.</summary>
public sealed record OpenDatasetSummary(string Id, string Title, string Description, string Licence, DateTime? LastUpdated,
    string Page, string Csv, string Json, string CsvMetadata, IReadOnlyList<OpenDatasetChange> History);

/// <summary>/api/v1/open: the catalogue, each dataset's files, OCDS and 360Giving, and officers' uploads. All reads are anonymous.</summary>
internal static class OpenApi
{
    public static IEndpointRouteBuilder MapOpenApi(this IEndpointRouteBuilder endpoints)
    {
        var open = endpoints.MapGroup(OpenPaths.Api).WithTags("Open");
        open.MapGet("/catalogue", GetCatalogueAsync).WithName("GetOpenDataCatalogue")
            .WithSummary("The DCAT catalogue of every dataset, as JSON-LD (for national portals to harvest)").Produces(200, contentType: "application/ld+json");
        open.MapGet("/datasets", GetDatasetsAsync).WithName("GetOpenDatasets").WithSummary("Every published dataset with its links and last-updated date");
        open.MapGet("/datasets/{dataset}", GetDatasetAsync).WithName("GetOpenDataset").WithSummary("One dataset: links, licence, change history");
        open.MapGet("/datasets/{dataset}/data.csv", GetCsvAsync).WithName("GetOpenDatasetCsv")
            .WithSummary("The dataset as CSV (streamed)").Produces(200, contentType: "text/csv").Produces(404);
        open.MapGet("/datasets/{dataset}/data.json", GetJsonAsync).WithName("GetOpenDatasetJson")
            .WithSummary("The dataset as a JSON array of rows (streamed)").Produces(200, contentType: "application/json").Produces(404);
        open.MapGet("/datasets/{dataset}/data.csv-metadata.json", GetCsvMetadataAsync).WithName("GetOpenDatasetCsvMetadata")
            .WithSummary("The data dictionary: W3C CSV on the Web metadata for data.csv").Produces(200, contentType: "application/csvm+json").Produces(404);
        open.MapGet("/contracts/ocds", GetOcdsAsync).WithName("GetContractsOcds")
            .WithSummary("The contracts register as an OCDS 1.1 release package").Produces(200, contentType: "application/json");
        open.MapGet("/grants/360giving", GetThreeSixtyGivingAsync).WithName("GetGrants360Giving")
            .WithSummary("Grants to community organisations in the 360Giving Data Standard").Produces(200, contentType: "application/json");
        open.MapPost("/uploads/{dataset}", PostUploadAsync).RequireAuthorization(OpenPolicies.Officer).WithName("PostOpenDataUpload")
            // No Accepts<>("text/csv"): routing would answer 415 before authorization, telling anyone the upload's format;
            // the body is read as CSV whatever its declared type, and a body that is not CSV is a 400 naming the problem.
            .WithSummary("Upload spending, contracts or grants as CSV (the body, text/csv); a file with any error writes nothing");
        return endpoints;
    }

    internal static async Task<OpenDatasetSummary> SummaryAsync(OpenDataCatalogue catalogue, IOpenDataset dataset, CancellationToken cancellationToken)
    {
        var history = await catalogue.HistoryAsync(dataset, cancellationToken);
        var id = dataset.Info.Id;
        return new OpenDatasetSummary(id, dataset.Info.Title, dataset.Info.Description, OpenFormats.Licence, history.Count > 0 ? history[0].At : null,
            OpenPaths.Page(id), OpenPaths.Csv(id), OpenPaths.Json(id), OpenPaths.CsvMetadata(id), history);
    }

    private static async Task<Ok<List<OpenDatasetSummary>>> GetDatasetsAsync(OpenDataCatalogue catalogue, CancellationToken cancellationToken)
    {
        var summaries = new List<OpenDatasetSummary>();
        foreach (var dataset in catalogue.All)
        {
            summaries.Add(await SummaryAsync(catalogue, dataset, cancellationToken));
        }
        return TypedResults.Ok(summaries);
    }

    private static async Task<Results<Ok<OpenDatasetSummary>, NotFound>> GetDatasetAsync(string dataset, OpenDataCatalogue catalogue, CancellationToken cancellationToken) =>
        catalogue.Find(dataset) is { } found ? TypedResults.Ok(await SummaryAsync(catalogue, found, cancellationToken)) : TypedResults.NotFound();

    private static async Task<IResult> GetCatalogueAsync(PublicLinks links, OpenDataCatalogue catalogue, IOptions<OpenOptions> options, CancellationToken cancellationToken)
    {
        var datasets = new List<(OpenDatasetInfo, DateTime?)>();
        foreach (var dataset in catalogue.All)
        {
            var history = await catalogue.HistoryAsync(dataset, cancellationToken);
            datasets.Add((dataset.Info, history.Count > 0 ? history[0].At : null));
        }
        var catalogueJson = OpenFormats.DcatCatalogue(Origin(links), options.Value.Publisher, datasets);
        return TypedResults.Text(catalogueJson.ToJsonString(), "application/ld+json");
    }

    private static async Task GetCsvAsync(string dataset, HttpContext http, OpenDataCatalogue catalogue, CancellationToken cancellationToken)
    {
        if (catalogue.Find(dataset) is not { } found)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        http.Response.ContentType = Csv.ContentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{found.Info.Id}.csv\"";
        http.Response.Headers.Link = $"<{OpenPaths.CsvMetadata(found.Info.Id)}>; rel=\"describedby\"; type=\"application/csvm+json\"";
        await OpenFormats.WriteCsvAsync(found.Info.Columns, catalogue.PublishedRowsAsync(found, cancellationToken), http.Response.Body, cancellationToken);
    }

    private static async Task GetJsonAsync(string dataset, HttpContext http, OpenDataCatalogue catalogue, CancellationToken cancellationToken)
    {
        if (catalogue.Find(dataset) is not { } found)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        http.Response.ContentType = "application/json; charset=utf-8";
        await OpenFormats.WriteJsonAsync(found.Info.Columns, catalogue.PublishedRowsAsync(found, cancellationToken), http.Response.Body, cancellationToken);
    }

    private static async Task<IResult> GetCsvMetadataAsync(string dataset, OpenDataCatalogue catalogue, CancellationToken cancellationToken)
    {
        if (catalogue.Find(dataset) is not { } found)
        {
            return TypedResults.NotFound();
        }
        var history = await catalogue.HistoryAsync(found, cancellationToken);
        var metadata = OpenFormats.CsvwMetadata(found.Info, "data.csv", history.Count > 0 ? history[0].At : null);
        return TypedResults.Text(metadata.ToJsonString(), "application/csvm+json");
    }

    private static async Task GetOcdsAsync(HttpContext http, PublicLinks links, AppDbContext db, IOptions<OpenOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        await OpenStandards.WriteOcdsAsync(db, options.Value, Origin(links) + OpenPaths.Ocds, time.GetUtcNow().UtcDateTime, http.Response.Body, cancellationToken);
    }

    private static async Task GetThreeSixtyGivingAsync(HttpContext http, AppDbContext db, IOptions<OpenOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        await OpenStandards.WriteThreeSixtyGivingAsync(db, options.Value, time.GetUtcNow().UtcDateTime, http.Response.Body, cancellationToken);
    }

    private static async Task<Results<Ok<UploadResult>, NotFound, ValidationProblem>> PostUploadAsync(string dataset, HttpContext http, OpenUploads uploads, CancellationToken cancellationToken)
    {
        if (!OpenUploads.Columns.ContainsKey(dataset))
        {
            return TypedResults.NotFound();
        }
        var result = await uploads.UploadAsync(dataset, http.Request.Body, dataset + ".csv", http.User, cancellationToken);
        if (result.ErrorCount > 0)
        {
            return TypedResults.ValidationProblem(
                result.Errors.GroupBy(error => $"row {error.Row}, column {error.Column}").ToDictionary(group => group.Key, group => group.Select(error => error.Message).ToArray()),
                detail: $"{result.ErrorCount:N0} errors; nothing was written. The first {result.Errors.Count} are listed.");
        }
        return TypedResults.Ok(result);
    }

    /// <summary>The public base URL without its trailing slash (never the request's Host: PublicLinks).</summary>
    private static string Origin(PublicLinks links) => links.BaseUrl.ToString().TrimEnd('/');
}
