using Connective.Web.Features.Account;
using Connective.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Community;

/// <summary>A named resident: staff only, and every view is written to the audit log.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ResidentModel(CommunityQueries queries, AuditLog audit) : PageModel
{
    public ResidentDetail Resident { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var resident = await queries.ResidentAsync(id, cancellationToken);
        if (resident is null)
        {
            return NotFound();
        }
        await audit.RecordAsync(User, AuditActions.ViewedResident, id, reason: null, cancellationToken);
        Resident = resident;
        return Page();
    }

    public static string Describe(Data.ConsentPurpose purpose) => Network.ConsentRecords.DescribeForStaff(purpose);
}
