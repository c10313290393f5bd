using Connective.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Circle.Meetups;

/// <summary>My circles and the others I could join.</summary>
[Authorize]
public sealed class CirclesModel(MeetupBook book, CurrentPerson person) : PageModel
{
    public IReadOnlyList<CircleSummary> Circles { get; private set; } = [];
    public bool HasResidentRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var residentId = await person.ResidentIdAsync(User, cancellationToken);
        HasResidentRecord = residentId is not null;
        Circles = await book.CirclesAsync(residentId, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int circleId, bool join, CancellationToken cancellationToken)
    {
        if (await person.ResidentIdAsync(User, cancellationToken) is { } residentId)
        {
            await book.SetMembershipAsync(circleId, residentId, join, cancellationToken);
        }
        return RedirectToPage();
    }
}
