using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Connective.Web.Platform.ConsentPath;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Community;

/// <summary>A named resident, for those the resident rules let read it (ResidentRules); every view by someone else is audited.</summary>
[Authorize]
public sealed class ResidentModel(CommunityQueries queries, AuditLog audit, IAuthorizationService authorization, RoleScopes scopes, Data.AppDbContext db) : PageModel
{
    public ResidentDetail Resident { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var resource = await ResidentResource.FindAsync(db, id, cancellationToken);
        if (resource is null || !(await authorization.AuthorizeAsync(User, resource, ResidentOperations.Read)).Succeeded)
        {
            // Only staff learn that an id does not exist; to anyone else an unknown id looks like someone else's.
            return resource is null && (await authorization.AuthorizeAsync(User, Policies.Staff)).Succeeded ? NotFound() : Forbid();
        }
        var resident = await queries.ResidentAsync(id, cancellationToken);
        if (resident is null)
        {
            return NotFound();
        }
        if ((await scopes.ForAsync(User, cancellationToken))?.ResidentId != id)
        {
            await audit.RecordAsync(User, AuditActions.ViewedResident, id, reason: null, cancellationToken);
        }
        Resident = resident;
        return Page();
    }

    public static string Describe(Data.ConsentPurpose purpose) => ConsentRecords.DescribeForStaff(purpose);
}
