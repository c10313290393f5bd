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

    /// <summary>Each problem by field name (the form's, so the error summary links to the input).</summary>
    [BindNever]
    public Dictionary<string, string> Errors { get; } = [];

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

    /// <summary>The meetup to save, or null (with <see cref="Errors"/> filled) when the date or time does not parse.</summary>
    public NewMeetup? ToNewMeetup()
    {
        DateTime? startsAt = null;
        if (!DateOnly.TryParseExact(Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            Errors["Date"] = "Enter the date as year-month-day, for example 2026-12-03";
        }
        else if (!TimeOnly.TryParseExact(Time?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            Errors["Time"] = "Enter the start time on the 24-hour clock, for example 14:30";
        }
        else if (UkTime.ToUtc(day.ToDateTime(at)) is { } utc)
        {
            startsAt = utc;
        }
        else
        {
            Errors["Time"] = "That time does not exist on that day, because the clocks go forward an hour: choose another time";
        }
        return Errors.Count > 0 ? null : new NewMeetup(CircleId ?? 0, Title, Description, startsAt, DurationMinutes, Place, Capacity, AccessibilityNotes);
    }

    /// <summary>Adds the service's problems, naming the form's fields (the start is typed as a date and a time).</summary>
    public void Add(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (key, message) in errors)
        {
            Errors[key == "StartsAt" ? "Date" : key == "Meetup" ? "Title" : key] = message;
        }
    }
}
