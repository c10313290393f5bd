using Connective.Web.Features.Circle.Credits;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Circle.Safeguarding;

/// <summary>The safeguarding lead's queue.</summary>
[Authorize(Policy = CircleCommunityPolicies.SafeguardingLead)]
public sealed class IndexModel(SafeguardingCases cases) : PageModel
{
    public IReadOnlyList<ConcernSummary> Concerns { get; private set; } = [];
    public bool IncludeClosed { get; private set; }

    public async Task OnGetAsync(bool closed, CancellationToken cancellationToken)
    {
        IncludeClosed = closed;
        Concerns = await cases.QueueAsync(closed, cancellationToken);
    }
}
