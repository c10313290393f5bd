using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Connective.Web.Data;
using Connective.Web.Features.Circle.Credits;
using Connective.Web.Infrastructure;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Circle.Meetups;

public sealed record CircleSummary(
    int Id, string Name, string Description, string WardName,
    [property: System.ComponentModel.Description("Members of the circle. " + Platform.Disclosure.DisclosureControl.CountDescription)] int? Members,
    bool IAmMember, bool IOrganise, DateTime? NextMeetupAt);

public sealed record MeetupSummary(long Id, int CircleId, string CircleName, string Title, DateTime StartsAt, DateTime EndsAt, string Place,
    int Capacity, int PlacesLeft, string? AccessibilityNotes, bool IHaveAPlace, DateTime? CancelledAt = null);

public sealed record MeetupPerson(int ResidentId, string Name, bool Attended);

public sealed record MeetupDetail(MeetupSummary Meetup, string Description, bool ICanManage, DateTime? AttendanceRecordedAt,
    IReadOnlyList<MeetupPerson> People);

/// <summary>A new circle: a group by interest (its name says which) or by place, meeting in a ward.</summary>
public sealed record NewCircle([property: Required, StringLength(200, MinimumLength = 1)] string? Name, [property: Required, StringLength(2000, MinimumLength = 1)] string? Description, [property: Range(1, int.MaxValue)] int WardId);

/// <summary>Why a meetup was cancelled, for the people with a place.</summary>
public sealed record CancelMeetup([property: StringLength(500)] string? Reason = null);

/// <summary>A circle someone may organise meetups in.</summary>
public sealed record OrganisableCircle(int Id, string Name, string WardName);

/// <summary>The fields of a new meetup, as typed on the form or sent to the API.</summary>
public sealed record NewMeetup([property: Range(1, int.MaxValue)] int CircleId, [property: Required, StringLength(200, MinimumLength = 1)] string? Title,
    [property: StringLength(2000)] string? Description, [property: Required] DateTime? StartsAt, [property: Required, Range(15, 1440)] int? DurationMinutes,
    [property: Required, StringLength(300, MinimumLength = 1)] string? Place, [property: Required, Range(1, MeetupBook.MaxCapacity)] int? Capacity,
    [property: StringLength(1000)] string? AccessibilityNotes = null);

public enum RsvpOutcome
{
    Booked,
    AlreadyBooked,
    Full,
    Started,
    NotFound,
    Cancelled,
}

/// <summary>What recording attendance did: who came, and how many pairs gained an observed tie.</summary>
public sealed record AttendanceOutcome(int Attended, int TiesObserved);

/// <summary>
/// Circles, their meetups, places and attendance. A signed-in person acts as their resident record; organisers are the
/// circle's coordinators (members marked so) and staff coordinators, who manage any meetup.
/// </summary>
public sealed class MeetupBook(AppDbContext db, TimeProvider time, ObservedTies ties, RoleScopes scopes, Outbox outbox)
{
    public const int MaxCapacity = 500;

    /// <summary>How far ahead a meetup may be planned: beyond that a date is a typing mistake (and 9999-12-31 plus its length overflows).</summary>
    public const int MaxYearsAhead = 2;

    public async Task<IReadOnlyList<CircleSummary>> CirclesAsync(int? residentId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var circles = await db.Circles.AsNoTracking()
            .OrderBy(circle => circle.Name)
            .Select(circle => new
            {
                Summary = new CircleSummary(
                    circle.Id, circle.Name, circle.Description,
                    db.Wards.Where(ward => ward.Id == circle.WardId).Select(ward => ward.Name).First(),
                    null,
                    db.CircleMembers.Any(member => member.CircleId == circle.Id && member.ResidentId == residentId),
                    db.CircleMembers.Any(member => member.CircleId == circle.Id && member.ResidentId == residentId && member.IsCoordinator),
                    db.Meetups.Where(meetup => meetup.CircleId == circle.Id && meetup.StartsAt > now).Min(meetup => (DateTime?)meetup.StartsAt)),
                Members = db.CircleMembers.Count(member => member.CircleId == circle.Id),
            })
            .ToListAsync(ct);
        // Residents see how many people a circle has as a published figure: circles overlap, so there is no total to protect.
        return [.. circles.Select(circle => circle.Summary with { Members = Platform.Disclosure.DisclosureControl.Count(circle.Members).Value })];
    }

