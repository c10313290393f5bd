using System.ComponentModel;
using Connective.Web.Data;
using Connective.Web.Platform.ConsentPath;
using Connective.Web.Platform.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Community;

/// <summary>
/// A ward's or the borough's network statistics as published: counts under disclosure control, shares of the published
/// counts, and averages only over a published number of people.
/// </summary>
public sealed record PublishedNetworkStatistics(
    [property: Description("Residents who consented to network insight. " + DisclosureControl.CountDescription)] int? ConsentingResidents,
    [property: Description("Ties between two consenting residents with at least one end here. " + DisclosureControl.CountDescription)] int? Ties,
    [property: Description("Average ties a person in the network. Null when the number of people it averages over is suppressed or zero.")] double? MeanDegree,
    [property: Description("Share (0 to 1) of the people in the network with no ties, computed from the published (rounded) counts. Null when either count is suppressed or nobody is in the network.")] double? ShareWithNoTies,
    [property: Description("Average local clustering (0 to 1; people with fewer than two ties count 0). Null when the number of people it averages over is suppressed or zero.")] double? AverageClustering);

/// <summary>A ward with its published counts and network statistics.</summary>
public sealed record WardSummary(
    int Id, string Code, string Name,
    [property: Description("Residents living in the ward. " + DisclosureControl.CountDescription)] int? Residents,
    [property: Description("Households in the ward. " + DisclosureControl.CountDescription)] int? Households,
    PublishedNetworkStatistics Network);

/// <summary>All wards, and the published figures of the whole borough.</summary>
public sealed record WardList(
    IReadOnlyList<WardSummary> Wards, PublishedNetworkStatistics Borough,
    [property: Description("Residents of the borough. " + DisclosureControl.CountDescription)] int? Residents);

/// <summary>Residents of a ward in an age band, as published.</summary>
public sealed record AgeBandCount(string Band, [property: Description("Residents in the band. " + DisclosureControl.CountDescription)] int? Residents);

/// <summary>A service or circle listed on a ward page.</summary>
public sealed record WardListing(string Name, string Description);

/// <summary>One resident in a ward's list (for staff whose scope covers the ward).</summary>
public sealed record ResidentListItem(int Id, string Name, int Age, string Address);

