using Connective.Web.Data;
using Connective.Web.Platform.ConsentPath;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Residents;

/// <summary>What a new resident record needs, however it is made (by a coordinator on the phone, or by the person).</summary>
public sealed record NewResident(string GivenName, string FamilyName, int BirthYear, string? Phone, string AddressLine, string Postcode, int WardId);

/// <summary>A ward to choose from in a form.</summary>
public sealed record WardChoice(int Id, string Name);

/// <summary>Creates resident records and the household at their address.</summary>
public sealed class ResidentRecords(AppDbContext db, ConsentedNetwork network)
{
    public Task<List<WardChoice>> WardsAsync(CancellationToken cancellationToken) =>
        db.Wards.AsNoTracking().OrderBy(ward => ward.Name).Select(ward => new WardChoice(ward.Id, ward.Name)).ToListAsync(cancellationToken);

    /// <summary>
    /// Adds the resident to the household at the address (creating it if nobody lives there yet). The location is the
    /// ward's centre: without a postcode file we do not pretend to know more.
    /// </summary>
    public async Task<Resident> CreateAsync(NewResident person, string? email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var ward = await db.Wards.AsNoTracking().SingleAsync(ward => ward.Id == person.WardId, cancellationToken);
        var address = person.AddressLine.Trim();
        var postcode = person.Postcode.Trim().ToUpperInvariant();
        var household = await db.Households
            .Where(household => household.WardId == ward.Id && household.Postcode == postcode && household.AddressLine == address)
            .FirstOrDefaultAsync(cancellationToken);
        if (household is null)
        {
            household = new Household
            {
                WardId = ward.Id,
                AddressLine = address,
                Postcode = postcode,
                Latitude = ward.CentroidLatitude,
                Longitude = ward.CentroidLongitude,
            };
            db.Households.Add(household);
            await db.SaveChangesAsync(cancellationToken);
        }
        var resident = new Resident
        {
            HouseholdId = household.Id,
            WardId = ward.Id,
            GivenName = person.GivenName.Trim(),
            FamilyName = person.FamilyName.Trim(),
            BirthYear = person.BirthYear,
            Latitude = household.Latitude,
            Longitude = household.Longitude,
            HasAccount = email is not null,
            Email = email,
            Phone = string.IsNullOrWhiteSpace(person.Phone) ? null : person.Phone.Trim(),
        };
        db.Residents.Add(resident);
        await db.SaveChangesAsync(cancellationToken);
        // A new person is a new node in every consented graph (isolated until they consent).
        await ConsentedNetwork.RecordChangeAsync(db, cancellationToken);
        network.Refresh();
        return resident;
    }

    /// <summary>The postal address a letter to the resident goes to: name, street address and postcode.</summary>
    public async Task<string?> PostalAddressAsync(int residentId, CancellationToken cancellationToken) =>
        await db.Residents.AsNoTracking()
            .Where(resident => resident.Id == residentId)
            .Join(db.Households, resident => resident.HouseholdId, household => household.Id,
                (resident, household) => resident.GivenName + " " + resident.FamilyName + ", " + household.AddressLine + ", " + household.Postcode)
            .SingleOrDefaultAsync(cancellationToken);
}
