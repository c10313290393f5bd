using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Services;

/// <summary>
/// Reads the directory as HSDS documents. Nested services are assembled from one query per table for the whole page
/// (never one per service), so a page of 50 and the whole export cost the same number of round trips.
/// </summary>
public sealed class DirectoryQueries(AppDbContext db)
{
    public const int DefaultPerPage = 50;
    public const int MaxPerPage = 500;

    public static (int Page, int PerPage) Paging(int? page, int? perPage) =>
        (Math.Max(1, page ?? 1), Math.Clamp(perPage ?? DefaultPerPage, 1, MaxPerPage));

    public static HsdsPage<T> Page<T>(IReadOnlyList<T> contents, int total, int page, int perPage)
    {
        var pages = total == 0 ? 0 : (total + perPage - 1) / perPage;
        return new HsdsPage<T>(total, pages, page, contents.Count, page == 1, page >= pages, total == 0, contents);
    }

    /// <summary>Services, paged, with the standard's filters: a search, a taxonomy term or taxonomy, an organization, modified after.</summary>
    public async Task<HsdsPage<HsdsService>> ServicesAsync(ServiceFilter filter, int page, int perPage, bool full, CancellationToken ct)
    {
        var query = db.DirectoryServices.AsNoTracking();
        if (filter.TaxonomyTermId is { } termId)
        {
            query = query.Where(s => db.DirectoryServiceTerms.Any(t => t.ServiceId == s.Id && t.TaxonomyTermId == termId));
        }
        if (filter.TaxonomyId is { } taxonomyId)
        {
            query = query.Where(s => db.DirectoryServiceTerms.Any(t => t.ServiceId == s.Id
                && db.DirectoryTaxonomyTerms.Any(term => term.Id == t.TaxonomyTermId && term.TaxonomyId == taxonomyId)));
        }
        if (filter.OrganizationId is { } organizationId)
        {
            query = query.Where(s => s.OrganizationId == organizationId);
        }
        if (filter.ModifiedAfter is { } after)
        {
            query = query.Where(s => s.LastModified >= after);
        }
        if (filter.Ids is { } ids)
        {
            query = query.Where(s => ids.Contains(s.Id));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(s => s.Name).ThenBy(s => s.Id).Skip((page - 1) * perPage).Take(perPage).ToListAsync(ct);
        IReadOnlyList<HsdsService> contents = full ? await NestAsync(rows, ct) : [.. rows.Select(Brief)];
        return Page(contents, total, page, perPage);
    }

    public async Task<HsdsService?> ServiceAsync(Guid id, CancellationToken ct)
    {
        var row = await db.DirectoryServices.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        return row is null ? null : (await NestAsync([row], ct))[0];
    }

    public async Task<HsdsPage<HsdsOrganization>> OrganizationsAsync(int page, int perPage, CancellationToken ct)
    {
        var total = await db.DirectoryOrganizations.CountAsync(ct);
        var rows = await db.DirectoryOrganizations.AsNoTracking().OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Skip((page - 1) * perPage).Take(perPage).ToListAsync(ct);
        return Page([.. rows.Select(o => Organization(o))], total, page, perPage);
    }

    public async Task<HsdsOrganization?> OrganizationAsync(Guid id, CancellationToken ct)
    {
        var row = await db.DirectoryOrganizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (row is null)
        {
            return null;
        }
        var phones = await db.DirectoryPhones.AsNoTracking().Where(p => p.OrganizationId == id).OrderBy(p => p.Id).ToListAsync(ct);
        var contacts = await db.DirectoryContacts.AsNoTracking().Where(c => c.OrganizationId == id).OrderBy(c => c.Id).ToListAsync(ct);
        return Organization(row) with { Phones = [.. phones.Select(Phone)], Contacts = [.. contacts.Select(c => Contact(c, []))] };
    }

    public async Task<HsdsPage<HsdsServiceAtLocation>> ServiceAtLocationsAsync(int page, int perPage, CancellationToken ct)
    {
        var total = await db.DirectoryServiceAtLocations.CountAsync(ct);
        var rows = await db.DirectoryServiceAtLocations.AsNoTracking().OrderBy(s => s.Id)
            .Skip((page - 1) * perPage).Take(perPage)
            .Join(db.DirectoryLocations, s => s.LocationId, l => l.Id, (s, l) => new { s, l })
            .ToListAsync(ct);
        return Page([.. rows.Select(r => ServiceAtLocation(r.s, r.l, []))], total, page, perPage);
    }

    public async Task<HsdsServiceAtLocation?> ServiceAtLocationAsync(Guid id, CancellationToken ct)
    {
        var row = await db.DirectoryServiceAtLocations.AsNoTracking().Where(s => s.Id == id)
            .Join(db.DirectoryLocations, s => s.LocationId, l => l.Id, (s, l) => new { s, l }).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var schedules = await db.DirectorySchedules.AsNoTracking().Where(s => s.ServiceAtLocationId == id).OrderBy(s => s.Id).ToListAsync(ct);
        return ServiceAtLocation(row.s, row.l, schedules);
    }

    public async Task<HsdsPage<HsdsTaxonomy>> TaxonomiesAsync(int page, int perPage, CancellationToken ct)
    {
        var total = await db.DirectoryTaxonomies.CountAsync(ct);
        var rows = await db.DirectoryTaxonomies.AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.Id).Skip((page - 1) * perPage).Take(perPage).ToListAsync(ct);
        return Page([.. rows.Select(Taxonomy)], total, page, perPage);
    }

