using Connective.Web.Infrastructure;
using Connective.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Circle.Meetups;

/// <summary>
/// Organise a meetup: a circle's organisers (and staff coordinators, in the wards they cover) put on a meetup in one of their
/// circles, or start a new circle by interest or place. Anyone signed in may open it; it says who can organise if they cannot.
/// </summary>
[Authorize]
public sealed class OrganiseModel(MeetupBook book, CurrentPerson person) : PageModel
{
    public MeetupForm Meetup { get; private set; } = new();
    public IReadOnlyList<(int Id, string Name)> Wards { get; private set; } = [];

    /// <summary>Both forms' fields in page order, for the error summary (the circle form's inputs are prefixed "Circle").</summary>
    public static readonly IReadOnlyList<string> FieldOrder = [.. MeetupForm.FieldOrder, "CircleName", "CircleDescription", "CircleWardId"];
    public string? CircleName { get; private set; }
    public string? CircleDescription { get; private set; }
    public int? CircleWardId { get; private set; }
    public string? Notice { get; private set; }

    public async Task OnGetAsync(int? circleId, string? notice, CancellationToken cancellationToken)
    {
        Notice = notice == "circle" ? "Your circle has started: you can organise its first meetup now" : null;
        await LoadAsync(cancellationToken);
        Meetup.CircleId = circleId;
    }

    public async Task<IActionResult> OnPostMeetupAsync(MeetupForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var residentId = await person.ResidentIdAsync(User, cancellationToken);
        if (form.CircleId is not { } circleId || !await book.CanOrganiseInAsync(circleId, User, residentId, cancellationToken))
        {
            return Forbid();
        }
        // The form words every problem itself (GOV.UK wording, one per field): binding's generic messages are dropped.
        ModelState.Clear();
        var input = form.ToNewMeetup(ModelState);
        if (input is not null)
        {
            var (id, errors) = await book.CreateAsync(input, residentId, cancellationToken);
            if (id is { } created)
            {
                return RedirectToPage("/Circle/Meetups/Meetup", new { id = created, message = "Your meetup is on the list. People can take places now." });
            }
            ModelState.AddErrors(errors, MeetupForm.FieldOf);
        }
        await LoadAsync(cancellationToken);
        form.Circles = Meetup.Circles;
        Meetup = form;
        return Page();
    }

    public async Task<IActionResult> OnPostCircleAsync(string? name, string? description, int wardId, CancellationToken cancellationToken)
    {
        var residentId = await person.ResidentIdAsync(User, cancellationToken);
        var (id, errors, allowed) = await book.CreateCircleAsync(new NewCircle(name, description, wardId), User, residentId, cancellationToken);
        if (!allowed)
        {
            return Forbid();
        }
        if (id is { } created)
        {
            return RedirectToPage("/Circle/Meetups/Organise", new { circleId = created, notice = "circle" });
        }
        ModelState.AddErrors(errors, field => "Circle" + field);
        (CircleName, CircleDescription, CircleWardId) = (name, description, wardId);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var residentId = await person.ResidentIdAsync(User, cancellationToken);
        Meetup.Circles = await book.OrganisableCirclesAsync(User, residentId, cancellationToken);
        Wards = await book.WardsToStartCirclesInAsync(User, residentId, cancellationToken);
    }
}
