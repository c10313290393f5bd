using System.Globalization;
using Connective.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Residents;

/// <summary>
/// A new account holder tells us who and where they are, which makes them a resident (with a household in a ward)
/// who can give consent, ask for help and be counted. Once linked, the page shows the record instead.
/// </summary>
[Authorize]
public sealed class MyDetailsModel(AppDbContext db, ResidentRecords residents, UserManager<ConnectiveUser> users) : PageModel
{
    [BindProperty]
    public ResidentForm Form { get; set; } = new();

    public IReadOnlyList<WardChoice> Wards { get; private set; } = [];

    /// <summary>The linked record as the person sees it, or null when they have not given their details yet.</summary>
    public IReadOnlyList<SummaryRow>? Record { get; private set; }

    public sealed record SummaryRow(string Key, string Value);

    /// <summary>Where the person was going when they were asked for their details (a local path), carried to consent and on.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Creates the record and links the account to it in one transaction; false when a concurrent save won the race.</summary>
    private async Task<bool> LinkNewResidentAsync(ConnectiveUser user, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var resident = await residents.CreateAsync(Form.ToNewResident(), user.Email, cancellationToken);
            user.ResidentId = resident.Id;
            // Identity's concurrency stamp refuses the update when another save changed the account since we read it.
            var updated = await users.UpdateAsync(user);
            if (!updated.Succeeded)
            {
                return false;
            }
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is DbUpdateException or System.Data.Common.DbException)
        {
            return false;
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (user.ResidentId is { } residentId)
        {
            var row = await db.Residents.AsNoTracking().Where(resident => resident.Id == residentId)
                .Join(db.Households, resident => resident.HouseholdId, household => household.Id, (resident, household) => new { resident, household })
                .Join(db.Wards, pair => pair.household.WardId, ward => ward.Id, (pair, ward) => new
                {
                    Name = pair.resident.GivenName + " " + pair.resident.FamilyName,
                    pair.resident.BirthYear,
                    Address = pair.household.AddressLine + ", " + pair.household.Postcode,
                    Ward = ward.Name,
                })
                .SingleOrDefaultAsync(cancellationToken);
            Record = row is null ? null :
            [
                new("Name", row.Name),
                new("Year of birth", row.BirthYear.ToString(CultureInfo.InvariantCulture)),
                new("Address", row.Address),
                new("Ward", row.Ward),
            ];
        }
        Wards = await residents.WardsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (user.ResidentId is not null)
        {
            return RedirectToPage();
        }
        Wards = await residents.WardsAsync(cancellationToken);
        if (Form.WardId is { } wardId && Wards.All(ward => ward.Id != wardId))
        {
            ModelState.AddModelError("Form.WardId", "Select the ward");
        }
        if (!ModelState.IsValid)
        {
            ResidentForm.AddressErrorsToSelf(ModelState);
            return Page();
        }
        if (!await LinkNewResidentAsync(user, cancellationToken))
        {
            // Another save from this account (a double click, a retry, another tab) linked a record first: that one stands,
            // and this one answers as it did. Anything else is a conflict to retry, said plainly.
            db.ChangeTracker.Clear();
            var linked = await db.Users.AsNoTracking().Where(account => account.Id == user.Id).Select(account => account.ResidentId).SingleAsync(cancellationToken);
            if (linked is null)
            {
                return StatusCode(StatusCodes.Status409Conflict);
            }
        }
        return RedirectToPage("/Account/MyConsent", new { ReturnUrl });
    }
}
