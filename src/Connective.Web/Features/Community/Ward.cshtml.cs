using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Community;

public sealed class WardModel(CommunityQueries queries, IAuthorizationService authorization, AuditLog audit) : PageModel
{
    public WardDetail Ward { get; private set; } = null!;
    /// <summary>The ward's named residents are listed only to staff whose scope covers the ward (WardRules), and each listing is audited.</summary>
    public bool ShowsNamedPeople { get; private set; }
    public IReadOnlyList<ResidentListItem> Residents { get; private set; } = [];
    public int CurrentPage { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(string code, [FromQuery] int? page, CancellationToken cancellationToken)
    {
        var ward = await queries.WardAsync(code, cancellationToken);
        if (ward is null)
        {
            return NotFound();
        }
        Ward = ward;
        ShowsNamedPeople = (await authorization.AuthorizeAsync(User, new WardResource(ward.Summary.Id), WardOperations.ListResidents)).Succeeded;
        if (ShowsNamedPeople)
        {
            await audit.RecordAsync(User, AuditActions.ViewedWardResidentList, subjectResidentId: null, reason: "Ward " + ward.Summary.Code, cancellationToken);
            // Staff page through the exact list; the published (rounded) count would lose the last page.
            var residents = await queries.ResidentCountAsync(ward.Summary.Id, cancellationToken);
            PageCount = Math.Max(1, (residents + CommunityQueries.ResidentsPerPage - 1) / CommunityQueries.ResidentsPerPage);
            CurrentPage = Math.Clamp(page ?? 1, 1, PageCount);
            Residents = await queries.ResidentsOfWardAsync(ward.Summary.Id, CurrentPage, cancellationToken);
        }
        return Page();
    }
}
