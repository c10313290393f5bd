using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Connective.Web.Features.Circle.Credits;
using Connective.Web.Infrastructure;
using Connective.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Connective.Web.Features.Circle.Meetups;

public sealed record AttendanceRequest([property: Required, MaxLength(MeetupBook.MaxCapacity)] IReadOnlyList<int> ResidentIds);

public sealed record RsvpResponse(RsvpOutcome Outcome, int PlacesLeft);

/// <summary>JSON for circles and meetups under /api/v1/circle. Organisers manage their own circle's meetups; staff coordinators any.</summary>
internal static class MeetupsApi
{
    public static IEndpointRouteBuilder MapMeetupsApi(this IEndpointRouteBuilder endpoints)
    {
        var circle = endpoints.MapGroup("/api/v1/circle").WithTags("Circle").RequireAuthorization();
        circle.MapGet("/circles", GetCircles).WithName("GetCircles").WithSummary("Circles, with member counts and the next meetup");
        circle.MapPut("/circles/{circleId:int}/membership", PutMembership).WithName("JoinCircle").WithSummary("Joins a circle as the signed-in resident");
        circle.MapDelete("/circles/{circleId:int}/membership", DeleteMembership).WithName("LeaveCircle").WithSummary("Leaves a circle");
        circle.MapGet("/meetups", GetMeetups).WithName("GetMeetups").WithSummary("Upcoming meetups, optionally of one circle");
        circle.MapGet("/meetups/{id:long}", GetMeetup).WithName("GetMeetup")
            .WithSummary("One meetup; its organisers also see who has a place and who came");
        circle.MapPost("/meetups", PostMeetup).WithName("PostMeetup").WithSummary("Creates a meetup (a circle's coordinators, or staff coordinators)");
        circle.MapPost("/circles", PostCircle).WithName("PostCircle")
            .WithSummary("Starts a circle (staff coordinators in their wards; a resident who already organises a circle, in their own ward)");
        circle.MapPut("/meetups/{id:long}", PutMeetup).RequireCaller(OrganisersOnly).WithName("PutMeetup")
            .WithSummary("Changes a meetup before it starts (its organisers); people with a place are told of a new time or place");
        circle.MapPost("/meetups/{id:long}/cancel", PostCancelMeetup).RequireCaller(OrganisersOnly).WithName("CancelMeetup")
            .WithSummary("Cancels a meetup before it starts (its organisers); people with a place are told why");
        circle.MapPut("/meetups/{id:long}/rsvp", PutRsvp).WithName("RsvpMeetup").WithSummary("Takes a place; the last place goes to one person");
        circle.MapDelete("/meetups/{id:long}/rsvp", DeleteRsvp).WithName("CancelMeetupRsvp").WithSummary("Gives a place back before the start");
        circle.MapPut("/meetups/{id:long}/attendance", PutAttendance).RequireCaller(OrganisersOnly).WithName("RecordMeetupAttendance")
            .WithSummary("The organiser records who came; pairs with three shared meetups in 90 days gain an observed tie, with consent");
        return endpoints;
    }

