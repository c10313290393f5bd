using System.Globalization;
using Connective.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Connective.Web.Features.Circle.Meetups;

/// <summary>
/// The meetup form as typed (date and time as text, in UK time as people read clocks here; stored as UTC), shared by the
/// organise and edit pages. A date or time that does not parse is an error on its own field, never a half-saved meetup.
/// </summary>
public sealed class MeetupForm
{
    public int? CircleId { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Date { get; set; }
    public string? Time { get; set; }
    public int? DurationMinutes { get; set; } = 120;
    public string? Place { get; set; }
    public int? Capacity { get; set; } = 20;
    public string? AccessibilityNotes { get; set; }

    /// <summary>The form's fields in page order, for the error summary.</summary>
    public static readonly IReadOnlyList<string> FieldOrder = ["CircleId", "Title", "Description", "Date", "Time", "DurationMinutes", "Place", "Capacity", "AccessibilityNotes"];

    /// <summary>The circles to choose from (the organise page); empty when the circle is fixed (editing).</summary>
    [BindNever]
    public IReadOnlyList<OrganisableCircle> Circles { get; set; } = [];

    public static MeetupForm From(MeetupDetail detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var meetup = detail.Meetup;
        return new MeetupForm
        {
            CircleId = meetup.CircleId,
            Title = meetup.Title,
            Description = detail.Description,
            Date = UkTime.Local(meetup.StartsAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Time = UkTime.Clock(meetup.StartsAt),
            DurationMinutes = (int)(meetup.EndsAt - meetup.StartsAt).TotalMinutes,
            Place = meetup.Place,
            Capacity = meetup.Capacity,
            AccessibilityNotes = meetup.AccessibilityNotes,
        };
    }

    /// <summary>The meetup to save, or null (with the problem in <paramref name="modelState"/>) when the date or time does not parse.</summary>
    public NewMeetup? ToNewMeetup(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var errorsBefore = modelState.ErrorCount;
        DateTime? startsAt = null;
        if (!DateOnly.TryParseExact(Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            modelState.AddModelError("Date", "Enter the date as year-month-day, for example 2026-12-03");
        }
        else if (!TimeOnly.TryParseExact(Time?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            modelState.AddModelError("Time", "Enter the start time on the 24-hour clock, for example 14:30");
        }
        else if (UkTime.ToUtc(day.ToDateTime(at)) is { } utc)
        {
            startsAt = utc;
        }
        else
        {
            modelState.AddModelError("Time", "That time does not exist on that day, because the clocks go forward an hour: choose another time");
        }
        return modelState.ErrorCount > errorsBefore ? null : new NewMeetup(CircleId ?? 0, Title, Description, startsAt, DurationMinutes, Place, Capacity, AccessibilityNotes);
    }

    /// <summary>The form's input for a field the service names (the start is typed as a date and a time).</summary>
    public static string FieldOf(string serviceField) => serviceField switch
    {
        "StartsAt" => "Date",
        "Meetup" => "Title",
        _ => serviceField,
    };
}
