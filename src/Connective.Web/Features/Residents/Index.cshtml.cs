using Connective.Web.Data;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Residents;

/// <summary>Coordinators find a resident without a login (newest records first, or by last name) to phone or act for.</summary>
[Authorize(Roles = ResidentAccess.StaffRoles)]
public sealed class IndexModel(AppDbContext db, AuditLog audit, RoleScopes scopes) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(int Id, string Name, int BirthYear, string Address);

    public string? FamilyName { get; private set; }
    public IReadOnlyList<Row> Residents { get; private set; } = [];

    public async Task OnGetAsync(string? familyName, CancellationToken cancellationToken)
    {
        FamilyName = string.IsNullOrWhiteSpace(familyName) ? null : familyName.Trim();
        var query = db.Residents.AsNoTracking().Where(resident => !resident.HasAccount);
        if (await scopes.WardsHandledAsync(User, cancellationToken) is { } wards)
        {
            query = query.Where(resident => wards.Contains(resident.WardId));
        }
        if (FamilyName is not null)
        {
            query = query.Where(resident => resident.FamilyName == FamilyName);
        }
        Residents = await query.OrderByDescending(resident => resident.Id).Take(PageSize)
            .Join(db.Households, resident => resident.HouseholdId, household => household.Id,
                (resident, household) => new Row(resident.Id, resident.GivenName + " " + resident.FamilyName, resident.BirthYear, household.AddressLine + ", " + household.Postcode))
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(User, AuditActions.ViewedOfflineResidentList, subjectResidentId: null, reason: FamilyName is null ? null : "Search by last name", cancellationToken);
    }
}
