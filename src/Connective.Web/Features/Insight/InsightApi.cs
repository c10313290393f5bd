using System.Security.Claims;
using Connective.Web.Platform;
using Connective.Web.Platform.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Connective.Web.Features.Insight;

/// <summary>
/// JSON for Insight under /api/v1/insight, for staff who may see named people, within their role's wards. Only people
/// who consent to network insight appear, and only ties both people allow.
/// </summary>
internal static class InsightApi
{
    public static IEndpointRouteBuilder MapInsightApi(this IEndpointRouteBuilder endpoints)
    {
        var insight = endpoints.MapGroup("/api/v1/insight").WithTags("Insight").RequireAuthorization(InsightPolicies.Staff);
        insight.MapGet("/summary", GetSummary).WithName("GetInsightSummary")
            .WithSummary("The wards you may see, how many people Insight leaves out for lack of consent, and how old its figures are");
        insight.MapGet("/isolation", GetIsolation).WithName("GetInsightIsolation")
            .WithSummary("People with no ties or little reach within two steps (recent life events first, then the oldest), each with why and what could help; 25 a page; each person listed is audited");
        insight.MapGet("/check-ins", GetCheckIns).WithName("GetInsightCheckIns")
            .WithSummary("The widow effect: people bereaved recently and their close ties, to check in on until the period ends; each person listed is audited");
        insight.MapGet("/people/{id:int}", GetPerson).WithName("GetInsightPerson")
            .WithSummary("A person's reach within one, two and three steps, their ties, community and brokerage (audited)");
        insight.MapGet("/wards/{code}", GetWard).WithName("GetInsightWard")
            .WithSummary("A ward's communities and the bridges between them, and its network figures beside the borough's");
        insight.MapGet("/wards/{code}/brokers", GetBrokers).WithName("GetInsightBrokers")
            .WithSummary("The ward's brokers: highest betweenness, with constraint (computed off the request path; see snapshot for their age); each person listed is audited");
        insight.MapGet("/map", GetMap).WithName("GetInsightMap")
            .WithSummary("The map's data: people by resident number with server-computed positions, community and the chosen measure, and the ties between them");
        insight.MapGet("/map/search", SearchMap).WithName("SearchInsightMap")
            .WithSummary("People in your wards whose name contains the text (at most 10), to find them on the map");
        insight.MapPost("/life-events", PostLifeEvent).WithName("PostInsightLifeEvent")
            .WithSummary("Record a life event; a bereavement puts the person and their close ties on the check-in list");
        return endpoints;
    }

    public static async Task<Ok<InsightSummary>> GetSummary(ClaimsPrincipal user, RoleScopes scopes, InsightQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.SummaryAsync(await InsightScope.ForAsync(scopes, user, ct), ct));

    public static async Task<Results<Ok<IsolationList>, ProblemHttpResult, ForbidHttpResult>> GetIsolation(
        string? ward, int? page, ClaimsPrincipal user, RoleScopes scopes, InsightQueries queries, InsightAudit audit, CancellationToken ct)
    {
        var scope = await InsightScope.ForAsync(scopes, user, ct);
        InsightWard? found = null;
        if (!string.IsNullOrEmpty(ward))
        {
            found = await queries.WardAsync(ward, ct);
            if (found is null)
            {
                return NoWard(ward);
            }
            if (!scope.Covers(found.Id))
            {
                return TypedResults.Forbid();
            }
        }
        var list = await queries.IsolationAsync(scope, found, page ?? 1, ct);
        await audit.ListedAsync(user, list.People.Select(person => person.ResidentId), "Insight isolation list", ct);
        return TypedResults.Ok(list);
    }

    public static async Task<Ok<CheckInList>> GetCheckIns(ClaimsPrincipal user, RoleScopes scopes, InsightQueries queries, InsightAudit audit, CancellationToken ct)
    {
        var list = await queries.CheckInsAsync(await InsightScope.ForAsync(scopes, user, ct), ct);
        await audit.ListedAsync(user, list.People.Select(person => person.ResidentId), "Insight check-in list", ct);
        return TypedResults.Ok(list);
    }

    public static async Task<Results<Ok<PersonReach>, ForbidHttpResult>> GetPerson(
        int id, ClaimsPrincipal user, RoleScopes scopes, InsightQueries queries, InsightAudit audit, CancellationToken ct)
    {
        // Someone Insight may not show (no consent, outside the caller's wards, no such id) is refused alike.
        if (await queries.ReachAsync(await InsightScope.ForAsync(scopes, user, ct), id, ct) is not { } reach)
        {
            return TypedResults.Forbid();
        }
        await audit.PersonAsync(user, id, "Insight reach", ct);
        return TypedResults.Ok(reach);
    }

    public static async Task<Results<Ok<WardInsight>, ProblemHttpResult, ForbidHttpResult>> GetWard(
        string code, ClaimsPrincipal user, RoleScopes scopes, InsightQueries queries, CancellationToken ct)
    {
        var (ward, exists) = await WardInScopeAsync(code, user, scopes, queries, ct);
        return ward is null ? (exists ? TypedResults.Forbid() : NoWard(code)) : TypedResults.Ok(await queries.WardInsightAsync(ward, ct));
    }

