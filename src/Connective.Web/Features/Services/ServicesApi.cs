using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Connective.Web.Data;
using Connective.Web.Platform;
using Connective.Web.Platform.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Services;

/// <summary>Who may manage services: answer feedback and reports, run pilots, moderate corrections, import the directory.</summary>
public static class ServicesPolicies
{
    public const string Manager = "ServicesManager";

    public static readonly string[] ManagerRoles = [Roles.ServiceManager, Roles.Admin];

    public static bool IsManager(ClaimsPrincipal user) => ManagerRoles.Any(user.IsInRole);
}

public sealed record FeedbackBody([property: Range(1, 5)] int Rating, [property: StringLength(DirectoryLimits.Comment)] string? Comment = null, bool ShareNameWithManager = false);

public sealed record ProblemBody(ProblemCategory Category, [property: Required, StringLength(DirectoryLimits.Comment, MinimumLength = 1)] string Description,
    [property: StringLength(DirectoryLimits.Name)] string? Place = null, double? Latitude = null, double? Longitude = null);

public sealed record ReplyBody([property: Required, StringLength(DirectoryLimits.Comment, MinimumLength = 1)] string Reply);

public sealed record ResponseBody(ProblemStatus Status, [property: Required, StringLength(DirectoryLimits.Comment, MinimumLength = 1)] string Response);

public sealed record MeasureBody(PilotMeasureSource Source, double Target);

public sealed record PilotBody(Guid ServiceId, [property: Required, StringLength(DirectoryLimits.Name)] string Title,
    [property: Required, StringLength(DirectoryLimits.Comment)] string Hypothesis, [property: Range(0, long.MaxValue)] long BudgetPence,
    DateTime StartsOn, DateTime ReviewOn, IReadOnlyList<MeasureBody> Measures);

public sealed record DecisionBody(PilotDecision Decision, [property: Required, StringLength(DirectoryLimits.Comment, MinimumLength = 1)] string Reasons);

public sealed record CorrectionBody(CorrectionField Field, [property: Required, StringLength(DirectoryLimits.Comment, MinimumLength = 1)] string ProposedValue,
    [property: StringLength(DirectoryLimits.Comment)] string? Note = null);

public sealed record CorrectionDecisionBody(bool Accept, [property: Required, StringLength(DirectoryLimits.Comment, MinimumLength = 1)] string Reason);

public sealed record CreatedId(long Id);

public sealed record SearchResultView(Guid Id, string Name, string Description, string? Organization, string? Ward, double Score);

/// <summary>A comment as the public sees it: never who wrote it.</summary>
public sealed record PublicFeedbackView(long Id, int Rating, string? Comment, DateTime At, string? Reply, DateTime? RepliedAt, DateTime? ReplyDueAt, bool ReplyOverdue);

public sealed record PublicProblemView(long Id, ProblemCategory Category, string Description, string? Place, ProblemStatus Status, DateTime ReportedAt,
    DateTime RespondBy, string? Response, DateTime? RespondedAt, bool Overdue);

/// <summary>What is overdue for a manager; the resident's name only where they agreed to share it.</summary>
public sealed record OverdueItem(string Kind, long Id, Guid ServiceId, string Service, string Text, DateTime DueAt, string? ResidentName);

/// <summary>JSON for Services under /api/v1/services: the Open Referral UK feed, search, feedback, dashboards, pilots and corrections.</summary>
internal static class ServicesApi
{
    public const string HsdsBase = "/api/v1/services/hsds";

