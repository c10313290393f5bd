using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Connective.Web.Data;
using Connective.Web.Features.Circle.Matching;
using Connective.Web.Infrastructure;
using Connective.Web.Platform;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Connective.Web.Platform.Proxy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Circle;

/// <summary>Who may use Circle's coordinator tools.</summary>
public static class CirclePolicies
{
    public const string Coordinator = "CircleCoordinator";

    public static readonly string[] CoordinatorRoles = [Roles.Coordinator, Roles.Admin];
}

/// <summary>What Circle writes to the audit log.</summary>
public static class CircleAuditActions
{
    public const string RecordedPhoneRequest = "CircleRecordedPhoneRequest";
    public const string RecordedVetting = "CircleRecordedVetting";
    public const string SuspendedHelper = "CircleSuspendedHelper";
    public const string ReinstatedHelper = "CircleReinstatedHelper";
    public const string ViewedQueue = "CircleViewedQueue";
    public const string ViewedHelpers = "CircleViewedHelpers";
    public const string ViewedHelper = "CircleViewedHelper";
    public const string CancelledForResident = "CircleCancelledForResident";
    public const string PassedOnThanks = "CirclePassedOnThanks";
}

/// <summary>A request for help: the kind of task (an id from /task-types), what is needed, and when.</summary>
public sealed record HelpRequestBody(
    [property: Range(1, int.MaxValue)] int TaskTypeId,
    [property: Required, StringLength(RequestLimits.Details, MinimumLength = 1)] string Details,
    HelpUrgency Urgency,
    DateTime DeadlineAt,
    DateTime? PreferredAt = null);

/// <summary>A request taken on the phone for a resident (their resident number).</summary>
public sealed record PhoneRequestBody(
    [property: Range(1, int.MaxValue)] int ResidentId,
    [property: Range(1, int.MaxValue)] int TaskTypeId,
    [property: Required, StringLength(RequestLimits.Details, MinimumLength = 1)] string Details,
    HelpUrgency Urgency,
    DateTime DeadlineAt,
    DateTime? PreferredAt = null);

/// <summary>The lengths the API documents and the database keeps; longer text is refused, never cut short.</summary>
public static class RequestLimits
{
    public const int Details = 1000;
    public const int Reason = 500;
    public const int ThanksMessage = 1000;
}

public sealed record CreatedRequest(long Id, HelpRequestStatus Status, string Message);

public sealed record ReasonBody([property: StringLength(RequestLimits.Reason)] string? Reason = null);

public sealed record ThanksBody([property: Required, StringLength(RequestLimits.ThanksMessage, MinimumLength = 1)] string Message);

public sealed record OutcomeResponse(string Message);

