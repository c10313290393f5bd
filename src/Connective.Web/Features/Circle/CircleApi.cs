using System.Security.Claims;
using Connective.Web.Data;
using Connective.Web.Features.Audit;
using Connective.Web.Features.Circle.Matching;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Circle;

/// <summary>Who may use Circle's coordinator tools.</summary>
public static class CirclePolicies
{
    public const string Coordinator = "CircleCoordinator";

    public static readonly string[] CoordinatorRoles = [Account.Roles.Coordinator, Account.Roles.Admin];
}

/// <summary>What Circle writes to the audit log.</summary>
public static class CircleAuditActions
{
    public const string RecordedPhoneRequest = "CircleRecordedPhoneRequest";
    public const string RecordedVetting = "CircleRecordedVetting";
    public const string SuspendedHelper = "CircleSuspendedHelper";
    public const string ReinstatedHelper = "CircleReinstatedHelper";
    public const string ViewedQueue = "CircleViewedQueue";
    public const string CancelledForResident = "CircleCancelledForResident";
    public const string PassedOnThanks = "CirclePassedOnThanks";
}

public sealed record HelpRequestBody(int TaskTypeId, string Details, DateTime? PreferredAt, HelpUrgency Urgency, DateTime DeadlineAt);

public sealed record PhoneRequestBody(int ResidentId, int TaskTypeId, string Details, DateTime? PreferredAt, HelpUrgency Urgency, DateTime DeadlineAt);

public sealed record CreatedRequest(long Id, HelpRequestStatus Status, string Message);

public sealed record ReasonBody(string Reason);

public sealed record ThanksBody(string Message);

public sealed record OutcomeResponse(string Message);

public sealed record RankingResponse(long RequestId, bool RequesterHasNetworkPath, IReadOnlyList<RankedHelperView> Helpers);

/// <summary>One ranked helper for a coordinator: the words, never the ties in between.</summary>
public sealed record RankedHelperView(int HelperResidentId, double Score, IReadOnlyList<string> Reasons);

/// <summary>JSON for Circle under /api/v1/circle: the same actions as the pages, for residents, helpers and coordinators.</summary>
internal static class CircleApi
{
    public static IEndpointRouteBuilder MapCircleApi(this IEndpointRouteBuilder endpoints)
    {
        var circle = endpoints.MapGroup("/api/v1/circle").WithTags("Circle");
        circle.MapGet("/task-types", GetTaskTypes).WithName("GetCircleTaskTypes")
            .WithSummary("The kinds of task, with the check, training and pairing each needs");

        var resident = circle.MapGroup("").RequireAuthorization();
        resident.MapGet("/requests/mine", GetMyRequests).WithName("GetMyHelpRequests").WithSummary("The signed-in resident's requests with their updates");
        resident.MapPost("/requests", PostRequest).WithName("PostHelpRequest").WithSummary("Ask for help (the signed-in resident)");
        resident.MapPost("/requests/{id:long}/cancel", CancelMyRequest).WithName("CancelMyHelpRequest").WithSummary("Cancel one of my requests");
        resident.MapPost("/requests/{id:long}/thanks", PostThanks).WithName("PostHelpThanks")
            .WithSummary("Thank the other side of a finished task (the requester thanks the helpers, a helper the requester)");
        resident.MapGet("/helper/profile", GetMyHelperProfile).WithName("GetMyHelperProfile").WithSummary("My published offer to help");
        resident.MapPut("/helper/profile", PutMyHelperProfile).WithName("PutMyHelperProfile").WithSummary("Publish or change my offer to help");
        resident.MapGet("/helper/tasks", GetMyTasks).WithName("GetMyHelperTasks")
            .WithSummary("Tasks offered to me or taken on by me; the address only once I accepted, while the task is open");
        resident.MapPost("/helper/tasks/{requestId:long}/accept", Accept).WithName("AcceptHelpOffer").WithSummary("Accept a task offered to me");
        resident.MapPost("/helper/tasks/{requestId:long}/decline", Decline).WithName("DeclineHelpOffer").WithSummary("Decline a task offered to me");
        resident.MapPost("/helper/tasks/{requestId:long}/check-in", CheckIn).WithName("CheckInToTask").WithSummary("Check in on arrival (lone working)");
        resident.MapPost("/helper/tasks/{requestId:long}/check-out", CheckOut).WithName("CheckOutOfTask")
            .WithSummary("Check out when finished, recording any money handled");

        var coordinator = circle.MapGroup("/coordinator").RequireAuthorization(CirclePolicies.Coordinator);
        coordinator.MapGet("/dashboard", GetDashboard).WithName("GetCircleDashboard")
            .WithSummary("The queue (unanswered, overdue, calls to make), helpers' load and re-checks due");
        coordinator.MapPost("/queue/{id:long}/resolve", Resolve).WithName("ResolveCircleQueueItem").WithSummary("Mark a queue item as handled");
        coordinator.MapGet("/residents", FindResidents).WithName("FindCircleResidents").WithSummary("Find a resident by name for a phone request");
        coordinator.MapPost("/phone-requests", PostPhoneRequest).WithName("PostPhoneHelpRequest")
            .WithSummary("Record a request taken on the phone for a resident (both identities are audited)");
        coordinator.MapPost("/requests/{id:long}/cancel", CancelForResident).WithName("CancelHelpRequestForResident").WithSummary("Cancel a request on a resident's behalf");
        coordinator.MapGet("/requests/{id:long}/ranking", GetRanking).WithName("GetHelpRequestRanking").WithSummary("Who would be offered the request, and why, in words");
        coordinator.MapGet("/helpers", GetHelpers).WithName("GetCircleHelpers").WithSummary("Helpers with their load and check");
        coordinator.MapPut("/helpers/{id:int}/vetting", PutVetting).WithName("PutHelperVetting")
            .WithSummary("Record a helper's check (level, certificate, barred list, Update Service, re-check date; never convictions)");
        coordinator.MapPost("/helpers/{id:int}/suspend", Suspend).WithName("SuspendHelper").WithSummary("Suspend a helper, withdrawing every task offered to or accepted by them");
        coordinator.MapPost("/helpers/{id:int}/reinstate", Reinstate).WithName("ReinstateHelper").WithSummary("Let a suspended helper be offered tasks again");
        return endpoints;
    }