    public static IEndpointRouteBuilder MapServicesApi(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.MapGroup("/api/v1/services").WithTags("Services");

        // The Open Referral UK / HSDS 3.0 read API, with the standard's paths, spellings and paging.
        var hsds = services.MapGroup("/hsds").WithTags("Services: Open Referral UK");
        // On the parent group: a group's "" route keeps the group's trailing slash, which the OpenAPI document drops.
        services.MapGet("/hsds", GetInfo).WithTags("Services: Open Referral UK").WithName("GetHsdsInfo").WithSummary("The HSDS version and profile this feed follows");
        hsds.MapGet("/services", GetServices).Produces<HsdsPage<HsdsService>>().WithName("GetHsdsServices")
            .WithSummary("Services, paged (page, per_page), filtered by search, taxonomy_term_id, taxonomy_id, organization_id, modified_after; full=true nests each");
        hsds.MapGet("/services/{id:guid}", GetService).Produces<HsdsService>().WithName("GetHsdsService").WithSummary("One service, fully nested");
        hsds.MapGet("/organizations", GetOrganizations).Produces<HsdsPage<HsdsOrganization>>().WithName("GetHsdsOrganizations").WithSummary("Organizations, paged");
        hsds.MapGet("/organizations/{id:guid}", GetOrganization).Produces<HsdsOrganization>().WithName("GetHsdsOrganization").WithSummary("One organization with its phones and contacts");
        hsds.MapGet("/service_at_locations", GetServiceAtLocations).Produces<HsdsPage<HsdsServiceAtLocation>>().WithName("GetHsdsServiceAtLocations").WithSummary("Services at locations, paged, each with its location");
        hsds.MapGet("/service_at_locations/{id:guid}", GetServiceAtLocation).Produces<HsdsServiceAtLocation>().WithName("GetHsdsServiceAtLocation").WithSummary("One service at a location, with its schedules");
        hsds.MapGet("/taxonomies", GetTaxonomies).Produces<HsdsPage<HsdsTaxonomy>>().WithName("GetHsdsTaxonomies").WithSummary("Taxonomies, paged");
        hsds.MapGet("/taxonomies/{id:guid}", GetTaxonomy).Produces<HsdsTaxonomy>().WithName("GetHsdsTaxonomy").WithSummary("One taxonomy");
        hsds.MapGet("/taxonomy_terms", GetTaxonomyTerms).Produces<HsdsPage<HsdsTaxonomyTerm>>().WithName("GetHsdsTaxonomyTerms").WithSummary("Taxonomy terms (needs), paged, optionally of one taxonomy (taxonomy_id)");
        hsds.MapGet("/taxonomy_terms/{id:guid}", GetTaxonomyTerm).Produces<HsdsTaxonomyTerm>().WithName("GetHsdsTaxonomyTerm").WithSummary("One taxonomy term with its taxonomy");
        hsds.MapGet("/export", Export).Produces<HsdsDirectory>().WithName("ExportHsdsDirectory").WithSummary("The whole directory as one HSDS JSON document (organizations, taxonomies, terms, services fully nested)");
        hsds.MapPost("/import", Import).RequireAuthorization(ServicesPolicies.Manager).DisableAntiforgery().WithName("ImportHsdsDirectory")
            .WithSummary("Import an HSDS JSON document in the export's shape: all or nothing, each error named by its JSON path")
            .Accepts<HsdsDirectory>("application/json");

        services.MapGet("/search", Search).WithName("SearchServices")
            .WithSummary("Search the directory by words (typo-tolerant, ranked), need (taxonomy term id) and ward (GSS code)");
        services.MapGet("/{id:guid}/feedback", GetFeedback).WithName("GetServiceFeedback").WithSummary("Ratings' comments and the service's public replies (never who wrote them)");
        services.MapGet("/{id:guid}/problems", GetProblems).WithName("GetServiceProblems").WithSummary("Problem reports with status, deadline and response; overdue ones flagged");
        services.MapGet("/{id:guid}/dashboard", GetServiceDashboard).WithName("GetServiceDashboard")
            .WithSummary("Twelve months of satisfaction, volume and response times; published under disclosure control, exact for service managers");
        services.MapGet("/wards/{code}/dashboard", GetWardDashboard).WithName("GetWardServicesDashboard")
            .WithSummary("A ward's dashboard: feedback on its services and problems reported in it");
        services.MapGet("/{id:guid}/history", GetHistory).WithName("GetServiceHistory").WithSummary("Every change to the entry: when, what, from what to what, and its source");
        services.MapGet("/pilots", GetPilots).WithName("GetPilots").WithSummary("The public ledger of pilots: hypothesis, budget, dates, measures and decision");

        var signedIn = services.MapGroup("").RequireAuthorization();
        signedIn.MapPost("/{id:guid}/feedback", PostFeedback).WithName("PostServiceFeedback").WithSummary("Rate a service you used (1–5), with an optional comment");
        signedIn.MapPost("/{id:guid}/problems", PostProblem).WithName("PostServiceProblem").WithSummary("Report a problem with a service");
        signedIn.MapPost("/{id:guid}/corrections", PostCorrection).WithName("PostServiceCorrection").WithSummary("Suggest a correction to a directory entry");

        var manager = services.MapGroup("/manage").RequireAuthorization(ServicesPolicies.Manager);
        manager.MapGet("/overdue", GetOverdue).WithName("GetOverdueServiceReplies").WithSummary("Problem reports and comments whose reply is overdue");
        manager.MapPost("/feedback/{id:long}/reply", PostReply).WithName("ReplyToServiceFeedback").WithSummary("Reply in public to a comment");
        manager.MapPost("/problems/{id:long}/response", PostResponse).WithName("RespondToServiceProblem").WithSummary("Respond in public to a problem report and set its status");
        manager.MapPost("/pilots", PostPilot).WithName("PostPilot").WithSummary("Start a pilot: hypothesis, budget, dates and the measures it will be judged by (fixed from now on)");
        manager.MapPost("/pilots/{id:long}/decision", PostDecision).WithName("DecidePilot").WithSummary("Publish the decision at review (scale, iterate or stop) with reasons");
        manager.MapGet("/corrections", GetCorrections).WithName("GetServiceCorrections").WithSummary("Suggested corrections, pending by default");
        manager.MapPost("/corrections/{id:long}/decision", PostCorrectionDecision).WithName("DecideServiceCorrection")
            .WithSummary("Accept (and apply) or decline a suggested correction, with the reason");
        return endpoints;
    }

