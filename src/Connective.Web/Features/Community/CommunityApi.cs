using Microsoft.AspNetCore.Http.HttpResults;

namespace Connective.Web.Features.Community;

/// <summary>JSON for the Community area under /api/v1/community.</summary>
internal static class CommunityApi
{
    public static IEndpointRouteBuilder MapCommunityApi(this IEndpointRouteBuilder endpoints)
    {
        var community = endpoints.MapGroup("/api/v1/community").WithTags("Community");
        community.MapGet("/wards", GetWards)
            .WithName("GetWards")
            .WithSummary("Lists the wards with resident counts and network statistics")
            .WithDescription("Network statistics count only residents who consented to network insight, and ties between two such residents.");
        community.MapGet("/wards/{code}", GetWard)
            .WithName("GetWard")
            .WithSummary("One ward by its GSS code (E05…)");
        community.MapGet("/residents/{id:int}", GetResident)
            .WithName("GetResident")
            .WithSummary("One named resident, their consents and ties (Demo and Development environments only)");
        return endpoints;
    }

    public static async Task<Ok<WardListResponse>> GetWards(CommunityQueries queries, CancellationToken cancellationToken)
    {
        var wards = await queries.WardsAsync(cancellationToken);
        var borough = await queries.BoroughNetworkAsync(cancellationToken);
        return TypedResults.Ok(new WardListResponse(wards.Sum(ward => ward.Residents), borough, wards));
    }

    public static async Task<Results<Ok<WardDetail>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> GetWard(
        string code, CommunityQueries queries, CancellationToken cancellationToken)
    {
        var ward = await queries.WardAsync(code, cancellationToken);
        return ward is null
            ? TypedResults.NotFound(NotFoundProblem($"There is no ward with the code '{code}'."))
            : TypedResults.Ok(ward);
    }

    public static async Task<Results<Ok<ResidentDetail>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> GetResident(
        int id, CommunityQueries queries, IHostEnvironment environment, CancellationToken cancellationToken)
    {
        if (!CommunityFeature.ShowsNamedPeople(environment))
        {
            return TypedResults.NotFound(NotFoundProblem("Named residents are not available here."));
        }
        var resident = await queries.ResidentAsync(id, cancellationToken);
        return resident is null
            ? TypedResults.NotFound(NotFoundProblem($"There is no resident with the id {id}."))
            : TypedResults.Ok(resident);
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails NotFoundProblem(string detail) =>
        new() { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = detail };
}

/// <summary>All wards, with the borough's totals.</summary>
public sealed record WardListResponse(int Residents, WardNetworkStatistics BoroughNetwork, IReadOnlyList<WardSummary> Wards);