    public static async Task<Ok<IReadOnlyList<TaskTypeView>>> GetTaskTypes(CircleQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.TaskTypesAsync(ct));

    public static async Task<Results<Ok<IReadOnlyList<MyRequestView>>, ProblemHttpResult>> GetMyRequests(
        ClaimsPrincipal user, CircleIdentity identity, CircleQueries queries, CancellationToken ct) =>
        await identity.ResidentIdAsync(user) is { } residentId ? TypedResults.Ok(await queries.RequestsOfAsync(residentId, ct)) : NoResident();

    public static async Task<Results<Created<CreatedRequest>, ValidationProblem, ProblemHttpResult>> PostRequest(
        HelpRequestBody body, ClaimsPrincipal user, CircleIdentity identity, CircleTasks tasks, CancellationToken ct)
    {
        if (await identity.ResidentIdAsync(user) is not { } residentId)
        {
            return NoResident();
        }
        var input = new NewHelpRequest(residentId, body.TaskTypeId, body.Details ?? "", Utc(body.PreferredAt), body.Urgency, Utc(body.DeadlineAt));
        var errors = await tasks.ValidateAsync(input, ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        }
        var request = await tasks.CreateAsync(input, identity.AccountId(user)!, byPhone: false, ct);
        return TypedResults.Created($"/api/v1/circle/requests/mine#{request.Id}", new CreatedRequest(request.Id, request.Status, "Your request is recorded."));
    }

    public static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> CancelMyRequest(
        long id, ClaimsPrincipal user, CircleIdentity identity, CircleTasks tasks, AppDbContext db, CancellationToken ct)
    {
        if (await identity.ResidentIdAsync(user) is not { } residentId)
        {
            return NoResident();
        }
        if (!await db.HelpRequests.AnyAsync(r => r.Id == id && r.RequesterResidentId == residentId, ct))
        {
            return Problem(StatusCodes.Status404NotFound, $"You have no request {id}.");
        }
        return ToResult(await tasks.CancelAsync(id, "cancelled by the requester", ct));
    }

    public static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> PostThanks(
        long id, ThanksBody body, ClaimsPrincipal user, CircleIdentity identity, CircleTasks tasks, CancellationToken ct) =>
        await identity.ResidentIdAsync(user) is { } residentId ? ToResult(await tasks.ThankAsync(id, residentId, body.Message ?? "", ct)) : NoResident();

