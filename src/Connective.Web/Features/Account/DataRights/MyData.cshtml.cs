using Connective.Web.Data;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Connective.Web.Platform.DataRights;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Account.DataRights;

/// <summary>A signed-in person's data rights: who looked at their data, download everything, ask for erasure.</summary>
[Authorize]
public sealed class MyDataModel(UserManager<ConnectiveUser> users, WhoLooked whoLooked, PersonalDataExport export, AuditLog audit, TimeProvider time) : PageModel
{
    public bool HasResidentRecord { get; private set; }
    public IReadOnlyList<AccessSeen> Accesses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        HasResidentRecord = user.ResidentId is not null;
        if (user.ResidentId is { } residentId)
        {
            Accesses = await whoLooked.ForAsync(residentId, user.Id, cancellationToken);
        }
        return Page();
    }

    /// <summary>The download is a POST: it is audited, and a link someone else follows must not start it.</summary>
    public async Task<IActionResult> OnPostDownloadAsync(CancellationToken cancellationToken)
    {
        if (RecentSignIn.ConfirmFirst(this) is { } confirmFirst)
        {
            return confirmFirst;
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var zip = await export.ZipAsync(new DataSubject(user.ResidentId, user.Id), cancellationToken);
        await audit.RecordAsync(User, AuditActions.ExportedPersonalData, subjectResidentId: null, reason: null, cancellationToken);
        return File(zip, DataRightsFeature.ZipContentType, DataRightsFeature.ZipName(time.GetUtcNow().UtcDateTime));
    }
}
