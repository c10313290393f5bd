using Connective.Web.Data;
using Connective.Web.Platform.ConsentPath;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Community;

/// <summary>A ward with its counts and network statistics.</summary>
public sealed record WardSummary(int Id, string Code, string Name, int Residents, int Households, WardNetworkStatistics Network);

/// <summary>All wards, and the network statistics of the whole borough.</summary>
public sealed record WardList(IReadOnlyList<WardSummary> Wards, WardNetworkStatistics Borough)
{
    public int Residents => Wards.Sum(ward => ward.Residents);
}

/// <summary>Residents of a ward in an age band.</summary>
public sealed record AgeBandCount(string Band, int Residents);

/// <summary>A service or circle listed on a ward page.</summary>
public sealed record WardListing(string Name, string Description);

/// <summary>One resident in a ward's list (for staff whose scope covers the ward).</summary>
public sealed record ResidentListItem(int Id, string Name, int Age, string Address);

/// <summary>Everything the ward page shows.</summary>
public sealed record WardDetail(
    WardSummary Summary, double CentroidLatitude, double CentroidLongitude, int OfflineResidents,
    IReadOnlyList<AgeBandCount> AgeBands, IReadOnlyList<WardListing> Services, IReadOnlyList<WardListing> Circles);

/// <summary>A consent as shown on a resident's page.</summary>
public sealed record ConsentView(ConsentPurpose Purpose, DateTime GivenAt, ConsentMethod Method, string RecordedBy, DateTime? WithdrawnAt);

/// <summary>One of a resident's ties: who, and what kind.</summary>
public sealed record TieView(int ResidentId, string Name, TieKind Kind);

/// <summary>A named resident (for the resident and the staff the resident rules let read it).</summary>
public sealed record ResidentDetail(
    int Id, string Name, int Age, string Address, string Postcode, string WardCode, string WardName, bool HasAccount,
    string? Email, string? Phone, IReadOnlyList<ConsentView> Consents, IReadOnlyList<TieView> Ties);

/// <summary>The Community area's reads: a few projected queries per page, never one per row.</summary>
public sealed class CommunityQueries(AppDbContext db, CommunityNetwork network, ConsentedNetwork consentedNetwork, ConsentRecords consentRecords, TimeProvider time)
{
    public const int ResidentsPerPage = 50;

    public async Task<WardList> WardsAsync(CancellationToken cancellationToken)
    {
        var wards = await db.Wards.AsNoTracking().OrderBy(ward => ward.Name)
            .Select(ward => new { ward.Id, ward.Code, ward.Name })
            .ToListAsync(cancellationToken);
        var residents = await db.Residents.AsNoTracking().GroupBy(resident => resident.WardId)
            .Select(group => new { WardId = group.Key, Count = group.Count() })
            .ToDictionaryAsync(row => row.WardId, row => row.Count, cancellationToken);
        var households = await db.Households.AsNoTracking().GroupBy(household => household.WardId)
            .Select(group => new { WardId = group.Key, Count = group.Count() })
            .ToDictionaryAsync(row => row.WardId, row => row.Count, cancellationToken);
        var snapshot = await network.GetAsync(db, cancellationToken);
        return new WardList(
            [.. wards.Select(ward => new WardSummary(
                ward.Id, ward.Code, ward.Name, residents.GetValueOrDefault(ward.Id), households.GetValueOrDefault(ward.Id), snapshot.ForWard(ward.Id)))],
            snapshot.Borough);
    }

    public async Task<WardDetail?> WardAsync(string code, CancellationToken cancellationToken)
    {
        var ward = await db.Wards.AsNoTracking().Where(ward => ward.Code == code)
            .Select(ward => new { ward.Id, ward.Code, ward.Name, ward.CentroidLatitude, ward.CentroidLongitude })
            .SingleOrDefaultAsync(cancellationToken);
        if (ward is null)
        {
            return null;
        }

        var byBirthYear = await db.Residents.AsNoTracking().Where(resident => resident.WardId == ward.Id)
            .GroupBy(resident => resident.BirthYear)
            .Select(group => new { BirthYear = group.Key, Count = group.Count() })
            .ToListAsync(cancellationToken);
        var year = time.GetUtcNow().Year;
        (string Band, int From, int To)[] bands = [("0 to 15", 0, 15), ("16 to 64", 16, 64), ("65 to 74", 65, 74), ("75 and over", 75, int.MaxValue)];
        var ageBands = bands.Select(band => new AgeBandCount(
            band.Band, byBirthYear.Where(row => year - row.BirthYear >= band.From && year - row.BirthYear <= band.To).Sum(row => row.Count))).ToList();

        var offline = await db.Residents.CountAsync(resident => resident.WardId == ward.Id && !resident.HasAccount && resident.BirthYear <= year - 16, cancellationToken);
        var households = await db.Households.CountAsync(household => household.WardId == ward.Id, cancellationToken);
        var services = await db.Services.AsNoTracking().Where(service => service.WardId == ward.Id).OrderBy(service => service.Name)
            .Select(service => new WardListing(service.Name, service.Description)).ToListAsync(cancellationToken);
        var circles = await db.Circles.AsNoTracking().Where(circle => circle.WardId == ward.Id).OrderBy(circle => circle.Name)
            .Select(circle => new WardListing(circle.Name, circle.Description)).ToListAsync(cancellationToken);
        var snapshot = await network.GetAsync(db, cancellationToken);

        var summary = new WardSummary(ward.Id, ward.Code, ward.Name, ageBands.Sum(band => band.Residents), households, snapshot.ForWard(ward.Id));
        return new WardDetail(summary, ward.CentroidLatitude, ward.CentroidLongitude, offline, ageBands, services, circles);
    }