    public static async Task<Results<Ok<HelperProfileView>, ProblemHttpResult>> GetMyHelperProfile(
        ClaimsPrincipal user, CircleIdentity identity, CircleQueries queries, CancellationToken ct)
    {
        if (await identity.ResidentIdAsync(user) is not { } residentId)
        {
            return NoResident();
        }
        return await queries.HelperProfileAsync(residentId, ct) is { } profile
            ? TypedResults.Ok(profile)
            : Problem(StatusCodes.Status404NotFound, "You have not offered to help yet.");
    }

    public static async Task<Results<Ok<HelperProfileView>, ValidationProblem, ProblemHttpResult>> PutMyHelperProfile(
        HelperOfferInput body, ClaimsPrincipal user, CircleIdentity identity, CircleHelpers helpers, CircleQueries queries, CancellationToken ct)
    {
        if (await identity.ResidentIdAsync(user) is not { } residentId)
        {
            return NoResident();
        }
        var errors = CircleHelpers.Validate(body);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        }
        var outcome = await helpers.SaveOfferAsync(residentId, body, ct);
        return outcome.Succeeded
            ? TypedResults.Ok((await queries.HelperProfileAsync(residentId, ct))!)
            : Problem(StatusCodes.Status422UnprocessableEntity, outcome.Message);
    }

    public static async Task<Results<Ok<IReadOnlyList<HelperTaskView>>, ProblemHttpResult>> GetMyTasks(
        ClaimsPrincipal user, CircleIdentity identity, CircleQueries queries, CancellationToken ct) =>
        await identity.ResidentIdAsync(user) is { } residentId ? TypedResults.Ok(await queries.TasksOfHelperAsync(residentId, ct)) : NoResident();

    public static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> Accept(
        long requestId, ClaimsPrincipal user, CircleIdentity identity, CircleTasks tasks, CancellationToken ct) =>
        await identity.ResidentIdAsync(user) is { } helperId ? ToResult(await tasks.AcceptAsync(requestId, helperId, ct)) : NoResident();

    public static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> Decline(
        long requestId, ClaimsPrincipal user, CircleIdentity identity, CircleTasks tasks, CancellationToken ct) =>
        await identity.ResidentIdAsync(user) is { } helperId ? ToResult(await tasks.DeclineAsync(requestId, helperId, ct)) : NoResident();

    public static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> CheckIn(
        long requestId, ClaimsPrincipal user, CircleIdentity identity, CircleTasks tasks, CancellationToken ct) =>
        await identity.ResidentIdAsync(user) is { } helperId ? ToResult(await tasks.CheckInAsync(requestId, helperId, ct)) : NoResident();

    public static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> CheckOut(
        long requestId, MoneyHandled? body, ClaimsPrincipal user, CircleIdentity identity, CircleTasks tasks, CancellationToken ct) =>
        await identity.ResidentIdAsync(user) is { } helperId ? ToResult(await tasks.CheckOutAsync(requestId, helperId, body, ct)) : NoResident();

    public static async Task<Ok<CoordinatorDashboard>> GetDashboard(ClaimsPrincipal user, CircleQueries queries, AuditLog audit, CancellationToken ct)
    {
        await audit.RecordAsync(user, CircleAuditActions.ViewedQueue, subjectResidentId: null, reason: "API", ct);
        return TypedResults.Ok(await queries.DashboardAsync(ct));
    }

    public static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> Resolve(
        long id, ReasonBody body, ClaimsPrincipal user, CircleIdentity identity, CircleTasks tasks, CancellationToken ct) =>
        ToResult(await tasks.ResolveAsync(id, identity.AccountId(user)!, string.IsNullOrWhiteSpace(body.Reason) ? "Done" : body.Reason, ct));

    public static async Task<Ok<IReadOnlyList<ResidentMatch>>> FindResidents(string? name, CircleQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.FindResidentsAsync(name ?? "", ct));

    public static async Task<Results<Created<CreatedRequest>, ValidationProblem, ProblemHttpResult>> PostPhoneRequest(
        PhoneRequestBody body, ClaimsPrincipal user, CircleIdentity identity, CircleTasks tasks, AuditLog audit, CancellationToken ct)
    {
        var input = new NewHelpRequest(body.ResidentId, body.TaskTypeId, body.Details ?? "", Utc(body.PreferredAt), body.Urgency, Utc(body.DeadlineAt));
        var errors = await tasks.ValidateAsync(input, ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        }
        var request = await tasks.CreateAsync(input, identity.AccountId(user)!, byPhone: true, ct);
        await audit.RecordAsync(user, CircleAuditActions.RecordedPhoneRequest, body.ResidentId, $"Help request {request.Id} taken by phone", ct);
        return TypedResults.Created($"/api/v1/circle/coordinator/requests/{request.Id}/ranking", new CreatedRequest(request.Id, request.Status, "The request is recorded."));
    }

    public static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> CancelForResident(
        long id, ReasonBody body, ClaimsPrincipal user, CircleTasks tasks, AppDbContext db, AuditLog audit, CancellationToken ct)
    {
        var requester = await db.HelpRequests.Where(r => r.Id == id).Select(r => (int?)r.RequesterResidentId).SingleOrDefaultAsync(ct);
        if (requester is null)
        {
            return Problem(StatusCodes.Status404NotFound, $"There is no request {id}.");
        }
        var outcome = await tasks.CancelAsync(id, string.IsNullOrWhiteSpace(body.Reason) ? "cancelled by a coordinator" : body.Reason, ct);
        if (outcome.Succeeded)
        {
            await audit.RecordAsync(user, CircleAuditActions.CancelledForResident, requester, $"Help request {id}", ct);
        }
        return ToResult(outcome);
    }

    public static async Task<Results<Ok<RankingResponse>, ProblemHttpResult>> GetRanking(long id, CircleMatching matching, AppDbContext db, CancellationToken ct)
    {
        if (!await db.HelpRequests.AnyAsync(r => r.Id == id, ct))
        {
            return Problem(StatusCodes.Status404NotFound, $"There is no request {id}.");
        }
        var match = await matching.MatchAsync(db, id, ct);
        return TypedResults.Ok(new RankingResponse(id, match.RequesterHasNetworkPath, [.. match.Ranked.Select(View)]));
    }

    public static async Task<Ok<IReadOnlyList<HelperLoadView>>> GetHelpers(CircleQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.HelpersAsync(ct));

    public static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> PutVetting(
        int id, VettingInput body, ClaimsPrincipal user, CircleIdentity identity, CircleHelpers helpers, AuditLog audit, CancellationToken ct)
    {
        var outcome = await helpers.RecordVettingAsync(id, body with { IssuedOn = Utc(body.IssuedOn), LastStatusCheckOn = Utc(body.LastStatusCheckOn), RecheckDueOn = Utc(body.RecheckDueOn) },
            identity.AccountId(user)!, ct);
        if (outcome.Succeeded)
        {
            await audit.RecordAsync(user, CircleAuditActions.RecordedVetting, id, outcome.Message, ct);
        }
        return ToResult(outcome);
    }

    public static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> Suspend(
        int id, ReasonBody body, ClaimsPrincipal user, CircleTasks tasks, AuditLog audit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "Give the reason for suspending the helper.");
        }
        var outcome = await tasks.SuspendHelperAsync(id, body.Reason, ct);
        if (outcome.Succeeded)
        {
            await audit.RecordAsync(user, CircleAuditActions.SuspendedHelper, id, body.Reason, ct);
        }
        return ToResult(outcome);
    }

    public static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> Reinstate(
        int id, ClaimsPrincipal user, CircleTasks tasks, AuditLog audit, CancellationToken ct)
    {
        var outcome = await tasks.ReinstateHelperAsync(id, ct);
        if (outcome.Succeeded)
        {
            await audit.RecordAsync(user, CircleAuditActions.ReinstatedHelper, id, reason: null, ct);
        }
        return ToResult(outcome);
    }

    internal static RankedHelperView View(RankedHelper helper) => new(helper.Candidate.HelperResidentId, Math.Round(helper.Score, 3), helper.Reasons);

    /// <summary>JSON dates without a zone are taken as UTC, the only kind the database stores.</summary>
    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;

    private static Results<Ok<OutcomeResponse>, ProblemHttpResult> ToResult(CircleOutcome outcome) => outcome.Kind switch
    {
        CircleOutcomeKind.Done => TypedResults.Ok(new OutcomeResponse(outcome.Message)),
        CircleOutcomeKind.NotFound => Problem(StatusCodes.Status404NotFound, outcome.Message),
        CircleOutcomeKind.Invalid => Problem(StatusCodes.Status422UnprocessableEntity, outcome.Message),
        _ => Problem(StatusCodes.Status409Conflict, outcome.Message),
    };

    private static ProblemHttpResult NoResident() =>
        Problem(StatusCodes.Status403Forbidden, "Your account is not linked to a resident record, so it cannot ask for or offer help.");

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(detail, statusCode: status);
}
