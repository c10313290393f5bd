using Connective.Web.Data;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Connective.Web.Platform.ConsentPath;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Residents;

/// <summary>A coordinator reads the consent script on the phone and records the resident's answer to each question.</summary>
[Authorize(Roles = ResidentAccess.StaffRoles)]
public sealed class PhoneConsentModel(AppDbContext db, ConsentRecords consents, PhoneConsent phoneConsent, AuditLog audit, RoleScopes scopes) : PageModel
{
    public sealed record Person(int Id, string Name, string Address);

    public Person Resident { get; private set; } = null!;
    public PhoneScript Script { get; } = PhoneScripts.Current;
    public IReadOnlySet<ConsentPurpose> Current { get; private set; } = new HashSet<ConsentPurpose>();
    public bool Created { get; private set; }
    public bool Recorded { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, bool created, bool recorded, CancellationToken cancellationToken)
    {
        if (await WardOfAsync(id, cancellationToken) is not { } wardId)
        {
            return NotFound();
        }
        if (!await scopes.MayHandleAsync(User, wardId, cancellationToken))
        {
            return Forbid();
        }
        await LoadAsync(id, cancellationToken);
        await audit.RecordAsync(User, AuditActions.ViewedResident, id, reason: null, cancellationToken);
        (Created, Recorded) = (created, recorded);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, List<ConsentPurpose> agreed, string scriptVersion, CancellationToken cancellationToken)
    {
        if (await WardOfAsync(id, cancellationToken) is not { } wardId)
        {
            return NotFound();
        }
        if (!await scopes.MayHandleAsync(User, wardId, cancellationToken))
        {
            return Forbid();
        }
        if (PhoneScripts.Find(scriptVersion) is null || agreed.Any(purpose => !Enum.IsDefined(purpose)))
        {
            return BadRequest();
        }
        await phoneConsent.RecordAsync(User, id, agreed.ToHashSet(), scriptVersion, cancellationToken);
        return RedirectToPage(new { id, recorded = true });
    }

    private Task<int?> WardOfAsync(int id, CancellationToken cancellationToken) =>
        db.Residents.Where(resident => resident.Id == id).Select(resident => (int?)resident.WardId).SingleOrDefaultAsync(cancellationToken);

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var person = await db.Residents.AsNoTracking().Where(resident => resident.Id == id)
            .Join(db.Households, resident => resident.HouseholdId, household => household.Id,
                (resident, household) => new Person(resident.Id, resident.GivenName + " " + resident.FamilyName, household.AddressLine + ", " + household.Postcode))
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return false;
        }
        Resident = person;
        Current = await consents.CurrentAsync(id, cancellationToken);
        return true;
    }
}