    public async Task<IReadOnlyList<ResidentListItem>> ResidentsOfWardAsync(int wardId, int page, CancellationToken cancellationToken)
    {
        var year = time.GetUtcNow().Year;
        return await db.Residents.AsNoTracking()
            .Where(resident => resident.WardId == wardId)
            .OrderBy(resident => resident.FamilyName).ThenBy(resident => resident.GivenName).ThenBy(resident => resident.Id)
            .Skip((Math.Max(1, page) - 1) * ResidentsPerPage).Take(ResidentsPerPage)
            .Join(db.Households, resident => resident.HouseholdId, household => household.Id, (resident, household) => new ResidentListItem(
                resident.Id, resident.GivenName + " " + resident.FamilyName, year - resident.BirthYear, household.AddressLine))
            .ToListAsync(cancellationToken);
    }

    public async Task<ResidentDetail?> ResidentAsync(int id, CancellationToken cancellationToken)
    {
        var year = time.GetUtcNow().Year;
        var resident = await (
            from r in db.Residents.AsNoTracking()
            where r.Id == id
            join h in db.Households on r.HouseholdId equals h.Id
            join w in db.Wards on r.WardId equals w.Id
            select new { r.Id, r.GivenName, r.FamilyName, r.BirthYear, h.AddressLine, h.Postcode, w.Code, w.Name, r.HasAccount, r.Email, r.Phone })
            .SingleOrDefaultAsync(cancellationToken);
        if (resident is null)
        {
            return null;
        }

        var history = await consentRecords.HistoryAsync(id, cancellationToken);
        // Who recorded a consent is shown by name (the coordinator's, or the resident themselves), never by account id.
        var recorders = history.Select(consent => consent.RecordedBy).Distinct().ToList();
        var recorderNames = await db.Users.AsNoTracking().Where(user => recorders.Contains(user.Id))
            .Select(user => new
            {
                user.Id,
                Name = db.Residents.Where(resident => resident.Id == user.ResidentId).Select(resident => resident.GivenName + " " + resident.FamilyName).FirstOrDefault() ?? user.Email,
            })
            .ToDictionaryAsync(user => user.Id, user => user.Name ?? "a staff account", cancellationToken);
        string RecorderName(string recordedBy) => recordedBy == ConsentRecords.Self ? "the resident"
            : recorderNames.GetValueOrDefault(recordedBy) ?? "an erased account";
        var consents = history
            .OrderBy(consent => consent.Purpose).ThenBy(consent => consent.GivenAt)
            .Select(consent => new ConsentView(consent.Purpose, consent.GivenAt, consent.Method, RecorderName(consent.RecordedBy), consent.WithdrawnAt))
            .ToList();
        // Staff see only the ties both people allow to be used for network insight.
        var consentedTies = await consentedNetwork.TiesOfAsync(db, id, ConsentPurpose.NetworkInsight, cancellationToken);
        var otherIds = consentedTies.Select(tie => tie.OtherResidentId).Distinct().ToList();
        var names = await db.Residents.AsNoTracking().Where(other => otherIds.Contains(other.Id))
            .Select(other => new { other.Id, other.GivenName, other.FamilyName })
            .ToDictionaryAsync(other => other.Id, cancellationToken);
        var ties = consentedTies.Where(tie => names.ContainsKey(tie.OtherResidentId))
            .Select(tie => (Tie: tie, Other: names[tie.OtherResidentId]))
            .OrderBy(pair => pair.Tie.Kind).ThenBy(pair => pair.Other.FamilyName, StringComparer.Ordinal).ThenBy(pair => pair.Other.GivenName, StringComparer.Ordinal)
            .Select(pair => new TieView(pair.Other.Id, pair.Other.GivenName + " " + pair.Other.FamilyName, pair.Tie.Kind))
            .ToList();

        return new ResidentDetail(resident.Id, $"{resident.GivenName} {resident.FamilyName}", year - resident.BirthYear,
            resident.AddressLine, resident.Postcode, resident.Code, resident.Name, resident.HasAccount, resident.Email, resident.Phone, consents, ties);
    }
}