    /// <summary>Joins or leaves a circle; a coordinator stays a member until staff change that.</summary>
    public async Task<bool> SetMembershipAsync(int circleId, int residentId, bool join, CancellationToken ct)
    {
        if (!await db.Circles.AnyAsync(circle => circle.Id == circleId, ct))
        {
            return false;
        }
        var member = await db.CircleMembers.SingleOrDefaultAsync(member => member.CircleId == circleId && member.ResidentId == residentId, ct);
        CircleMember? joined = null;
        if (join && member is null)
        {
            joined = new CircleMember { CircleId = circleId, ResidentId = residentId, JoinedAt = time.GetUtcNow().UtcDateTime };
            db.CircleMembers.Add(joined);
        }
        else if (!join && member is { IsCoordinator: false })
        {
            db.CircleMembers.Remove(member);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (joined is not null
            && exception.IsDuplicateOf<CircleMember>(db, nameof(CircleMember.CircleId), nameof(CircleMember.ResidentId)))
        {
            // Joined twice at once: the first won, which is what was asked. Any other refusal (no such resident) is not that.
            db.Entry(joined).State = EntityState.Detached;
        }
        catch (DbUpdateConcurrencyException) when (!join && member is not null)
        {
            // Left twice at once: the row the other request deleted is gone, which is what was asked.
            db.Entry(member).State = EntityState.Detached;
        }
        return true;
    }

    public async Task<IReadOnlyList<MeetupSummary>> UpcomingAsync(int? residentId, int? circleId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var list = await Summaries(db.Meetups
            .Where(meetup => meetup.EndsAt > now && meetup.CancelledAt == null && (circleId == null || meetup.CircleId == circleId))
            .OrderBy(meetup => meetup.StartsAt).ThenBy(meetup => meetup.Id)
            .Take(200), residentId)
            .ToListAsync(ct);
        // The join may not keep the subquery's order: sort the page again.
        return [.. list.OrderBy(meetup => meetup.StartsAt).ThenBy(meetup => meetup.Id)];
    }

    public async Task<MeetupDetail?> DetailAsync(long meetupId, ClaimsPrincipal user, int? residentId, CancellationToken ct)
    {
        var summary = await Summaries(db.Meetups.Where(meetup => meetup.Id == meetupId), residentId).SingleOrDefaultAsync(ct);
        if (summary is null)
        {
            return null;
        }
        var meetup = await db.Meetups.AsNoTracking().Where(meetup => meetup.Id == meetupId)
            .Select(meetup => new { meetup.Description, meetup.AttendanceRecordedAt }).SingleAsync(ct);
        var asStaff = await ManagesAsStaffAsync(meetupId, user, ct);
        var canManage = asStaff || await OrganisesAsync(meetupId, residentId, ct);
        // Only the organiser sees who is coming: a list of names is personal data the other guests do not need. A resident
        // who organises sees first names and an initial, enough to greet people and tick who came; full names are for
        // staff, whose sessions proved a second factor.
        IReadOnlyList<MeetupPerson> people = canManage ? await PeopleAsync(meetupId, fullNames: asStaff, ct) : [];
        return new MeetupDetail(summary, meetup.Description, canManage, meetup.AttendanceRecordedAt, people);
    }

    /// <summary>
    /// Staff coordinators manage the meetups of circles in the wards they cover (admins every one); a circle's coordinators
    /// manage their circle's meetups.
    /// </summary>
    public async Task<bool> CanManageAsync(long meetupId, ClaimsPrincipal user, int? residentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await ManagesAsStaffAsync(meetupId, user, ct) || await OrganisesAsync(meetupId, residentId, ct);
    }

    /// <summary>Whether the resident organises the meetup or coordinates its circle.</summary>
    private Task<bool> OrganisesAsync(long meetupId, int? residentId, CancellationToken ct) =>
        residentId is null
            ? Task.FromResult(false)
            : db.Meetups.AnyAsync(meetup => meetup.Id == meetupId &&
                (meetup.OrganiserResidentId == residentId ||
                 db.CircleMembers.Any(member => member.CircleId == meetup.CircleId && member.ResidentId == residentId && member.IsCoordinator)), ct);

    /// <summary>Whether the person manages the meetup as staff: a coordinator of its ward (signed in with a second factor) or an admin.</summary>
    private async Task<bool> ManagesAsStaffAsync(long meetupId, ClaimsPrincipal user, CancellationToken ct)
    {
        var ward = await db.Meetups.Where(meetup => meetup.Id == meetupId)
            .Join(db.Circles, meetup => meetup.CircleId, circle => circle.Id, (meetup, circle) => (int?)circle.WardId).SingleOrDefaultAsync(ct);
        return ward is not null && await scopes.MayHandleAsync(user, ward.Value, ct);
    }

    public async Task<bool> CanOrganiseInAsync(int circleId, ClaimsPrincipal user, int? residentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var ward = await db.Circles.Where(circle => circle.Id == circleId).Select(circle => (int?)circle.WardId).SingleOrDefaultAsync(ct);
        if (ward is null)
        {
            return false;
        }
        if (await scopes.MayHandleAsync(user, ward.Value, ct))
        {
            return true;
        }
        return residentId is not null &&
            await db.CircleMembers.AnyAsync(member => member.CircleId == circleId && member.ResidentId == residentId && member.IsCoordinator, ct);
    }

    /// <summary>Checks the fields: returns each problem by field name, or the new meetup's id.</summary>
    public async Task<(long? Id, IReadOnlyDictionary<string, string> Errors)> CreateAsync(NewMeetup input, int? organiserResidentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = time.GetUtcNow().UtcDateTime;
        var errors = Validate(input, now);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var start = DateTime.SpecifyKind(input.StartsAt!.Value, DateTimeKind.Utc);
        var meetup = new Meetup
        {
            CircleId = input.CircleId,
            Title = input.Title!.Trim(),
            Description = input.Description?.Trim() ?? "",
            StartsAt = start,
            EndsAt = start.AddMinutes(input.DurationMinutes!.Value),
            Place = input.Place!.Trim(),
            Capacity = input.Capacity!.Value,
            AccessibilityNotes = string.IsNullOrWhiteSpace(input.AccessibilityNotes) ? null : input.AccessibilityNotes.Trim(),
            OrganiserResidentId = organiserResidentId,
            CreatedAt = now,
        };
        db.Meetups.Add(meetup);
        await db.SaveChangesAsync(ct);
        return (meetup.Id, errors);
    }

    /// <summary>
    /// Changes a meetup that has not started and is not cancelled; the circle stays the same, and the capacity cannot drop
    /// below the places already taken. Everyone with a place is told what changed. Returns each problem by field name.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> UpdateAsync(long meetupId, NewMeetup input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = time.GetUtcNow().UtcDateTime;
        var errors = Validate(input, now);
        var meetup = await db.Meetups.SingleOrDefaultAsync(meetup => meetup.Id == meetupId, ct);
        if (meetup is null || meetup.CancelledAt is not null || meetup.StartsAt <= now)
        {
            return new Dictionary<string, string> { ["Meetup"] = "Only a meetup that has not started and is not cancelled can be changed" };
        }
        if (input.Capacity is { } capacity && capacity < meetup.TakenPlaces)
        {
            errors["Capacity"] = $"{meetup.TakenPlaces} places are already taken: the capacity cannot be lower than that";
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var start = DateTime.SpecifyKind(input.StartsAt!.Value, DateTimeKind.Utc);
        var before = (meetup.StartsAt, meetup.EndsAt, meetup.Place);
        meetup.Title = input.Title!.Trim();
        meetup.Description = input.Description?.Trim() ?? "";
        meetup.StartsAt = start;
        meetup.EndsAt = start.AddMinutes(input.DurationMinutes!.Value);
        meetup.Place = input.Place!.Trim();
        meetup.Capacity = input.Capacity!.Value;
        meetup.AccessibilityNotes = string.IsNullOrWhiteSpace(input.AccessibilityNotes) ? null : input.AccessibilityNotes.Trim();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A place was taken between the check and the save, and the CHECK constraint refused the lower capacity.
            db.Entry(meetup).State = EntityState.Detached;
            return new Dictionary<string, string> { ["Capacity"] = "More places were taken just now: the capacity cannot be lower than the places taken" };
        }
        if (before != (meetup.StartsAt, meetup.EndsAt, meetup.Place))
        {
            await TellPeopleWithAPlaceAsync(meetup, $"Changed: {meetup.Title}",
                $"The meetup \"{meetup.Title}\" has changed. It is now on {When(meetup.StartsAt)} to {UkTime.Clock(meetup.EndsAt)} at {meetup.Place}. " +
                "Your place is kept. If you can no longer come, please give your place back so someone else can have it.", ct);
        }
        return errors;
    }

