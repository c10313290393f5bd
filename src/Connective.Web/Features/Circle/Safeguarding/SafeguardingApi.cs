using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Connective.Web.Features.Circle.Credits;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Connective.Web.Features.Circle.Safeguarding;

public sealed record NoteRequest([property: Required, StringLength(4000, MinimumLength = 1)] string? Text);

public sealed record StatusRequest(ConcernStatus Status);

/// <summary>JSON for safeguarding under /api/v1/circle/safeguarding: anyone signed in raises a concern; only the safeguarding lead reads or handles one.</summary>
internal static class SafeguardingApi
{
    public static IEndpointRouteBuilder MapSafeguardingApi(this IEndpointRouteBuilder endpoints)
    {
        var safeguarding = endpoints.MapGroup("/api/v1/circle/safeguarding").WithTags("Circle");
        safeguarding.MapPost("/concerns", PostConcern).WithName("RaiseSafeguardingConcern")
            .WithSummary("Raises a concern about a person or a visit; it goes to the safeguarding lead").RequireAuthorization();
        var lead = safeguarding.MapGroup("").RequireAuthorization(CircleCommunityPolicies.SafeguardingLead);
        lead.MapGet("/concerns", GetConcerns).WithName("GetSafeguardingConcerns").WithSummary("The safeguarding lead's queue (every read is audited on the detail)");
        lead.MapGet("/concerns/{id:long}", GetConcern).WithName("GetSafeguardingConcern").WithSummary("One concern with its notes and referrals (audited)");
        lead.MapPost("/concerns/{id:long}/notes", PostNote).WithName("AddSafeguardingNote").WithSummary("Adds a note (audited)");
        lead.MapPut("/concerns/{id:long}/status", PutStatus).WithName("SetSafeguardingStatus").WithSummary("Changes the status (audited)");
        lead.MapPost("/concerns/{id:long}/referrals", PostReferral).WithName("RecordSafeguardingReferral")
            .WithSummary("Records a referral, optionally removing the helper concerned, confirmed by their full name (audited; kept on erasure)");
        lead.MapPost("/concerns/{id:long}/reinstatements", PostReinstatement).RequireAuthorization(Platform.Access.Policies.RecentSignIn).WithName("ReinstateRemovedHelper")
            .WithSummary("Lifts a removal for harm made under this concern, confirmed by the helper's full name (audited)");
        return endpoints;
    }

    public static async Task<Results<Created, ValidationProblem>> PostConcern(NewConcern request, SafeguardingCases cases, ClaimsPrincipal user, CancellationToken ct)
    {
        var (id, errors) = await cases.RaiseAsync(user, request, ct);
        // The person raising it gets no link to read it back: only the lead reads concerns.
        return id is null ? Validation(errors) : TypedResults.Created((string?)null);
    }

    public static async Task<Ok<IReadOnlyList<ConcernSummary>>> GetConcerns(bool? includeClosed, SafeguardingCases cases, CancellationToken ct) =>
        TypedResults.Ok(await cases.QueueAsync(includeClosed ?? false, ct));

    public static async Task<Results<Ok<ConcernDetail>, ProblemHttpResult>> GetConcern(long id, SafeguardingCases cases, ClaimsPrincipal user, CancellationToken ct)
    {
        var detail = await cases.DetailAsync(user, id, ct);
        return detail is null ? NotFound(id) : TypedResults.Ok(detail);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> PostNote(long id, NoteRequest request, SafeguardingCases cases, ClaimsPrincipal user, CancellationToken ct)
    {
        var error = await cases.AddNoteAsync(user, id, request.Text, ct);
        return error is null ? TypedResults.NoContent() : TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> PutStatus(long id, StatusRequest request, SafeguardingCases cases, ClaimsPrincipal user, CancellationToken ct) =>
        await cases.SetStatusAsync(user, id, request.Status, ct) ? TypedResults.NoContent() : NotFound(id);

    public static async Task<Results<NoContent, ValidationProblem>> PostReferral(long id, NewReferral request, SafeguardingCases cases, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = await cases.ReferAsync(user, id, request, ct);
        return errors.Count == 0 ? TypedResults.NoContent() : Validation(errors);
    }

    public static async Task<Results<NoContent, ValidationProblem>> PostReinstatement(long id, HelperReinstatement request, SafeguardingCases cases, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = await cases.ReinstateAsync(user, id, request, ct);
        return errors.Count == 0 ? TypedResults.NoContent() : Validation(errors);
    }

    private static ValidationProblem Validation(IReadOnlyDictionary<string, string> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(error => error.Key, error => new[] { error.Value }));

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem($"There is no concern with the id {id}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
