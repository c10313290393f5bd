using Connective.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Circle.Meetups;

/// <summary>Upcoming meetups, of every circle or of one.</summary>
[Authorize]
public sealed class IndexModel(MeetupBook book, CurrentPerson person) : PageModel
{
    public IReadOnlyList<MeetupSummary> Meetups { get; private set; } = [];

    public async Task OnGetAsync(int? circleId, CancellationToken cancellationToken) =>
        Meetups = await book.UpcomingAsync(await person.ResidentIdAsync(User, cancellationToken), circleId, cancellationToken);
}