    public async Task<HsdsTaxonomy?> TaxonomyAsync(Guid id, CancellationToken ct) =>
        await db.DirectoryTaxonomies.AsNoTracking().Where(t => t.Id == id).ToListAsync(ct) is [var row] ? Taxonomy(row) : null;

    public async Task<HsdsPage<HsdsTaxonomyTerm>> TaxonomyTermsAsync(Guid? taxonomyId, int page, int perPage, CancellationToken ct)
    {
        var query = db.DirectoryTaxonomyTerms.AsNoTracking();
        if (taxonomyId is { } id)
        {
            query = query.Where(t => t.TaxonomyId == id);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(t => t.Name).ThenBy(t => t.Id).Skip((page - 1) * perPage).Take(perPage).ToListAsync(ct);
        return Page([.. rows.Select(t => Term(t))], total, page, perPage);
    }

    public async Task<HsdsTaxonomyTerm?> TaxonomyTermAsync(Guid id, CancellationToken ct)
    {
        var row = await db.DirectoryTaxonomyTerms.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (row is null)
        {
            return null;
        }
        var taxonomy = row.TaxonomyId is { } taxonomyId ? await db.DirectoryTaxonomies.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taxonomyId, ct) : null;
        return Term(row, taxonomy);
    }

    /// <summary>The whole directory, every service fully nested (the HSDS JSON export).</summary>
    public async Task<HsdsDirectory> ExportAsync(CancellationToken ct)
    {
        var organizations = await db.DirectoryOrganizations.AsNoTracking().OrderBy(o => o.Id).ToListAsync(ct);
        var taxonomies = await db.DirectoryTaxonomies.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);
        var terms = await db.DirectoryTaxonomyTerms.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);
        var services = await db.DirectoryServices.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        return new HsdsDirectory(HsdsJson.Version, [.. organizations.Select(o => Organization(o))], [.. taxonomies.Select(Taxonomy)],
            [.. terms.Select(t => Term(t))], await NestAsync(services, ct, wholeDirectory: true));
    }

    /// <summary>Nests the services' related rows: one query per table, filtered to these services unless it is the whole directory.</summary>
    private async Task<IReadOnlyList<HsdsService>> NestAsync(IReadOnlyList<DirectoryService> services, CancellationToken ct, bool wholeDirectory = false)
    {
        var ids = services.Select(s => s.Id).ToList();
        var organizationIds = services.Where(s => s.OrganizationId is not null).Select(s => s.OrganizationId!.Value).Distinct().ToList();
        var wardIds = services.Where(s => s.WardId is not null).Select(s => s.WardId!.Value).Distinct().ToList();

        var phones = await Scope(db.DirectoryPhones.AsNoTracking(), p => p.ServiceId != null && ids.Contains(p.ServiceId.Value), wholeDirectory, p => p.ServiceId != null)
            .OrderBy(p => p.Id).ToListAsync(ct);
        var contacts = await Scope(db.DirectoryContacts.AsNoTracking(), c => c.ServiceId != null && ids.Contains(c.ServiceId.Value), wholeDirectory, c => c.ServiceId != null)
            .OrderBy(c => c.Id).ToListAsync(ct);
        var contactIds = contacts.Select(c => c.Id).ToList();
        var contactPhones = await db.DirectoryPhones.AsNoTracking().Where(p => p.ContactId != null && contactIds.Contains(p.ContactId.Value)).OrderBy(p => p.Id).ToListAsync(ct);
        var schedules = await Scope(db.DirectorySchedules.AsNoTracking(), s => s.ServiceId != null && ids.Contains(s.ServiceId.Value), wholeDirectory, s => s.ServiceId != null)
            .OrderBy(s => s.Id).ToListAsync(ct);
        var atLocations = await Scope(db.DirectoryServiceAtLocations.AsNoTracking(), s => ids.Contains(s.ServiceId), wholeDirectory, _ => true)
            .Join(db.DirectoryLocations, s => s.LocationId, l => l.Id, (s, l) => new { s, l }).OrderBy(r => r.s.Id).ToListAsync(ct);
        var atLocationIds = atLocations.Select(r => r.s.Id).ToList();
        var atLocationSchedules = await db.DirectorySchedules.AsNoTracking()
            .Where(s => s.ServiceAtLocationId != null && (wholeDirectory || atLocationIds.Contains(s.ServiceAtLocationId.Value))).OrderBy(s => s.Id).ToListAsync(ct);
        var attributes = await Scope(db.DirectoryServiceTerms.AsNoTracking(), t => ids.Contains(t.ServiceId), wholeDirectory, _ => true)
            .Join(db.DirectoryTaxonomyTerms, a => a.TaxonomyTermId, t => t.Id, (a, t) => new { a, t }).OrderBy(r => r.a.Id).ToListAsync(ct);
        var organizations = await db.DirectoryOrganizations.AsNoTracking().Where(o => wholeDirectory || organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var wards = await db.Wards.AsNoTracking().Where(w => wholeDirectory || wardIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);

        var phonesOf = phones.ToLookup(p => p.ServiceId);
        var contactPhonesOf = contactPhones.ToLookup(p => p.ContactId);
        var contactsOf = contacts.ToLookup(c => c.ServiceId);
        var schedulesOf = schedules.ToLookup(s => s.ServiceId);
        var atLocationSchedulesOf = atLocationSchedules.ToLookup(s => s.ServiceAtLocationId);
        var atLocationsOf = atLocations.ToLookup(r => r.s.ServiceId);
        var attributesOf = attributes.ToLookup(r => r.a.ServiceId);

        return [.. services.Select(s => Brief(s) with
        {
            Organization = s.OrganizationId is { } o && organizations.TryGetValue(o, out var organization) ? Organization(organization) : null,
            Phones = [.. phonesOf[s.Id].Select(Phone)],
            Schedules = [.. schedulesOf[s.Id].Select(Schedule)],
            ServiceAreas = s.WardId is { } w && wards.TryGetValue(w, out var ward)
                ? [new HsdsServiceArea(WardAreaId(s.Id), s.Id, ward.Name, ward.Code, "ONS GSS ward code")]
                : [],
            ServiceAtLocations = [.. atLocationsOf[s.Id].Select(r => ServiceAtLocation(r.s, r.l, atLocationSchedulesOf[r.s.Id]))],
            Contacts = [.. contactsOf[s.Id].Select(c => Contact(c, contactPhonesOf[c.Id]))],
            Attributes = [.. attributesOf[s.Id].Select(r => new HsdsTermLink(r.a.Id, s.Id, r.t.Id, "taxonomy", "service", Term(r.t)))],
        })];
    }

    private static IQueryable<T> Scope<T>(IQueryable<T> query, System.Linq.Expressions.Expression<Func<T, bool>> forThese, bool wholeDirectory,
        System.Linq.Expressions.Expression<Func<T, bool>> forAny) =>
        query.Where(wholeDirectory ? forAny : forThese);

    /// <summary>The ward's service area has a stable id derived from the service's, so repeated exports agree.</summary>
    public static Guid WardAreaId(Guid serviceId)
    {
        var bytes = serviceId.ToByteArray();
        bytes[0] ^= 0x5A;
        return new Guid(bytes);
    }

    public static HsdsService Brief(DirectoryService s) => new(s.Id, s.OrganizationId, s.Name, s.AlternateName, s.Description, s.Url, s.Email, s.Status,
        s.ApplicationProcess, s.FeesDescription, s.EligibilityDescription, s.MinimumAge, s.MaximumAge, s.LastModified);

    private static HsdsOrganization Organization(DirectoryOrganization o) => new(o.Id, o.Name, o.AlternateName, o.Description, o.Email, o.Website);

    private static HsdsPhone Phone(DirectoryPhone p) => new(p.Id, p.Number, p.Type, p.Description, p.ServiceId, p.OrganizationId, p.ContactId);

    private static HsdsContact Contact(DirectoryContact c, IEnumerable<DirectoryPhone> phones) =>
        new(c.Id, c.Name, c.Title, c.Email, [.. phones.Select(Phone)], c.ServiceId, c.OrganizationId);

    private static HsdsSchedule Schedule(DirectorySchedule s) => new(s.Id, s.ServiceId, s.ServiceAtLocationId, s.Freq, s.ByDay, s.OpensAt, s.ClosesAt, s.Description);

    private static HsdsLocation Location(DirectoryLocation l) => new(l.Id, l.LocationType, l.OrganizationId, l.Name, l.Description, l.Latitude, l.Longitude,
        l.Address1 is { } line && l.City is { } city && l.PostalCode is { } postcode
            ? [new HsdsAddress(WardAreaId(l.Id), l.Id, line, city, "England", postcode, "GB", l.LocationType == "postal" ? "postal" : "physical")]
            : []);

    private static HsdsServiceAtLocation ServiceAtLocation(DirectoryServiceAtLocation s, DirectoryLocation l, IEnumerable<DirectorySchedule> schedules) =>
        new(s.Id, s.ServiceId, s.LocationId, s.Description, Location(l), [.. schedules.Select(Schedule)]);

    private static HsdsTaxonomy Taxonomy(DirectoryTaxonomy t) => new(t.Id, t.Name, t.Description, t.Uri, t.Version);

    private static HsdsTaxonomyTerm Term(DirectoryTaxonomyTerm t, DirectoryTaxonomy? taxonomy = null) =>
        new(t.Id, t.Code, t.Name, t.Description, t.ParentId, t.TaxonomyId, taxonomy is null ? null : Taxonomy(taxonomy));
}

/// <summary>The HSDS list filters for services.</summary>
public sealed record ServiceFilter(Guid? TaxonomyTermId = null, Guid? TaxonomyId = null, Guid? OrganizationId = null, DateTime? ModifiedAfter = null,
    IReadOnlyCollection<Guid>? Ids = null);
