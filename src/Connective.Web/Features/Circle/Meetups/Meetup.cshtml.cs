using Connective.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Circle.Meetups;

/// <summary>One meetup: take or give back a place; its organisers record who came.</summary>
[Authorize]
public sealed class MeetupModel(MeetupBook book, CurrentPerson person) : PageModel
{
    public MeetupDetail Detail { get; private set; } = null!;
    public bool HasResidentRecord { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? message, CancellationToken cancellationToken)
    {
        Message = message;
        return await LoadAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostRsvpAsync(long id, bool cancel, CancellationToken cancellationToken)
    {
        var residentId = await person.ResidentIdAsync(User, cancellationToken);
        if (residentId is null)
        {
            return RedirectToPage(new { id });
        }
        string message;
        if (cancel)
        {
            message = await book.CancelRsvpAsync(id, residentId.Value, cancellationToken) ? "Your place has been given back." : "You had no place to give back.";
        }
        else
        {
            message = await book.RsvpAsync(id, residentId.Value, cancellationToken) switch
            {
                RsvpOutcome.Booked => "You have a place. See you there.",
                RsvpOutcome.AlreadyBooked => "You already have a place.",
                RsvpOutcome.Full => "Sorry, every place has been taken.",
                RsvpOutcome.Started => "This meetup has already started.",
                RsvpOutcome.Cancelled => "This meetup is cancelled.",
                _ => "There is no such meetup.",
            };
        }
        return RedirectToPage(new { id, message });
    }

    public async Task<IActionResult> OnPostAttendanceAsync(long id, int[] attended, CancellationToken cancellationToken)
    {
        if (!await book.CanManageAsync(id, User, await person.ResidentIdAsync(User, cancellationToken), cancellationToken))
        {
            return Forbid();
        }
        var outcome = await book.RecordAttendanceAsync(id, attended, cancellationToken);
        var message = outcome is null ? "Attendance can be recorded once the meetup has started."
            : $"Recorded {outcome.Attended} people as attending.";
        return RedirectToPage(new { id, message });
    }

    private async Task<IActionResult> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var residentId = await person.ResidentIdAsync(User, cancellationToken);
        HasResidentRecord = residentId is not null;
        var detail = await book.DetailAsync(id, User, residentId, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }
        Detail = detail;
        return Page();
    }
}
