using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
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
            .WithDescription("Network statistics count only residents who consented to network insight, and ties between two such residents. "
                + "Every count is published under disclosure control (docs/disclosure-control.md): counts from 1 to 7 are null, so are a few others that would let one be worked out, "
                + "all other counts are rounded to the nearest 5, and shares are computed from the rounded counts.");
        community.MapGet("/wards/{code}", GetWard)
            .WithName("GetWard")
            .WithSummary("One ward by its GSS code (E05…)")
            .WithDescription("Its counts, age bands and network statistics are the same published figures as in the list of wards (disclosure control: null when suppressed, otherwise rounded to the nearest 5).");
        community.MapGet("/residents/{id:int}", GetResident)
            .WithName("GetResident")
            .WithSummary("One named resident, their consents and ties (the resident, and staff whose role and ward reach them; every call by staff is audited)")
            .RequireAuthorization();
        return endpoints;
    }

    public static async Task<Ok<WardListResponse>> GetWards(CommunityQueries queries, CancellationToken cancellationToken)
    {
        var list = await queries.WardsAsync(cancellationToken);
        return TypedResults.Ok(new WardListResponse(list.Residents, list.Borough, list.Wards));
    }

    public static async Task<Results<Ok<WardDetail>, ProblemHttpResult>> GetWard(
        string code, CommunityQueries queries, CancellationToken cancellationToken)
    {
        var ward = await queries.WardAsync(code, cancellationToken);
        return ward is null
            ? NotFoundProblem($"There is no ward with the code '{code}'.")
            : TypedResults.Ok(ward);
    }

    public static async Task<Results<Ok<ResidentDetail>, ProblemHttpResult, ForbidHttpResult>> GetResident(
        int id, CommunityQueries queries, AuditLog audit, System.Security.Claims.ClaimsPrincipal user,
        IAuthorizationService authorization, RoleScopes scopes, Data.AppDbContext db, CancellationToken cancellationToken)
    {
        var resource = await ResidentResource.FindAsync(db, id, cancellationToken);
        if (resource is null || !(await authorization.AuthorizeAsync(user, resource, ResidentOperations.Read)).Succeeded)
        {
            // Only staff learn that an id does not exist; to anyone else an unknown id looks like someone else's.
            return resource is null && (await authorization.AuthorizeAsync(user, Policies.Staff)).Succeeded
                ? NotFoundProblem($"There is no resident with the id {id}.")
                : TypedResults.Forbid();
        }
        var resident = await queries.ResidentAsync(id, cancellationToken);
        if (resident is null)
        {
            return NotFoundProblem($"There is no resident with the id {id}.");
        }
        if ((await scopes.ForAsync(user, cancellationToken))?.ResidentId != id)
        {
            await audit.RecordAsync(user, AuditActions.ViewedResidentApi, id, reason: null, cancellationToken);
        }
        return TypedResults.Ok(resident);
    }

    private static ProblemHttpResult NotFoundProblem(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}

/// <summary>All wards, with the borough's totals, every figure as published.</summary>
public sealed record WardListResponse(
    [property: System.ComponentModel.Description("Residents of the borough. " + Platform.Disclosure.DisclosureControl.CountDescription)] int? Residents,
    PublishedNetworkStatistics BoroughNetwork, IReadOnlyList<WardSummary> Wards);