/// <summary>The signed-in person's offer to help: none when they have no resident record or have not offered.</summary>
public sealed record MyHelperProfile(bool HasResidentRecord, HelperProfileView? Profile);

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
        resident.MapPost("/requests", PostRequest).RequireCaller(WithResidentRecord).WithName("PostHelpRequest").WithSummary("Ask for help (the signed-in resident)");
        resident.MapPost("/requests/{id:long}/cancel", CancelMyRequest).RequireCaller(WithResidentRecord).WithName("CancelMyHelpRequest").WithSummary("Cancel one of my requests");
        resident.MapPost("/requests/{id:long}/thanks", PostThanks).RequireCaller(WithResidentRecord).WithName("PostHelpThanks")
            .WithSummary("Thank the other side of a finished task (the requester thanks the helpers, a helper the requester)");
        resident.MapGet("/helper/profile", GetMyHelperProfile).WithName("GetMyHelperProfile").WithSummary("My published offer to help");
        resident.MapPut("/helper/profile", PutMyHelperProfile).RequireCaller(WithResidentRecord).WithName("PutMyHelperProfile").WithSummary("Publish or change my offer to help");
        resident.MapGet("/helper/tasks", GetMyTasks).WithName("GetMyHelperTasks")
            .WithSummary("Tasks offered to me or taken on by me; the address only once I accepted, while the task is open");
        resident.MapPost("/helper/tasks/{requestId:long}/accept", Accept).RequireCaller(WithResidentRecord).WithName("AcceptHelpOffer").WithSummary("Accept a task offered to me");
        resident.MapPost("/helper/tasks/{requestId:long}/decline", Decline).RequireCaller(WithResidentRecord).WithName("DeclineHelpOffer").WithSummary("Decline a task offered to me");
        resident.MapPost("/helper/tasks/{requestId:long}/check-in", CheckIn).RequireCaller(WithResidentRecord).WithName("CheckInToTask").WithSummary("Check in on arrival (lone working)");
        resident.MapPost("/helper/tasks/{requestId:long}/check-out", CheckOut).RequireCaller(WithResidentRecord).WithName("CheckOutOfTask")
            .WithSummary("Check out when finished, recording any money handled");

        var coordinator = circle.MapGroup("/coordinator").RequireAuthorization(CirclePolicies.Coordinator);
        coordinator.MapGet("/dashboard", GetDashboard).WithName("GetCircleDashboard")
            .WithSummary("The queue (unanswered, overdue, calls to make), helpers' load and re-checks due");
        coordinator.MapPost("/queue/{id:long}/resolve", Resolve).WithName("ResolveCircleQueueItem").WithSummary("Mark a queue item as handled");
        coordinator.MapGet("/residents", FindResidents).WithName("FindCircleResidents").WithSummary("Find a resident by name for a phone request");
        coordinator.MapPost("/phone-requests", PostPhoneRequest).WithName("PostPhoneHelpRequest")
            .WithSummary("Record a request taken on the phone for a resident (both identities are audited)");
        coordinator.MapPost("/requests/{id:long}/cancel", CancelForResident).RequireCaller(RequestInYourWards).WithName("CancelHelpRequestForResident").WithSummary("Cancel a request on a resident's behalf");
        coordinator.MapGet("/requests/{requestId:long}/ranking", GetRanking).WithName("GetHelpRequestRanking").WithSummary("Who would be offered the request, and why, in words");
        coordinator.MapGet("/helpers", GetHelpers).WithName("GetCircleHelpers")
            .WithSummary("Helpers in the wards I coordinate, with their load and check (level, certificate, barred list, Update Service, re-check due)");
        coordinator.MapPut("/helpers/{id:int}/vetting", PutVetting).RequireCaller(HelperInYourWards).WithName("PutHelperVetting")
            .WithSummary("Record a helper's check (level, certificate, barred list, Update Service, re-check date; never convictions)");
        coordinator.MapPost("/helpers/{id:int}/suspend", Suspend).RequireCaller(HelperInYourWards).RequireAuthorization(Policies.RecentSignIn).WithName("SuspendHelper").WithSummary("Suspend a helper, withdrawing every task offered to or accepted by them");
        coordinator.MapPost("/helpers/{id:int}/reinstate", Reinstate).RequireCaller(HelperInYourWards).WithName("ReinstateHelper").WithSummary("Let a suspended helper be offered tasks again");
        return endpoints;
    }

    public static async Task<Ok<IReadOnlyList<TaskTypeView>>> GetTaskTypes(CircleQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.TaskTypesAsync(ct));

    /// <summary>A staff account with no resident record simply has no requests.</summary>
    public static async Task<Ok<IReadOnlyList<MyRequestView>>> GetMyRequests(
        ClaimsPrincipal user, CurrentPerson identity, CircleQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await identity.ResidentIdAsync(user, ct) is { } residentId ? await queries.RequestsOfAsync(residentId, ct) : []);

    public static async Task<Results<Created<CreatedRequest>, ValidationProblem, ProblemHttpResult>> PostRequest(
        HelpRequestBody body, ClaimsPrincipal user, CurrentPerson identity, CircleTasks tasks, CancellationToken ct)
    {
        if (await identity.ResidentIdAsync(user, ct) is not { } residentId)
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
        long id, ClaimsPrincipal user, CurrentPerson identity, CircleTasks tasks, AppDbContext db, CancellationToken ct)
    {
        if (await identity.ResidentIdAsync(user, ct) is not { } residentId)
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
        long id, ThanksBody body, ClaimsPrincipal user, CurrentPerson identity, CircleTasks tasks, CancellationToken ct) =>
        await identity.ResidentIdAsync(user, ct) is { } residentId ? ToResult(await tasks.ThankAsync(id, residentId, body.Message ?? "", ct)) : NoResident();

    public static async Task<Ok<MyHelperProfile>> GetMyHelperProfile(ClaimsPrincipal user, CurrentPerson identity, CircleQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await identity.ResidentIdAsync(user, ct) is { } residentId
            ? new MyHelperProfile(true, await queries.HelperProfileAsync(residentId, ct))
            : new MyHelperProfile(false, null));

    public static async Task<Results<Ok<HelperProfileView>, ValidationProblem, ProblemHttpResult>> PutMyHelperProfile(
        HelperOfferInput body, ClaimsPrincipal user, CurrentPerson identity, CircleHelpers helpers, CircleQueries queries, CancellationToken ct)
    {
        if (await identity.ResidentIdAsync(user, ct) is not { } residentId)
        {
            return NoResident();
        }
        var errors = CircleHelpers.Validate(body);
        if (!errors.ContainsKey(nameof(HelperOfferInput.TaskTypeIds))
            && CircleHelpers.UnknownTaskTypes(body, [.. (await queries.TaskTypesAsync(ct)).Select(type => type.Id)]) is { } unknown)
        {
            errors[nameof(HelperOfferInput.TaskTypeIds)] = unknown;
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        }
        var outcome = await helpers.SaveOfferAsync(residentId, body, ct);
        return outcome.Succeeded
            ? TypedResults.Ok((await queries.HelperProfileAsync(residentId, ct))!)
            : Problem(StatusCodes.Status422UnprocessableEntity, outcome.Message);
    }

    public static async Task<Ok<IReadOnlyList<HelperTaskView>>> GetMyTasks(
        ClaimsPrincipal user, CurrentPerson identity, CircleQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await identity.ResidentIdAsync(user, ct) is { } residentId ? await queries.TasksOfHelperAsync(residentId, ct) : []);

    public static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> Accept(
        long requestId, ClaimsPrincipal user, CurrentPerson identity, CircleTasks tasks, CancellationToken ct) =>
        await identity.ResidentIdAsync(user, ct) is { } helperId ? ToResult(await tasks.AcceptAsync(requestId, helperId, ct)) : NoResident();

    public static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> Decline(
        long requestId, ClaimsPrincipal user, CurrentPerson identity, CircleTasks tasks, CancellationToken ct) =>
        await identity.ResidentIdAsync(user, ct) is { } helperId ? ToResult(await tasks.DeclineAsync(requestId, helperId, ct)) : NoResident();

    public static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> CheckIn(
        long requestId, ClaimsPrincipal user, CurrentPerson identity, CircleTasks tasks, CancellationToken ct) =>
        await identity.ResidentIdAsync(user, ct) is { } helperId ? ToResult(await tasks.CheckInAsync(requestId, helperId, ct)) : NoResident();

    public static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> CheckOut(
        long requestId, MoneyHandled? body, ClaimsPrincipal user, CurrentPerson identity, CircleTasks tasks, CancellationToken ct) =>
        await identity.ResidentIdAsync(user, ct) is { } helperId ? ToResult(await tasks.CheckOutAsync(requestId, helperId, body, ct)) : NoResident();

    public static async Task<Ok<CoordinatorDashboard>> GetDashboard(ClaimsPrincipal user, CircleQueries queries, RoleScopes scopes, AuditLog audit, CancellationToken ct)
    {
        await audit.RecordAsync(user, CircleAuditActions.ViewedQueue, subjectResidentId: null, reason: "API", ct);
        return TypedResults.Ok(await queries.DashboardAsync(await scopes.WardsHandledAsync(user, ct), ct));
    }

    public static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> Resolve(
        long id, ReasonBody body, ClaimsPrincipal user, CurrentPerson identity, CircleTasks tasks, CircleQueries queries, RoleScopes scopes, CancellationToken ct)
    {
        if (await queries.WardOfQueueItemAsync(id, ct) is { } ward && !await scopes.MayHandleAsync(user, ward, ct))
        {
            return OutsideYourWards();
        }
        return ToResult(await tasks.ResolveAsync(id, identity.AccountId(user)!, string.IsNullOrWhiteSpace(body.Reason) ? "Done" : body.Reason, ct));
    }

    /// <summary>A name search shows named people, so it is audited (the words searched for are not kept: they are personal data).</summary>
    public static async Task<Results<Ok<IReadOnlyList<ResidentMatch>>, ValidationProblem>> FindResidents(
        [MaxLength(200)] string? name, CircleQueries queries, RoleScopes scopes, AuditLog audit, ClaimsPrincipal user, CancellationToken ct)
    {
        if (name is { Length: > 200 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["Enter a name of up to 200 characters."] });
        }
        var found = await queries.FindResidentsAsync(name ?? "", await scopes.WardsHandledAsync(user, ct), ct);
        await audit.RecordAsync(user, AuditActions.SearchedResidents, subjectResidentId: null, reason: $"Name search, {found.Count} found", ct);
        return TypedResults.Ok(found);
    }

    /// <summary>
    /// A request taken on the phone goes through <see cref="ProxyContext"/>: only a coordinator of the resident's ward, and
    /// only with the resident's consent that a coordinator may act for them; the attempt is audited either way.
    /// </summary>
    public static async Task<Results<Created<CreatedRequest>, ValidationProblem, ProblemHttpResult>> PostPhoneRequest(
        PhoneRequestBody body, ClaimsPrincipal user, CurrentPerson identity, CircleTasks tasks, ProxyContext proxy, CancellationToken ct)
    {
        var input = new NewHelpRequest(body.ResidentId, body.TaskTypeId, body.Details ?? "", Utc(body.PreferredAt), body.Urgency, Utc(body.DeadlineAt));
        var errors = await tasks.ValidateAsync(input, ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        }
        var grant = await proxy.ForAsync(user, body.ResidentId, ct);
        if (!grant.IsGranted)
        {
            return Problem(StatusCodes.Status403Forbidden, grant.RefusedBecause!);
        }
        var request = await tasks.CreateAsync(input, identity.AccountId(user)!, byPhone: true, ct);
        await proxy.RecordAsync(user, grant, CircleAuditActions.RecordedPhoneRequest, $"Help request {request.Id} taken by phone", ct);
        return TypedResults.Created($"/api/v1/circle/coordinator/requests/{request.Id}/ranking", new CreatedRequest(request.Id, request.Status, "The request is recorded."));
    }

    public static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> CancelForResident(
        long id, ReasonBody body, ClaimsPrincipal user, CircleTasks tasks, AppDbContext db, RoleScopes scopes, AuditLog audit, CancellationToken ct)
    {
        var requester = await db.HelpRequests.Where(r => r.Id == id).Select(r => new { r.RequesterResidentId, r.WardId }).SingleOrDefaultAsync(ct);
        if (requester is null)
        {
            return Problem(StatusCodes.Status404NotFound, $"There is no request {id}.");
        }
        if (!await scopes.MayHandleAsync(user, requester.WardId, ct))
        {
            return OutsideYourWards();
        }
        var outcome = await tasks.CancelAsync(id, string.IsNullOrWhiteSpace(body.Reason) ? "cancelled by a coordinator" : body.Reason, ct);
        if (outcome.Succeeded)
        {
            await audit.RecordAsync(user, CircleAuditActions.CancelledForResident, requester.RequesterResidentId, $"Help request {id}", ct);
        }
        return ToResult(outcome);
    }

    public static async Task<Results<Ok<RankingResponse>, ProblemHttpResult>> GetRanking(
        long requestId, ClaimsPrincipal user, CircleMatching matching, CircleQueries queries, RoleScopes scopes, AppDbContext db, AuditLog audit, CancellationToken ct)
    {
        var id = requestId;
        if (await queries.WardOfRequestAsync(id, ct) is not { } ward)
        {
            return Problem(StatusCodes.Status404NotFound, $"There is no request {id}.");
        }
        if (!await scopes.MayHandleAsync(user, ward, ct))
        {
            return OutsideYourWards();
        }
        var match = await matching.MatchAsync(db, id, ct);
        await audit.RecordAsync(user, AuditActions.RankedHelpers, subjectResidentId: null, reason: $"Help request {id}", ct);
        return TypedResults.Ok(new RankingResponse(id, match.RequesterHasNetworkPath, [.. match.Ranked.Select(View)]));
    }

    public static async Task<Ok<IReadOnlyList<HelperVettingView>>> GetHelpers(ClaimsPrincipal user, CircleQueries queries, RoleScopes scopes, CancellationToken ct) =>
        TypedResults.Ok(await queries.VettingAsync(await scopes.WardsHandledAsync(user, ct), helperId: null, ct));

    public static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> PutVetting(
        int id, VettingInput body, ClaimsPrincipal user, CurrentPerson identity, CircleHelpers helpers, CircleQueries queries, RoleScopes scopes, AuditLog audit,
        CancellationToken ct)
    {
        if (await HelperOutsideYourWardsAsync(id, user, queries, scopes, ct) is { } refused)
        {
            return refused;
        }
        var outcome = await helpers.RecordVettingAsync(id, body with { IssuedOn = Utc(body.IssuedOn), LastStatusCheckOn = Utc(body.LastStatusCheckOn), RecheckDueOn = Utc(body.RecheckDueOn) },
            identity.AccountId(user)!, ct);
        if (outcome.Succeeded)
        {
            await audit.RecordAsync(user, CircleAuditActions.RecordedVetting, id, outcome.Message, ct);
        }
        return ToResult(outcome);
    }

    public static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> Suspend(
        int id, ReasonBody body, ClaimsPrincipal user, CircleTasks tasks, CircleQueries queries, RoleScopes scopes, AuditLog audit, CancellationToken ct)
    {
        if (await HelperOutsideYourWardsAsync(id, user, queries, scopes, ct) is { } refused)
        {
            return refused;
        }
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
        int id, ClaimsPrincipal user, CircleTasks tasks, CircleQueries queries, RoleScopes scopes, AuditLog audit, CancellationToken ct)
    {
        if (await HelperOutsideYourWardsAsync(id, user, queries, scopes, ct) is { } refused)
        {
            return refused;
        }
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

    /// <summary>A 403 when the helper lives outside the caller's wards; null when they may act (or there is no such helper: the handler says so).</summary>
    private static async Task<ProblemHttpResult?> HelperOutsideYourWardsAsync(int helperId, ClaimsPrincipal user, CircleQueries queries, RoleScopes scopes, CancellationToken ct) =>
        await queries.WardOfHelperAsync(helperId, ct) is { } ward && !await scopes.MayHandleAsync(user, ward, ct) ? OutsideYourWards() : null;

    // Who may call, checked before the body is read (CallerChecks): an unauthorised caller gets 403 whatever it sent.
    private static async Task<IResult?> WithResidentRecord(HttpContext context) =>
        await context.RequestServices.GetRequiredService<CurrentPerson>().ResidentIdAsync(context.User, context.RequestAborted) is null ? NoResident() : null;

    private static async Task<IResult?> HelperInYourWards(HttpContext context) =>
        CallerChecks.RouteNumber(context, "id") is { } id and > 0 and <= int.MaxValue
            ? await HelperOutsideYourWardsAsync((int)id, context.User, context.RequestServices.GetRequiredService<CircleQueries>(),
                context.RequestServices.GetRequiredService<RoleScopes>(), context.RequestAborted)
            : null;

    private static async Task<IResult?> RequestInYourWards(HttpContext context)
    {
        if (CallerChecks.RouteNumber(context, "id") is not { } id)
        {
            return null;
        }
        var ward = await context.RequestServices.GetRequiredService<AppDbContext>().HelpRequests.Where(r => r.Id == id)
            .Select(r => (int?)r.WardId).SingleOrDefaultAsync(context.RequestAborted);
        return ward is { } w && !await context.RequestServices.GetRequiredService<RoleScopes>().MayHandleAsync(context.User, w, context.RequestAborted)
            ? OutsideYourWards()
            : null;
    }

    private static ProblemHttpResult OutsideYourWards() =>
        Problem(StatusCodes.Status403Forbidden, "This is outside the wards you coordinate.");

    private static ProblemHttpResult NoResident() =>
        Problem(StatusCodes.Status403Forbidden, "Your account is not linked to a resident record, so it cannot ask for or offer help.");

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(detail, statusCode: status);
}
