using Connective.Web.Data;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Connective.Web.Platform.ConsentPath;
using Connective.Web.Platform.DataRights;
using Connective.Web.Platform.Proxy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Residents;

/// <summary>
/// A coordinator exercises a resident's data rights for them (download, erasure), only with the resident's consent
/// that a coordinator may act for them; every step goes through <see cref="ProxyContext"/>, which audits both people.
/// </summary>
[Authorize(Roles = ResidentAccess.StaffRoles)]
public sealed class ActForModel(AppDbContext db, ConsentRecords consents, ProxyContext proxy, PersonalDataExport export, PersonErasure erasure, RoleScopes scopes, TimeProvider time) : PageModel
{
    public int ResidentId { get; private set; }

    /// <summary>The resident's name, so the coordinator sees whom they are acting for (the page is in their ward scope).</summary>
    public string ResidentName { get; private set; } = "";

    public bool HasConsent { get; private set; }
    public string? RefusedBecause { get; private set; }
    public ErasureReceipt? Receipt { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.Residents.Where(resident => resident.Id == id)
            .Select(resident => new { resident.WardId, Name = resident.GivenName + " " + resident.FamilyName }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        if (!await scopes.MayHandleAsync(User, found.WardId, cancellationToken))
        {
            return Forbid();
        }
        ResidentId = id;
        ResidentName = found.Name;
        HasConsent = await consents.HasAsync(id, ProxyContext.Purpose, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDownloadAsync(int id, CancellationToken cancellationToken)
    {
        if (RecentSignIn.ConfirmFirst(this) is { } confirmFirst)
        {
            return confirmFirst;
        }
        var grant = await proxy.ForAsync(User, id, cancellationToken);
        if (!grant.IsGranted)
        {
            return Refused(id, grant);
        }
        var subject = await SubjectAsync(id, cancellationToken);
        var zip = await export.ZipAsync(subject, cancellationToken);
        await proxy.RecordAsync(User, grant, AuditActions.ExportedPersonalData, reason: null, cancellationToken);
        return File(zip, DataRightsFeature.ZipContentType, DataRightsFeature.ZipName(time.GetUtcNow().UtcDateTime));
    }

    public async Task<IActionResult> OnPostEraseAsync(int id, bool confirm, CancellationToken cancellationToken)
    {
        if (RecentSignIn.ConfirmFirst(this) is { } confirmFirst)
        {
            return confirmFirst;
        }
        if (!confirm)
        {
            ModelState.AddModelError("confirm", "Tick the box to confirm the resident asked for their data to be erased");
            return await OnGetAsync(id, cancellationToken);
        }
        var grant = await proxy.ForAsync(User, id, cancellationToken);
        if (!grant.IsGranted)
        {
            return Refused(id, grant);
        }
        var subject = await SubjectAsync(id, cancellationToken);
        Receipt = await erasure.EraseAsync(User, subject, cancellationToken);
        ResidentId = id;
        return Page();
    }

    private async Task<DataSubject> SubjectAsync(int residentId, CancellationToken cancellationToken) =>
        new(residentId, await db.Users.Where(user => user.ResidentId == residentId).Select(user => user.Id).FirstOrDefaultAsync(cancellationToken));

    private PageResult Refused(int id, ProxyGrant grant)
    {
        ResidentId = id;
        RefusedBecause = grant.RefusedBecause;
        return new PageResult { StatusCode = StatusCodes.Status403Forbidden };
    }
}
