using Connective.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Circle;

/// <summary>Circle's front page: what it is, the kinds of task with the check each needs, and the way in for each role.</summary>
public sealed class IndexModel(CircleQueries queries, CurrentPerson identity, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<TaskTypeView> TaskTypes { get; private set; } = [];
    public bool IsResident { get; private set; }
    public bool IsSignedIn => User.Identity?.IsAuthenticated == true;
    public bool IsCoordinator { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        TaskTypes = await queries.TaskTypesAsync(cancellationToken);
        IsResident = await identity.ResidentIdAsync(User, cancellationToken) is not null;
        IsCoordinator = (await authorization.AuthorizeAsync(User, CirclePolicies.Coordinator)).Succeeded;
    }
}