    public static async Task<Results<Ok<BrokerList>, ProblemHttpResult, ForbidHttpResult>> GetBrokers(
        string code, ClaimsPrincipal user, RoleScopes scopes, InsightQueries queries, InsightAudit audit, CancellationToken ct)
    {
        var (ward, exists) = await WardInScopeAsync(code, user, scopes, queries, ct);
        if (ward is null)
        {
            return exists ? TypedResults.Forbid() : NoWard(code);
        }
        var list = await queries.BrokersAsync(ward, ct);
        await audit.ListedAsync(user, list.People.Select(person => person.ResidentId), "Insight brokers list", ct);
        return TypedResults.Ok(list);
    }

    public static async Task<Results<Ok<MapData>, ProblemHttpResult, ForbidHttpResult>> GetMap(
        string? ward, string? measure, string? ageBand, ClaimsPrincipal user, RoleScopes scopes, InsightQueries queries, InsightAudit audit, CancellationToken ct)
    {
        var scope = await InsightScope.ForAsync(scopes, user, ct);
        InsightWard? found = null;
        if (!string.IsNullOrEmpty(ward))
        {
            var (inScope, exists) = await WardInScopeAsync(ward, user, scopes, queries, ct);
            if (inScope is null)
            {
                return exists ? TypedResults.Forbid() : NoWard(ward);
            }
            found = inScope;
        }
        measure ??= "ties";
        if (!InsightQueries.Measures.Any(known => known.Key == measure))
        {
            return TypedResults.Problem($"There is no measure '{measure}'; use one of {string.Join(", ", InsightQueries.Measures.Select(known => known.Key))}.",
                statusCode: StatusCodes.Status400BadRequest, title: "Unknown measure");
        }
        if (ageBand is not null && InsightQueries.AgeBandByName(ageBand) is null)
        {
            return TypedResults.Problem($"There is no age band '{ageBand}'; use one of {string.Join(", ", InsightQueries.AllAgeBands)}.",
                statusCode: StatusCodes.Status400BadRequest, title: "Unknown age band");
        }
        var map = await queries.MapAsync(scope, found, ageBand, measure, ct);
        if (map is null)
        {
            return TypedResults.Problem("Too many people to draw at once: choose a ward or an age band.", statusCode: StatusCodes.Status400BadRequest, title: "Too many people");
        }
        await audit.MapAsync(user, $"Insight map, {(found is null ? "all your wards" : found.Code)}", ct);
        return TypedResults.Ok(map);
    }

    /// <summary>Longer than any name; it also keeps the LIKE pattern within what SQLite accepts.</summary>
    public const int MaxSearchLength = 100;

    public static async Task<Results<Ok<IReadOnlyList<NameMatch>>, ValidationProblem>> SearchMap(
        string? q, ClaimsPrincipal user, RoleScopes scopes, InsightQueries queries, InsightAudit audit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Trim().Length < 2)
        {
            return TypedResults.Ok<IReadOnlyList<NameMatch>>([]);
        }
        if (q.Length > MaxSearchLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["q"] = [$"Search for at most {MaxSearchLength} characters of a name."],
            });
        }
        var found = await queries.SearchAsync(await InsightScope.ForAsync(scopes, user, ct), q, ct);
        await audit.SearchAsync(user, found.Count, ct);
        await audit.ListedAsync(user, found.Select(match => match.ResidentId), "Insight map search", ct);
        return TypedResults.Ok(found);
    }

    public static async Task<Results<Created<RecordedLifeEvent>, ValidationProblem, ForbidHttpResult>> PostLifeEvent(
        LifeEventBody body, ClaimsPrincipal user, RoleScopes scopes, CurrentPerson identity, InsightLifeEvents lifeEvents, CancellationToken ct)
    {
        var refusal = await lifeEvents.RecordAsync(user, identity.AccountId(user)!, await InsightScope.ForAsync(scopes, user, ct), body, ct);
        if (refusal is null)
        {
            return TypedResults.Created($"/insight/people/{body.ResidentId}", new RecordedLifeEvent(body.ResidentId, body.Kind, body.OccurredOn));
        }
        // Someone Insight may not show is refused like an unknown person on the other endpoints, without saying which.
        return refusal.Field == nameof(LifeEventBody.ResidentId)
            ? TypedResults.Forbid()
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { [refusal.Field] = [refusal.Message] });
    }

    /// <summary>The ward when the caller's scope covers it; otherwise null, and whether it exists at all.</summary>
    private static async Task<(InsightWard? Ward, bool Exists)> WardInScopeAsync(
        string code, ClaimsPrincipal user, RoleScopes scopes, InsightQueries queries, CancellationToken ct)
    {
        var ward = await queries.WardAsync(code, ct);
        if (ward is null)
        {
            return (null, false);
        }
        return (await InsightScope.ForAsync(scopes, user, ct)).Covers(ward.Id) ? (ward, true) : (null, true);
    }

    private static ProblemHttpResult NoWard(string code) =>
        TypedResults.Problem($"There is no ward with the code '{code}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