    /// <summary>Calls a meetup off before it starts: no more places are taken, and everyone with a place is told why.</summary>
    public async Task<string?> CancelAsync(long meetupId, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
        {
            return "Say why the meetup is cancelled, in up to 500 characters";
        }
        var now = time.GetUtcNow().UtcDateTime;
        var cancelled = await db.Meetups.Where(meetup => meetup.Id == meetupId && meetup.CancelledAt == null && meetup.StartsAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(meetup => meetup.CancelledAt, now).SetProperty(meetup => meetup.CancelledBecause, reason.Trim()), ct);
        if (cancelled == 0)
        {
            return "Only a meetup that has not started and is not already cancelled can be cancelled";
        }
        var meetup = await db.Meetups.AsNoTracking().SingleAsync(meetup => meetup.Id == meetupId, ct);
        await TellPeopleWithAPlaceAsync(meetup, $"Cancelled: {meetup.Title}",
            $"We are sorry: the meetup \"{meetup.Title}\" on {When(meetup.StartsAt)} at {meetup.Place} is cancelled. The organiser says: {reason.Trim()}", ct);
        return null;
    }

    /// <summary>
    /// Starts a circle: by a staff coordinator in a ward they cover (or an admin), or by a resident who already organises a
    /// circle, in their own ward; a resident who starts one is its first organiser. Returns each problem by field name.
    /// </summary>
    public async Task<(int? Id, IReadOnlyDictionary<string, string> Errors, bool Allowed)> CreateCircleAsync(NewCircle input, ClaimsPrincipal user, int? residentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await CanStartCircleInAsync(input.WardId, user, residentId, ct))
        {
            return (null, new Dictionary<string, string>(), false);
        }
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
        {
            errors["Name"] = "Enter the circle's name, in up to 200 characters";
        }
        else if (await db.Circles.AnyAsync(circle => circle.Name == input.Name.Trim() && circle.WardId == input.WardId, ct))
        {
            errors["Name"] = "There is already a circle with that name in this ward";
        }
        if (string.IsNullOrWhiteSpace(input.Description) || input.Description.Trim().Length > 2000)
        {
            errors["Description"] = "Say what the circle is for (an interest, or the place it brings together), in up to 2,000 characters";
        }
        if (errors.Count > 0)
        {
            return (null, errors, true);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var circle = new Data.Circle { Name = input.Name!.Trim(), Description = input.Description!.Trim(), WardId = input.WardId, CreatedAt = now };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Circles.Add(circle);
        await db.SaveChangesAsync(ct);
        if (residentId is { } organiser && !await scopes.MayHandleAsync(user, input.WardId, ct))
        {
            db.CircleMembers.Add(new CircleMember { CircleId = circle.Id, ResidentId = organiser, IsCoordinator = true, JoinedAt = now });
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return (circle.Id, errors, true);
    }

    /// <summary>Whether the person may start a circle in the ward (see <see cref="CreateCircleAsync"/>).</summary>
    public async Task<bool> CanStartCircleInAsync(int wardId, ClaimsPrincipal user, int? residentId, CancellationToken ct)
    {
        if (!await db.Wards.AnyAsync(ward => ward.Id == wardId, ct))
        {
            return false;
        }
        if (await scopes.MayHandleAsync(user, wardId, ct))
        {
            return true;
        }
        return residentId is { } id
               && await db.Residents.AnyAsync(resident => resident.Id == id && resident.WardId == wardId, ct)
               && await db.CircleMembers.AnyAsync(member => member.ResidentId == id && member.IsCoordinator, ct);
    }

    /// <summary>The wards the person may start circles in, by name.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> WardsToStartCirclesInAsync(ClaimsPrincipal user, int? residentId, CancellationToken ct)
    {
        var staff = await scopes.WardsHandledAsync(user, ct);
        var wards = await db.Wards.AsNoTracking().OrderBy(ward => ward.Name).Select(ward => new { ward.Id, ward.Name }).ToListAsync(ct);
        var result = new List<(int, string)>();
        foreach (var ward in wards)
        {
            if (staff is null || staff.Contains(ward.Id) || await CanStartCircleInAsync(ward.Id, user, residentId, ct))
            {
                result.Add((ward.Id, ward.Name));
            }
        }
        return result;
    }

    /// <summary>The circles the person may organise meetups in.</summary>
    public async Task<IReadOnlyList<OrganisableCircle>> OrganisableCirclesAsync(ClaimsPrincipal user, int? residentId, CancellationToken ct)
    {
        var staff = await scopes.WardsHandledAsync(user, ct);
        var staffWards = staff?.ToList() ?? [];
        var isStaffEverywhere = staff is null;
        return await db.Circles.AsNoTracking()
            .Where(circle => isStaffEverywhere || staffWards.Contains(circle.WardId)
                             || db.CircleMembers.Any(member => member.CircleId == circle.Id && member.ResidentId == residentId && member.IsCoordinator))
            .OrderBy(circle => circle.Name).ThenBy(circle => circle.Id)
            .Join(db.Wards, circle => circle.WardId, ward => ward.Id, (circle, ward) => new OrganisableCircle(circle.Id, circle.Name, ward.Name))
            .ToListAsync(ct);
    }

    /// <summary>Each problem with a meetup's fields, by field name.</summary>
    private static Dictionary<string, string> Validate(NewMeetup input, DateTime now)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > 200)
        {
            errors["Title"] = "Enter a title of up to 200 characters";
        }
        if (input.Description is { Length: > 2000 })
        {
            errors["Description"] = "The description must be 2,000 characters or fewer";
        }
        if (input.StartsAt is not { } startsAt || startsAt <= now)
        {
            errors["StartsAt"] = "Enter a date and time in the future";
        }
        else if (startsAt > now.AddYears(MaxYearsAhead))
        {
            errors["StartsAt"] = $"Enter a date within the next {MaxYearsAhead} years";
        }
        if (input.DurationMinutes is not (>= 15 and <= 24 * 60))
        {
            errors["DurationMinutes"] = "Enter how long it lasts, from 15 to 1,440 minutes";
        }
        if (string.IsNullOrWhiteSpace(input.Place) || input.Place.Trim().Length > 300)
        {
            errors["Place"] = "Enter where it takes place, in up to 300 characters";
        }
        if (input.Capacity is not (>= 1 and <= MaxCapacity))
        {
            errors["Capacity"] = $"Enter how many people can come, from 1 to {MaxCapacity}";
        }
        if (input.AccessibilityNotes is { Length: > 1000 })
        {
            errors["AccessibilityNotes"] = "Accessibility notes must be 1,000 characters or fewer";
        }
        return errors;
    }

    /// <summary>
    /// Tells everyone with a place: by e-mail when we have an address (their account's, or the one on their record), or
    /// by letter to their home, as the rest of the platform writes to people offline.
    /// </summary>
    private async Task TellPeopleWithAPlaceAsync(Meetup meetup, string subject, string body, CancellationToken ct)
    {
        var people = await (
                from rsvp in db.MeetupRsvps.AsNoTracking()
                where rsvp.MeetupId == meetup.Id
                join resident in db.Residents on rsvp.ResidentId equals resident.Id
                join household in db.Households on resident.HouseholdId equals household.Id
                select new
                {
                    resident.Id,
                    AccountEmail = db.Users.Where(user => user.ResidentId == resident.Id && user.EmailConfirmed).Select(user => user.Email).FirstOrDefault(),
                    resident.Email,
                    Postal = household.AddressLine + ", " + household.Postcode,
                })
            .ToListAsync(ct);
        var link = $"/circle/meetups/{meetup.Id}";
        foreach (var person in people)
        {
            if ((person.AccountEmail ?? person.Email) is { } email)
            {
                await outbox.SendAsync(email, subject, body, link, ct);
                continue;
            }
            db.OutboxMessages.Add(new OutboxMessage
            {
                To = person.Postal,
                Subject = subject,
                Body = body,
                CreatedAt = time.GetUtcNow().UtcDateTime,
                Kind = OutboxKind.Letter,
                RecipientResidentId = person.Id,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    private static string When(DateTime at) => UkTime.DayAndClock(at);

    /// <summary>
    /// Takes a place. The count rises only while below capacity, in the same transaction as the RSVP row, so the last
    /// place goes to one person however many ask at once, on either provider.
    /// </summary>
    public async Task<RsvpOutcome> RsvpAsync(long meetupId, int residentId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (await db.MeetupRsvps.AnyAsync(rsvp => rsvp.MeetupId == meetupId && rsvp.ResidentId == residentId, ct))
        {
            return RsvpOutcome.AlreadyBooked;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.Meetups
            .Where(meetup => meetup.Id == meetupId && meetup.StartsAt > now && meetup.CancelledAt == null && meetup.TakenPlaces < meetup.Capacity)
            .ExecuteUpdateAsync(set => set.SetProperty(meetup => meetup.TakenPlaces, meetup => meetup.TakenPlaces + 1), ct);
        if (taken == 0)
        {
            await transaction.RollbackAsync(ct);
            var meetup = await db.Meetups.AsNoTracking().Where(meetup => meetup.Id == meetupId)
                .Select(meetup => new { meetup.StartsAt, meetup.CancelledAt }).SingleOrDefaultAsync(ct);
            return meetup is null ? RsvpOutcome.NotFound : meetup.CancelledAt is not null ? RsvpOutcome.Cancelled
                : meetup.StartsAt <= now ? RsvpOutcome.Started : RsvpOutcome.Full;
        }
        var rsvp = new MeetupRsvp { MeetupId = meetupId, ResidentId = residentId, At = now };
        db.MeetupRsvps.Add(rsvp);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return RsvpOutcome.Booked;
        }
        catch (DbUpdateException exception) when (exception.IsDuplicateOf<MeetupRsvp>(db, nameof(MeetupRsvp.MeetupId), nameof(MeetupRsvp.ResidentId)))
        {
            // The same person booked twice at once: the other request holds the place.
            await transaction.RollbackAsync(ct);
            db.Entry(rsvp).State = EntityState.Detached;
            return RsvpOutcome.AlreadyBooked;
        }
    }

    /// <summary>Gives a place back before the meetup starts.</summary>
    public async Task<bool> CancelRsvpAsync(long meetupId, int residentId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.MeetupRsvps
            .Where(rsvp => rsvp.MeetupId == meetupId && rsvp.ResidentId == residentId && db.Meetups.Any(meetup => meetup.Id == meetupId && meetup.StartsAt > now))
            .ExecuteDeleteAsync(ct);
        if (removed == 1)
        {
            await db.Meetups.Where(meetup => meetup.Id == meetupId)
                .ExecuteUpdateAsync(set => set.SetProperty(meetup => meetup.TakenPlaces, meetup => meetup.TakenPlaces - 1), ct);
        }
        await transaction.CommitAsync(ct);
        return removed == 1;
    }

    /// <summary>
    /// Records who came (replacing any earlier record), once the meetup has started, then looks for pairs who have now
    /// attended at least three of the same meetups within 90 days and, with both people's consent, records an observed tie.
    /// Attendees must be residents who had a place or are circle members: an organiser cannot attach strangers.
    /// </summary>
    public async Task<AttendanceOutcome?> RecordAttendanceAsync(long meetupId, IReadOnlyCollection<int> residentIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(residentIds);
        var now = time.GetUtcNow().UtcDateTime;
        var meetup = await db.Meetups.SingleOrDefaultAsync(meetup => meetup.Id == meetupId, ct);
        if (meetup is null || meetup.StartsAt > now)
        {
            return null;
        }
        var wanted = residentIds.Distinct().ToList();
        var allowed = await db.Residents
            .Where(resident => wanted.Contains(resident.Id) &&
                (db.MeetupRsvps.Any(rsvp => rsvp.MeetupId == meetupId && rsvp.ResidentId == resident.Id) ||
                 db.CircleMembers.Any(member => member.CircleId == meetup.CircleId && member.ResidentId == resident.Id)))
            .Select(resident => resident.Id).ToListAsync(ct);

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.MeetupAttendances.Where(attendance => attendance.MeetupId == meetupId).ExecuteDeleteAsync(ct);
            db.MeetupAttendances.AddRange(allowed.Select(id => new MeetupAttendance { MeetupId = meetupId, ResidentId = id, RecordedAt = now }));
            meetup.AttendanceRecordedAt = now;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        var observed = await ties.FromSharedMeetupsAsync(db, meetupId, ct);
        return new AttendanceOutcome(allowed.Count, observed);
    }

    private IQueryable<MeetupSummary> Summaries(IQueryable<Meetup> meetups, int? residentId) =>
        meetups.AsNoTracking().Join(db.Circles, meetup => meetup.CircleId, circle => circle.Id, (meetup, circle) => new MeetupSummary(
            meetup.Id, circle.Id, circle.Name, meetup.Title, meetup.StartsAt, meetup.EndsAt, meetup.Place,
            meetup.Capacity, meetup.Capacity - meetup.TakenPlaces, meetup.AccessibilityNotes,
            db.MeetupRsvps.Any(rsvp => rsvp.MeetupId == meetup.Id && rsvp.ResidentId == residentId), meetup.CancelledAt));

    private async Task<IReadOnlyList<MeetupPerson>> PeopleAsync(long meetupId, bool fullNames, CancellationToken ct)
    {
        var members = db.Meetups.Where(meetup => meetup.Id == meetupId)
            .SelectMany(meetup => db.CircleMembers.Where(member => member.CircleId == meetup.CircleId).Select(member => member.ResidentId));
        var booked = db.MeetupRsvps.Where(rsvp => rsvp.MeetupId == meetupId).Select(rsvp => rsvp.ResidentId);
        var came = db.MeetupAttendances.Where(attendance => attendance.MeetupId == meetupId).Select(attendance => attendance.ResidentId);
        var rows = await db.Residents.AsNoTracking()
            .Where(resident => booked.Contains(resident.Id) || came.Contains(resident.Id) || members.Contains(resident.Id))
            .OrderBy(resident => resident.GivenName).ThenBy(resident => resident.FamilyName).ThenBy(resident => resident.Id)
            .Select(resident => new { resident.Id, resident.GivenName, resident.FamilyName, Came = came.Contains(resident.Id) })
            .ToListAsync(ct);
        return [.. rows.Select(row => new MeetupPerson(row.Id, fullNames ? $"{row.GivenName} {row.FamilyName}" : FirstNameAndInitial(row.GivenName, row.FamilyName), row.Came))];
    }

    /// <summary>"Amina K.": how a resident organiser sees the people of their meetup.</summary>
    internal static string FirstNameAndInitial(string givenName, string familyName) =>
        familyName.Trim() is { Length: > 0 } family ? $"{givenName} {char.ToUpperInvariant(family[0])}." : givenName;
}