    /// <summary>Checked before the body is read (CallerChecks): only the meetup's organisers change it, whatever was sent.</summary>
    private static async Task<IResult?> OrganisersOnly(HttpContext context)
    {
        if (CallerChecks.RouteNumber(context, "id") is not { } id)
        {
            return null;
        }
        var person = context.RequestServices.GetRequiredService<CurrentPerson>();
        var book = context.RequestServices.GetRequiredService<MeetupBook>();
        return await book.CanManageAsync(id, context.User, await person.ResidentIdAsync(context.User, context.RequestAborted), context.RequestAborted)
            ? null
            : TypedResults.Problem("Only the meetup's organisers can change it.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
    }

    public static async Task<Ok<IReadOnlyList<CircleSummary>>> GetCircles(MeetupBook book, CurrentPerson person, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await book.CirclesAsync(await person.ResidentIdAsync(user, ct), ct));

    public static Task<Results<NoContent, ProblemHttpResult>> PutMembership(int circleId, MeetupBook book, CurrentPerson person, ClaimsPrincipal user, CancellationToken ct) =>
        SetMembershipAsync(circleId, join: true, book, person, user, ct);

    public static Task<Results<NoContent, ProblemHttpResult>> DeleteMembership(int circleId, MeetupBook book, CurrentPerson person, ClaimsPrincipal user, CancellationToken ct) =>
        SetMembershipAsync(circleId, join: false, book, person, user, ct);

    public static async Task<Ok<IReadOnlyList<MeetupSummary>>> GetMeetups(int? circleId, MeetupBook book, CurrentPerson person, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await book.UpcomingAsync(await person.ResidentIdAsync(user, ct), circleId, ct));

    public static async Task<Results<Ok<MeetupDetail>, ProblemHttpResult>> GetMeetup(long id, MeetupBook book, CurrentPerson person, ClaimsPrincipal user, CancellationToken ct)
    {
        var detail = await book.DetailAsync(id, user, await person.ResidentIdAsync(user, ct), ct);
        return detail is null ? NotFound(id) : TypedResults.Ok(detail);
    }

    public static async Task<Results<Created<MeetupDetail>, ProblemHttpResult, ValidationProblem>> PostMeetup(
        NewMeetup request, MeetupBook book, CurrentPerson person, ClaimsPrincipal user, CancellationToken ct)
    {
        var residentId = await person.ResidentIdAsync(user, ct);
        if (!await book.CanOrganiseInAsync(request.CircleId, user, residentId, ct))
        {
            return TypedResults.Problem("Only the circle's coordinators and staff coordinators can organise its meetups.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }
        var (id, errors) = await book.CreateAsync(request, residentId, ct);
        if (id is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(error => error.Key, error => new[] { error.Value }));
        }
        return TypedResults.Created($"/api/v1/circle/meetups/{id}", (await book.DetailAsync(id.Value, user, residentId, ct))!);
    }

    public static async Task<Results<Created<CircleSummary>, ProblemHttpResult, ValidationProblem>> PostCircle(
        NewCircle request, MeetupBook book, CurrentPerson person, ClaimsPrincipal user, CancellationToken ct)
    {
        var residentId = await person.ResidentIdAsync(user, ct);
        var (id, errors, allowed) = await book.CreateCircleAsync(request, user, residentId, ct);
        if (!allowed)
        {
            return TypedResults.Problem("Circles are started by staff coordinators in their wards, or by a resident who already organises a circle, in their own ward.",
                statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }
        if (id is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(error => error.Key, error => new[] { error.Value }));
        }
        return TypedResults.Created($"/api/v1/circle/circles#{id}", (await book.CirclesAsync(residentId, ct)).Single(circle => circle.Id == id));
    }

    public static async Task<Results<Ok<MeetupDetail>, ProblemHttpResult, ValidationProblem>> PutMeetup(
        long id, NewMeetup request, MeetupBook book, CurrentPerson person, ClaimsPrincipal user, CancellationToken ct)
    {
        var residentId = await person.ResidentIdAsync(user, ct);
        if (!await book.CanManageAsync(id, user, residentId, ct))
        {
            return TypedResults.Problem("Only the meetup's organisers can change it.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }
        var errors = await book.UpdateAsync(id, request, ct);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors.ToDictionary(error => error.Key, error => new[] { error.Value }))
            : TypedResults.Ok((await book.DetailAsync(id, user, residentId, ct))!);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> PostCancelMeetup(
        long id, CancelMeetup request, MeetupBook book, CurrentPerson person, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await book.CanManageAsync(id, user, await person.ResidentIdAsync(user, ct), ct))
        {
            return TypedResults.Problem("Only the meetup's organisers can cancel it.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }
        var error = await book.CancelAsync(id, request.Reason, ct);
        return error is null ? TypedResults.NoContent() : TypedResults.Problem(error, statusCode: StatusCodes.Status409Conflict, title: "Cannot cancel");
    }

    public static async Task<Results<Ok<RsvpResponse>, ProblemHttpResult>> PutRsvp(long id, MeetupBook book, CurrentPerson person, ClaimsPrincipal user, CancellationToken ct)
    {
        var residentId = await person.ResidentIdAsync(user, ct);
        if (residentId is null)
        {
            return CreditsApi.NoResident();
        }
        var outcome = await book.RsvpAsync(id, residentId.Value, ct);
        return outcome switch
        {
            RsvpOutcome.NotFound => NotFound(id),
            RsvpOutcome.Full => TypedResults.Problem("Every place at this meetup is taken.", statusCode: StatusCodes.Status409Conflict, title: "Meetup full"),
            RsvpOutcome.Started => TypedResults.Problem("This meetup has already started.", statusCode: StatusCodes.Status409Conflict, title: "Meetup started"),
            RsvpOutcome.Cancelled => TypedResults.Problem("This meetup is cancelled.", statusCode: StatusCodes.Status409Conflict, title: "Meetup cancelled"),
            _ => TypedResults.Ok(new RsvpResponse(outcome, (await book.DetailAsync(id, user, residentId, ct))!.Meetup.PlacesLeft)),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteRsvp(long id, MeetupBook book, CurrentPerson person, ClaimsPrincipal user, CancellationToken ct)
    {
        var residentId = await person.ResidentIdAsync(user, ct);
        if (residentId is null)
        {
            return CreditsApi.NoResident();
        }
        return await book.CancelRsvpAsync(id, residentId.Value, ct) ? TypedResults.NoContent()
            : TypedResults.Problem("You have no place at this meetup to give back, or it has started.", statusCode: StatusCodes.Status409Conflict, title: "No place to cancel");
    }

    public static async Task<Results<Ok<AttendanceOutcome>, ProblemHttpResult>> PutAttendance(
        long id, AttendanceRequest request, MeetupBook book, CurrentPerson person, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await book.CanManageAsync(id, user, await person.ResidentIdAsync(user, ct), ct))
        {
            return TypedResults.Problem("Only the meetup's organisers can record attendance.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }
        var outcome = await book.RecordAttendanceAsync(id, request.ResidentIds ?? [], ct);
        return outcome is null
            ? TypedResults.Problem("Attendance can be recorded once the meetup has started.", statusCode: StatusCodes.Status409Conflict, title: "Not started")
            : TypedResults.Ok(outcome);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetMembershipAsync(
        int circleId, bool join, MeetupBook book, CurrentPerson person, ClaimsPrincipal user, CancellationToken ct)
    {
        var residentId = await person.ResidentIdAsync(user, ct);
        if (residentId is null)
        {
            return CreditsApi.NoResident();
        }
        return await book.SetMembershipAsync(circleId, residentId.Value, join, ct) ? TypedResults.NoContent()
            : TypedResults.Problem($"There is no circle with the id {circleId}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
    }

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem($"There is no meetup with the id {id}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