    private static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}.");

    private static ValidationProblem Invalid(Dictionary<string, string> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));

    public static Ok<HsdsApiInfo> GetInfo() => TypedResults.Ok(new HsdsApiInfo(HsdsJson.Version, HsdsJson.Profile, "/openapi/v1.json"));

    public static async Task<Results<JsonHttpResult<HsdsPage<HsdsService>>, ValidationProblem>> GetServices(
        DirectoryQueries queries, DirectorySearch search, CancellationToken ct,
        [FromQuery(Name = "page")] int? page = null, [FromQuery(Name = "per_page")] int? perPage = null, [FromQuery(Name = "search")] string? text = null,
        [FromQuery(Name = "taxonomy_term_id")] Guid? taxonomyTermId = null, [FromQuery(Name = "taxonomy_id")] Guid? taxonomyId = null,
        [FromQuery(Name = "organization_id")] Guid? organizationId = null, [FromQuery(Name = "modified_after")] DateTime? modifiedAfter = null,
        [FromQuery(Name = "full")] bool full = false)
    {
        var (p, size) = DirectoryQueries.Paging(page, perPage);
        IReadOnlyCollection<Guid>? ids = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            ids = [.. (await search.SearchAsync(new DirectorySearchQuery(text, ActiveOnly: false), 10_000, ct)).Select(h => h.ServiceId)];
        }
        var filter = new ServiceFilter(taxonomyTermId, taxonomyId, organizationId, modifiedAfter?.ToUniversalTime(), ids);
        return TypedResults.Json(await queries.ServicesAsync(filter, p, size, full, ct), HsdsJson.Options);
    }

    public static async Task<Results<JsonHttpResult<HsdsService>, ProblemHttpResult>> GetService(Guid id, DirectoryQueries queries, CancellationToken ct) =>
        await queries.ServiceAsync(id, ct) is { } service ? TypedResults.Json(service, HsdsJson.Options) : NotFound("service");

    public static async Task<JsonHttpResult<HsdsPage<HsdsOrganization>>> GetOrganizations(DirectoryQueries queries, CancellationToken ct,
        [FromQuery(Name = "page")] int? page = null, [FromQuery(Name = "per_page")] int? perPage = null)
    {
        var (p, size) = DirectoryQueries.Paging(page, perPage);
        return TypedResults.Json(await queries.OrganizationsAsync(p, size, ct), HsdsJson.Options);
    }

    public static async Task<Results<JsonHttpResult<HsdsOrganization>, ProblemHttpResult>> GetOrganization(Guid id, DirectoryQueries queries, CancellationToken ct) =>
        await queries.OrganizationAsync(id, ct) is { } organization ? TypedResults.Json(organization, HsdsJson.Options) : NotFound("organization");

    public static async Task<JsonHttpResult<HsdsPage<HsdsServiceAtLocation>>> GetServiceAtLocations(DirectoryQueries queries, CancellationToken ct,
        [FromQuery(Name = "page")] int? page = null, [FromQuery(Name = "per_page")] int? perPage = null)
    {
        var (p, size) = DirectoryQueries.Paging(page, perPage);
        return TypedResults.Json(await queries.ServiceAtLocationsAsync(p, size, ct), HsdsJson.Options);
    }

    public static async Task<Results<JsonHttpResult<HsdsServiceAtLocation>, ProblemHttpResult>> GetServiceAtLocation(Guid id, DirectoryQueries queries, CancellationToken ct) =>
        await queries.ServiceAtLocationAsync(id, ct) is { } found ? TypedResults.Json(found, HsdsJson.Options) : NotFound("service at location");

    public static async Task<JsonHttpResult<HsdsPage<HsdsTaxonomy>>> GetTaxonomies(DirectoryQueries queries, CancellationToken ct,
        [FromQuery(Name = "page")] int? page = null, [FromQuery(Name = "per_page")] int? perPage = null)
    {
        var (p, size) = DirectoryQueries.Paging(page, perPage);
        return TypedResults.Json(await queries.TaxonomiesAsync(p, size, ct), HsdsJson.Options);
    }

    public static async Task<Results<JsonHttpResult<HsdsTaxonomy>, ProblemHttpResult>> GetTaxonomy(Guid id, DirectoryQueries queries, CancellationToken ct) =>
        await queries.TaxonomyAsync(id, ct) is { } found ? TypedResults.Json(found, HsdsJson.Options) : NotFound("taxonomy");

    public static async Task<JsonHttpResult<HsdsPage<HsdsTaxonomyTerm>>> GetTaxonomyTerms(DirectoryQueries queries, CancellationToken ct,
        [FromQuery(Name = "page")] int? page = null, [FromQuery(Name = "per_page")] int? perPage = null, [FromQuery(Name = "taxonomy_id")] Guid? taxonomyId = null)
    {
        var (p, size) = DirectoryQueries.Paging(page, perPage);
        return TypedResults.Json(await queries.TaxonomyTermsAsync(taxonomyId, p, size, ct), HsdsJson.Options);
    }

    public static async Task<Results<JsonHttpResult<HsdsTaxonomyTerm>, ProblemHttpResult>> GetTaxonomyTerm(Guid id, DirectoryQueries queries, CancellationToken ct) =>
        await queries.TaxonomyTermAsync(id, ct) is { } found ? TypedResults.Json(found, HsdsJson.Options) : NotFound("taxonomy term");

    public static async Task<JsonHttpResult<HsdsDirectory>> Export(DirectoryQueries queries, CancellationToken ct) =>
        TypedResults.Json(await queries.ExportAsync(ct), HsdsJson.Options);

    public static async Task<Results<Ok<ImportResult>, ValidationProblem>> Import(HttpRequest request, HsdsImport import, CancellationToken ct)
    {
        var result = await import.ImportAsync(request.Body, ct);
        return result.Succeeded
            ? TypedResults.Ok(result)
            : TypedResults.ValidationProblem(result.Errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "The file was not imported: nothing was written. Correct each error named below and import it again.");
    }

    public static async Task<Results<Ok<IReadOnlyList<SearchResultView>>, ValidationProblem>> Search(ServiceSearchPage search, CancellationToken ct,
        string? q = null, Guid? need = null, string? ward = null, int limit = 20)
    {
        var (results, errors) = await search.SearchAsync(q, need, ward, Math.Clamp(limit, 1, 100), ct);
        return errors.Count > 0 ? Invalid(errors) : TypedResults.Ok(results);
    }

    public static async Task<Results<Ok<IReadOnlyList<PublicFeedbackView>>, ProblemHttpResult>> GetFeedback(Guid id, ServiceReads reads, CancellationToken ct) =>
        await reads.FeedbackAsync(id, ct) is { } list ? TypedResults.Ok(list) : NotFound("service");

    public static async Task<Results<Ok<IReadOnlyList<PublicProblemView>>, ProblemHttpResult>> GetProblems(Guid id, ServiceReads reads, CancellationToken ct) =>
        await reads.ProblemsAsync(id, ct) is { } list ? TypedResults.Ok(list) : NotFound("service");

    public static async Task<Results<Ok<Dashboard>, ProblemHttpResult>> GetServiceDashboard(Guid id, ClaimsPrincipal user, ServiceDashboards dashboards, CancellationToken ct) =>
        await dashboards.ForServiceAsync(id, ServicesPolicies.IsManager(user), ct) is { } dashboard ? TypedResults.Ok(dashboard) : NotFound("service");

    public static async Task<Results<Ok<Dashboard>, ProblemHttpResult>> GetWardDashboard(string code, ClaimsPrincipal user, AppDbContext db, ServiceDashboards dashboards, CancellationToken ct)
    {
        var wardId = await db.Wards.Where(w => w.Code == code).Select(w => (int?)w.Id).SingleOrDefaultAsync(ct);
        return wardId is { } id && await dashboards.ForWardAsync(id, ServicesPolicies.IsManager(user), ct) is { } dashboard ? TypedResults.Ok(dashboard) : NotFound("ward");
    }

    public static async Task<Results<Ok<IReadOnlyList<ChangeView>>, ProblemHttpResult>> GetHistory(Guid id, AppDbContext db, DirectoryCorrections corrections, CancellationToken ct) =>
        await db.DirectoryServices.AnyAsync(s => s.Id == id, ct) ? TypedResults.Ok(await corrections.HistoryAsync(id, ct)) : NotFound("service");

    public static async Task<Ok<IReadOnlyList<PilotView>>> GetPilots(ServicePilots pilots, CancellationToken ct) => TypedResults.Ok(await pilots.LedgerAsync(ct));

    public static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> PostFeedback(
        Guid id, FeedbackBody body, ClaimsPrincipal user, CurrentPerson identity, ServiceFeedbackTasks tasks, CancellationToken ct)
    {
        var residentId = await identity.ResidentIdAsync(user, ct);
        var (created, errors) = await tasks.GiveFeedbackAsync(new NewFeedback(id, body.Rating, body.Comment, residentId, body.ShareNameWithManager), ct);
        return created is { } feedbackId ? TypedResults.Created($"/services/{id}", new CreatedId(feedbackId))
            : errors.ContainsKey("ServiceId") ? NotFound("service") : Invalid(errors);
    }

    public static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> PostProblem(
        Guid id, ProblemBody body, ClaimsPrincipal user, CurrentPerson identity, ServiceFeedbackTasks tasks, CancellationToken ct)
    {
        var residentId = await identity.ResidentIdAsync(user, ct);
        var (created, errors) = await tasks.ReportProblemAsync(new NewProblemReport(id, body.Category, body.Description ?? "", body.Place, body.Latitude, body.Longitude, residentId), ct);
        return created is { } reportId ? TypedResults.Created($"/services/{id}", new CreatedId(reportId))
            : errors.ContainsKey("ServiceId") ? NotFound("service") : Invalid(errors);
    }

    public static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> PostCorrection(
        Guid id, CorrectionBody body, ClaimsPrincipal user, CurrentPerson identity, DirectoryCorrections corrections, CancellationToken ct)
    {
        var residentId = await identity.ResidentIdAsync(user, ct);
        var (created, errors) = await corrections.SuggestAsync(id, body.Field, body.ProposedValue ?? "", body.Note, residentId, ct);
        return created is { } correctionId ? TypedResults.Created($"/services/{id}", new CreatedId(correctionId))
            : errors.ContainsKey("ServiceId") ? NotFound("service") : Invalid(errors);
    }

    public static async Task<Ok<IReadOnlyList<OverdueItem>>> GetOverdue(ServiceReads reads, CancellationToken ct) => TypedResults.Ok(await reads.OverdueAsync(ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> PostReply(long id, ReplyBody body, ServiceFeedbackTasks tasks, CancellationToken ct) =>
        await tasks.ReplyToFeedbackAsync(id, body.Reply, ct) is null ? NotFound("comment") : TypedResults.NoContent();

    public static async Task<Results<NoContent, ProblemHttpResult>> PostResponse(long id, ResponseBody body, ServiceFeedbackTasks tasks, CancellationToken ct) =>
        await tasks.RespondToReportAsync(id, body.Status, body.Response, ct) is null ? NotFound("problem report") : TypedResults.NoContent();

    public static async Task<Results<Created<CreatedId>, ValidationProblem>> PostPilot(PilotBody body, ServicePilots pilots, CancellationToken ct)
    {
        var (created, errors) = await pilots.CreateAsync(new NewPilot(body.ServiceId, body.Title ?? "", body.Hypothesis ?? "", body.BudgetPence,
            body.StartsOn.ToUniversalTime(), body.ReviewOn.ToUniversalTime(), [.. (body.Measures ?? []).Select(m => (m.Source, m.Target))]), ct);
        return created is { } pilotId ? TypedResults.Created("/services/pilots", new CreatedId(pilotId)) : Invalid(errors);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> PostDecision(long id, DecisionBody body, ServicePilots pilots, CancellationToken ct)
    {
        var (found, refusal) = await pilots.DecideAsync(id, body.Decision, body.Reasons, ct);
        return !found ? NotFound("pilot") : refusal is null ? TypedResults.NoContent() : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusal);
    }

    public static async Task<Ok<IReadOnlyList<CorrectionView>>> GetCorrections(DirectoryCorrections corrections, CancellationToken ct, CorrectionStatus status = CorrectionStatus.Pending) =>
        TypedResults.Ok(await corrections.ListAsync(status, null, ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> PostCorrectionDecision(long id, CorrectionDecisionBody body, DirectoryCorrections corrections, CancellationToken ct)
    {
        var (found, refusal) = await corrections.DecideAsync(id, body.Accept, body.Reason, ct);
        return !found ? NotFound("correction") : refusal is null ? TypedResults.NoContent() : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusal);
    }
}
