using Connective.Web.Infrastructure;
using Connective.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Circle.Meetups;

/// <summary>A meetup's organisers change it or call it off before it starts; everyone with a place is told.</summary>
[Authorize]
public sealed class EditModel(MeetupBook book, CurrentPerson person) : PageModel
{
    public MeetupDetail Detail { get; private set; } = null!;
    public MeetupForm Meetup { get; private set; } = new();
    public string? CancelReason { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        Meetup = MeetupForm.From(Detail);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(long id, MeetupForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        form.CircleId = Detail.Meetup.CircleId;
        // The form words every problem itself (GOV.UK wording, one per field): binding's generic messages are dropped.
        ModelState.Clear();
        var input = form.ToNewMeetup(ModelState);
        if (input is not null)
        {
            var errors = await book.UpdateAsync(id, input, cancellationToken);
            if (errors.Count == 0)
            {
                return RedirectToPage("/Circle/Meetups/Meetup", new { id, message = "The meetup is changed. Everyone with a place has been told of any new time or place." });
            }
            ModelState.AddErrors(errors, MeetupForm.FieldOf);
        }
        Meetup = form;
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, string? reason, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        var error = await book.CancelAsync(id, reason, cancellationToken);
        if (error is null)
        {
            return RedirectToPage("/Circle/Meetups/Meetup", new { id, message = "The meetup is cancelled. Everyone with a place has been told." });
        }
        CancelReason = reason;
        ModelState.AddModelError("reason", error);
        Meetup = MeetupForm.From(Detail);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var residentId = await person.ResidentIdAsync(User, cancellationToken);
        var detail = await book.DetailAsync(id, User, residentId, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }
        if (!detail.ICanManage)
        {
            return Forbid();
        }
        Detail = detail;
        return null;
    }
}
