using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Community;

/// <summary>A named resident: exists only in Demo and Development (404 elsewhere) until the identity issue protects it.</summary>
public sealed class ResidentModel(CommunityQueries queries, IHostEnvironment environment) : PageModel
{
    public ResidentDetail Resident { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!CommunityFeature.ShowsNamedPeople(environment))
        {
            return NotFound();
        }
        var resident = await queries.ResidentAsync(id, cancellationToken);
        if (resident is null)
        {
            return NotFound();
        }
        Resident = resident;
        return Page();
    }

    public static string Describe(Data.ConsentPurpose purpose) => purpose switch
    {
        Data.ConsentPurpose.NetworkInsight => "Their connections can be used to understand the community's network",
        Data.ConsentPurpose.ShowToHelpersNearby => "They can be shown to helpers nearby",
        Data.ConsentPurpose.ContactByPhone => "Coordinators can phone them",
        Data.ConsentPurpose.ResearchExports => "Anonymised records can be used in research",
        _ => purpose.ToString(),
    };
}