/// <summary>Everything the ward page shows, every figure as published.</summary>
public sealed record WardDetail(
    WardSummary Summary, double CentroidLatitude, double CentroidLongitude,
    [property: Description("Adults (16 and over) without an account, reached through coordinators. " + DisclosureControl.CountDescription)] int? OfflineResidents,
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

    private static readonly string[] AgeBandNames = ["0 to 15", "16 to 64", "65 to 74", "75 and over"];

    /// <summary>The wards with their figures as the public sees them (disclosure control applied).</summary>
    public async Task<WardList> WardsAsync(CancellationToken cancellationToken)
    {
        var published = await PublishedWardsAsync(cancellationToken);
        return new WardList(published.Wards, published.Borough, published.Population.GrandTotal.Value);
    }

    /// <summary>One ward with its figures as the public sees them; the same figures as in <see cref="WardsAsync"/>.</summary>
    public async Task<WardDetail?> WardAsync(string code, CancellationToken cancellationToken)
    {
        var published = await PublishedWardsAsync(cancellationToken);
        var index = published.Wards.ToList().FindIndex(ward => ward.Code == code);
        if (index < 0)
        {
            return null;
        }
        var ward = published.Wards[index];
        var adultBirthYear = time.GetUtcNow().Year - 16;
        var offline = await db.Residents.CountAsync(resident => resident.WardId == ward.Id && !resident.HasAccount && resident.BirthYear <= adultBirthYear, cancellationToken);
        var services = await db.Services.AsNoTracking().Where(service => service.WardId == ward.Id).OrderBy(service => service.Name)
            .Select(service => new WardListing(service.Name, service.Description)).ToListAsync(cancellationToken);
        var circles = await db.Circles.AsNoTracking().Where(circle => circle.WardId == ward.Id).OrderBy(circle => circle.Name)
            .Select(circle => new WardListing(circle.Name, circle.Description)).ToListAsync(cancellationToken);
        var ageBands = AgeBandNames.Select((band, column) => new AgeBandCount(band, published.Population.Cells[index, column].Value)).ToList();
        // No published total adds up the wards' offline adults, so the count on its own is enough.
        return new WardDetail(ward, published.Centroids[index].Latitude, published.Centroids[index].Longitude,
            DisclosureControl.Count(offline).Value, ageBands, services, circles);
    }

    /// <summary>A ward's exact number of residents, for paging its list of named people (staff only).</summary>
    public Task<int> ResidentCountAsync(int wardId, CancellationToken cancellationToken) =>
        db.Residents.CountAsync(resident => resident.WardId == wardId, cancellationToken);

    private sealed record PublishedWards(
        IReadOnlyList<WardSummary> Wards, IReadOnlyList<(double Latitude, double Longitude)> Centroids, PublishedTable Population, PublishedNetworkStatistics Borough);

    /// <summary>
    /// Every public ward figure, computed together so that each is published once and the same on every page: the
    /// residents by ward and age band as one table (its row totals are the wards' residents, its grand total the
    /// borough's), and each per-ward count that adds up to a borough figure as one column with that total.
    /// </summary>
    private async Task<PublishedWards> PublishedWardsAsync(CancellationToken cancellationToken)
    {
        var wards = await db.Wards.AsNoTracking().OrderBy(ward => ward.Name)
            .Select(ward => new { ward.Id, ward.Code, ward.Name, ward.CentroidLatitude, ward.CentroidLongitude })
            .ToListAsync(cancellationToken);
        var byBirthYear = await db.Residents.AsNoTracking().GroupBy(resident => new { resident.WardId, resident.BirthYear })
            .Select(group => new { group.Key.WardId, group.Key.BirthYear, Count = group.Count() })
            .ToListAsync(cancellationToken);
        var households = await db.Households.AsNoTracking().GroupBy(household => household.WardId)
            .Select(group => new { WardId = group.Key, Count = group.Count() })
            .ToDictionaryAsync(row => row.WardId, row => row.Count, cancellationToken);
        var snapshot = await network.GetAsync(db, cancellationToken);

        var year = time.GetUtcNow().Year;
        var row = wards.Select((ward, index) => (ward.Id, index)).ToDictionary(pair => pair.Id, pair => pair.index);
        var population = new int[wards.Count, AgeBandNames.Length];
        foreach (var group in byBirthYear)
        {
            if (row.TryGetValue(group.WardId, out var r))
            {
                population[r, AgeBand(year - group.BirthYear)] += group.Count;
            }
        }
        var populationTable = DisclosureControl.Table(population);
        var exactNetworks = wards.Select(ward => snapshot.ForWard(ward.Id)).ToList();
        var consenting = DisclosureControl.Column([.. exactNetworks.Select(statistics => statistics.ConsentingResidents)]);
        var withoutTies = DisclosureControl.Column([.. exactNetworks.Select(PeopleWithoutTies)]);
        var householdColumn = DisclosureControl.Column([.. wards.Select(ward => households.GetValueOrDefault(ward.Id))]);

        var summaries = wards.Select((ward, r) => new WardSummary(
            ward.Id, ward.Code, ward.Name, populationTable.RowTotals[r].Value, householdColumn.Cells[r].Value,
            Publish(exactNetworks[r], consenting.Cells[r], withoutTies.Cells[r]))).ToList();
        return new PublishedWards(
            summaries, [.. wards.Select(ward => (ward.CentroidLatitude, ward.CentroidLongitude))], populationTable,
            Publish(snapshot.Borough, consenting.Total, withoutTies.Total));
    }

    private static int AgeBand(int age) => age switch { <= 15 => 0, <= 64 => 1, <= 74 => 2, _ => 3 };

    // The snapshot keeps the share of people without ties; the count behind it is a whole number.
    private static int PeopleWithoutTies(WardNetworkStatistics statistics) =>
        (int)Math.Round(statistics.ShareWithNoTies * statistics.ConsentingResidents);

    /// <summary>
    /// Ties have no published total to add up to (a tie across two wards counts in both), so each is published on its own;
    /// the averages are published only over a published number of people.
    /// </summary>
    private static PublishedNetworkStatistics Publish(WardNetworkStatistics exact, PublishedCount people, PublishedCount withoutTies) => new(
        people.Value,
        DisclosureControl.Count(exact.Ties).Value,
        DisclosureControl.Average(exact.MeanDegree, people),
        DisclosureControl.Share(withoutTies, people),
        DisclosureControl.Average(exact.AverageClustering, people));

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
