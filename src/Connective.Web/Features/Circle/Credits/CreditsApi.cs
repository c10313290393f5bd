using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Connective.Web.Data;
using Connective.Web.Infrastructure;
using Connective.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Circle.Credits;

public sealed record DonationRequest([property: Range(typeof(decimal), "0.01", "24")] decimal Hours, [property: StringLength(150)] string? IdempotencyKey = null);

public sealed record ThanksRequest([property: Range(1, int.MaxValue)] int ToResidentId, [property: Required, StringLength(1000, MinimumLength = 1)] string? Message, [property: Range(1, long.MaxValue)] long? TaskId = null);

/// <summary>JSON for time credits and thanks under /api/v1/circle: each resident sees and moves only their own credits.</summary>
internal static class CreditsApi
{
    public static IEndpointRouteBuilder MapCreditsApi(this IEndpointRouteBuilder endpoints)
    {
        var credits = endpoints.MapGroup("/api/v1/circle").WithTags("Circle").RequireAuthorization();
        credits.MapGet("/credits/me", GetMyCredits).WithName("GetMyCredits")
            .WithSummary("The signed-in resident's time credits: balance, hours given and received, recent movements and thanks");
        credits.MapPost("/credits/donations", PostDonation).RequireCaller(WithResidentRecord).WithName("PostCreditDonation")
            .WithSummary("Gives some of the signed-in resident's earned hours to the community pool (idempotent by key)");
        credits.MapPost("/thanks", PostThanks).RequireCaller(WithResidentRecord).WithName("PostThanks")
            .WithSummary("Thanks someone the signed-in resident has helped or been helped by");
        return endpoints;
    }

    public static async Task<Results<Ok<CreditStatement>, ProblemHttpResult>> GetMyCredits(AppDbContext db, CurrentPerson person, ClaimsPrincipal user, CancellationToken ct)
    {
        var residentId = await person.ResidentIdAsync(user, ct);
        // An account without a resident record (most staff) has no credits: an empty statement, not an error.
        return residentId is null
            ? TypedResults.Ok(new CreditStatement(0, 0, 0, 0, 0, [], []))
            : TypedResults.Ok(await MyCredits.StatementAsync(db, residentId.Value, ct));
    }

    public static async Task<Results<Ok<CreditPostingResult>, ProblemHttpResult>> PostDonation(
        DonationRequest request, AppDbContext db, TimeCredits credits, CurrentPerson person, ClaimsPrincipal user, CancellationToken ct)
    {
        var residentId = await person.ResidentIdAsync(user, ct);
        if (residentId is null)
        {
            return NoResident();
        }
        if (request.Hours <= 0 || request.Hours > TimeCredits.MaxHoursPerPosting)
        {
            return Invalid($"Hours must be more than 0 and at most {TimeCredits.MaxHoursPerPosting}.");
        }
        // The key is scoped to the person, so one resident's key can never replay another's donation.
        var key = $"donation:{residentId}:{(string.IsNullOrWhiteSpace(request.IdempotencyKey) ? Guid.NewGuid().ToString("N") : request.IdempotencyKey.Trim())}";
        if (key.Length > 200)
        {
            return Invalid("The idempotency key must be 150 characters or fewer.");
        }
        try
        {
            return TypedResults.Ok(await credits.DonateToPoolAsync(key, residentId.Value, request.Hours, ct));
        }
        catch (InsufficientCreditException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict, title: "Not enough hours");
        }
        catch (InvalidOperationException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict, title: "Idempotency key already used");
        }
    }

    public static async Task<Results<Created, ProblemHttpResult>> PostThanks(ThanksRequest request, AppDbContext db, TimeProvider time, CurrentPerson person, ClaimsPrincipal user, CancellationToken ct)
    {
        var residentId = await person.ResidentIdAsync(user, ct);
        if (residentId is null)
        {
            return NoResident();
        }
        if (string.IsNullOrWhiteSpace(request.Message) || request.Message.Trim().Length > Thanks.MaxLength)
        {
            return Invalid($"A thank-you message must be 1 to {Thanks.MaxLength:N0} characters.");
        }
        // Thanks go only between people who have helped each other, so the endpoint cannot be used to message strangers.
        var me = residentId.Value;
        var helped = await db.CreditPostings.AnyAsync(posting => posting.Kind == CreditPostingKind.Task &&
            ((posting.GiverResidentId == me && posting.RecipientResidentId == request.ToResidentId) ||
             (posting.GiverResidentId == request.ToResidentId && posting.RecipientResidentId == me)), ct);
        if (!helped)
        {
            return TypedResults.Problem("You can thank only someone you have helped or who has helped you.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }
        var id = await Thanks.SendAsync(db, time, me, request.ToResidentId, request.TaskId, request.Message, ct);
        return id is null
            ? TypedResults.Problem("You have already thanked them for this task.", statusCode: StatusCodes.Status409Conflict, title: "Already thanked")
            : TypedResults.Created($"/api/v1/circle/thanks/{id}");
    }

    /// <summary>Checked before the body is read (CallerChecks): an account without a resident record gets 403 whatever it sent.</summary>
    private static async Task<IResult?> WithResidentRecord(HttpContext context) =>
        await context.RequestServices.GetRequiredService<CurrentPerson>().ResidentIdAsync(context.User, context.RequestAborted) is null ? NoResident() : null;

    internal static ProblemHttpResult NoResident() => TypedResults.Problem(
        "Your account is not linked to a resident record.", statusCode: StatusCodes.Status403Forbidden, title: "No resident record");

    internal static ProblemHttpResult Invalid(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");
}
