using System.Globalization;
using System.Text.Json;
using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Services;

/// <summary>One thing wrong with an import, at a JSON path such as <c>$.services[3].status</c>.</summary>
public sealed record ImportError(string Path, string Message);

public sealed record ImportResult(int Organizations, int Taxonomies, int TaxonomyTerms, int Services, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports an HSDS JSON directory (the shape <see cref="DirectoryQueries.ExportAsync"/> writes): everything is checked
/// first and every error named by its JSON path; a file with any error writes nothing. Items are matched by id, so
/// importing the same file twice changes nothing, and each changed field of an existing service is kept in its history.
/// </summary>
public sealed class HsdsImport(AppDbContext db, DirectorySearch search, TimeProvider time)
{
    private static readonly string[] LocationTypes = ["physical", "postal", "virtual"];
    private static readonly string[] Frequencies = ["WEEKLY", "MONTHLY"];

    public async Task<ImportResult> ImportAsync(Stream json, CancellationToken ct)
    {
        HsdsDirectory? directory;
        try
        {
            directory = await JsonSerializer.DeserializeAsync<HsdsDirectory>(json, HsdsJson.Options, ct);
        }
        catch (JsonException error)
        {
            // The serializer's message names the path and line; a bad UUID or a string where a number belongs lands here.
            return Failed(new ImportError(error.Path ?? "$", $"Not valid HSDS JSON at line {error.LineNumber + 1}: {FirstSentence(error.Message)}"));
        }
        if (directory is null)
        {
            return Failed(new ImportError("$", "The file is empty: expected an object with organizations, taxonomies, taxonomy_terms and services."));
        }
        var errors = await ValidateAsync(directory, ct);
        if (errors.Count > 0)
        {
            return Failed([.. errors]);
        }
        await WriteAsync(directory, ct);
        search.Invalidate();
        return new ImportResult(directory.Organizations?.Count ?? 0, directory.Taxonomies?.Count ?? 0, directory.TaxonomyTerms?.Count ?? 0,
            directory.Services?.Count ?? 0, []);
    }

    private static ImportResult Failed(params ImportError[] errors) => new(0, 0, 0, 0, errors);

    private static string FirstSentence(string message) => message.Split(". Path:", 2)[0];

    private async Task<List<ImportError>> ValidateAsync(HsdsDirectory d, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        void Need(bool ok, string path, string message)
        {
            if (!ok)
            {
                errors.Add(new ImportError(path, message));
            }
        }
        void Text(string? value, string path, int max, bool required)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Need(!required, path, "is required");
            }
            else
            {
                Need(value.Length <= max, path, $"is {value.Length} characters; at most {max} are kept");
            }
        }
        var seen = new HashSet<Guid>();
        void Id(Guid id, string path)
        {
            Need(id != Guid.Empty, path, "is required (a UUID)");
            Need(id == Guid.Empty || seen.Add(id), path, $"{id} is used twice in the file");
        }

        var organizations = d.Organizations ?? [];
        var taxonomies = d.Taxonomies ?? [];
        var terms = d.TaxonomyTerms ?? [];
        var services = d.Services ?? [];
        var knownOrganizations = (await db.DirectoryOrganizations.Select(o => o.Id).ToListAsync(ct)).Concat(organizations.Select(o => o.Id)).ToHashSet();
        var knownTaxonomies = (await db.DirectoryTaxonomies.Select(t => t.Id).ToListAsync(ct)).Concat(taxonomies.Select(t => t.Id)).ToHashSet();
        var knownTerms = (await db.DirectoryTaxonomyTerms.Select(t => t.Id).ToListAsync(ct)).Concat(terms.Select(t => t.Id)).ToHashSet();
        var wardCodes = await db.Wards.Select(w => w.Code).ToListAsync(ct);

        for (var i = 0; i < organizations.Count; i++)
        {
            var o = organizations[i];
            var at = $"$.organizations[{i}]";
            Id(o.Id, at + ".id");
            Text(o.Name, at + ".name", DirectoryLimits.Name, required: true);
            Text(o.Description, at + ".description", DirectoryLimits.Text, required: true);
            Text(o.Email, at + ".email", DirectoryLimits.Email, required: false);
            Text(o.Website, at + ".website", DirectoryLimits.Url, required: false);
        }
        for (var i = 0; i < taxonomies.Count; i++)
        {
            var t = taxonomies[i];
            var at = $"$.taxonomies[{i}]";
            Id(t.Id, at + ".id");
            Text(t.Name, at + ".name", DirectoryLimits.Name, required: true);
            Text(t.Description, at + ".description", DirectoryLimits.Text, required: true);
        }
        for (var i = 0; i < terms.Count; i++)
        {
            var t = terms[i];
            var at = $"$.taxonomy_terms[{i}]";
            Id(t.Id, at + ".id");
            Text(t.Name, at + ".name", DirectoryLimits.Name, required: true);
            Text(t.Description, at + ".description", DirectoryLimits.Text, required: true);
            Need(t.TaxonomyId is not { } taxonomy || knownTaxonomies.Contains(taxonomy), at + ".taxonomy_id", $"{t.TaxonomyId} is no taxonomy in the file or the directory");
            Need(t.ParentId is not { } parent || knownTerms.Contains(parent), at + ".parent_id", $"{t.ParentId} is no taxonomy term in the file or the directory");
        }
        for (var i = 0; i < services.Count; i++)
        {
            var s = services[i];
            var at = $"$.services[{i}]";
            Id(s.Id, at + ".id");
            Text(s.Name, at + ".name", DirectoryLimits.Name, required: true);
            Text(s.Description, at + ".description", DirectoryLimits.Text, required: false);
            Need(DirectoryServiceStatus.All.Contains(s.Status), at + ".status", $"\"{s.Status}\" is not an HSDS status ({string.Join(", ", DirectoryServiceStatus.All)})");
            Need(s.OrganizationId is not { } organization || knownOrganizations.Contains(organization), at + ".organization_id",
                $"{s.OrganizationId} is no organization in the file or the directory");
            Text(s.Email, at + ".email", DirectoryLimits.Email, required: false);
            Text(s.Url, at + ".url", DirectoryLimits.Url, required: false);
            Text(s.EligibilityDescription, at + ".eligibility_description", DirectoryLimits.Text, required: false);
            Need(s.MinimumAge is not < 0, at + ".minimum_age", "cannot be negative");
            Need(s.MinimumAge is not { } min || s.MaximumAge is not { } max || min <= max, at + ".maximum_age", "is below minimum_age");
            for (var j = 0; j < (s.Phones?.Count ?? 0); j++)
            {
                Id(s.Phones![j].Id, $"{at}.phones[{j}].id");
                Text(s.Phones[j].Number, $"{at}.phones[{j}].number", 30, required: true);
            }
            for (var j = 0; j < (s.Contacts?.Count ?? 0); j++)
            {
                var c = s.Contacts![j];
                Id(c.Id, $"{at}.contacts[{j}].id");
                Text(c.Name, $"{at}.contacts[{j}].name", DirectoryLimits.Name, required: false);
                Text(c.Email, $"{at}.contacts[{j}].email", DirectoryLimits.Email, required: false);
                for (var k = 0; k < (c.Phones?.Count ?? 0); k++)
                {
                    Id(c.Phones![k].Id, $"{at}.contacts[{j}].phones[{k}].id");
                    Text(c.Phones[k].Number, $"{at}.contacts[{j}].phones[{k}].number", 30, required: true);
                }
            }
            ValidateSchedules(s.Schedules, at + ".schedules", Id, Need);
            for (var j = 0; j < (s.ServiceAreas?.Count ?? 0); j++)
            {
                var area = s.ServiceAreas![j];
                Need(area.Extent is null || wardCodes.Contains(area.Extent), $"{at}.service_areas[{j}].extent", $"\"{area.Extent}\" is not the GSS code of a ward of the borough");
            }
            for (var j = 0; j < (s.ServiceAtLocations?.Count ?? 0); j++)
            {
                var sal = s.ServiceAtLocations![j];
                var salAt = $"{at}.service_at_locations[{j}]";
                Id(sal.Id, salAt + ".id");
                Need(sal.Location is not null, salAt + ".location", "is required: the location, nested");
                if (sal.Location is { } location)
                {
                    Need(location.Id == sal.LocationId, salAt + ".location.id", "differs from location_id");
                    Need(LocationTypes.Contains(location.LocationType), salAt + ".location.location_type", $"\"{location.LocationType}\" is not physical, postal or virtual");
                    Need(location.Latitude is not { } lat || lat is >= -90 and <= 90, salAt + ".location.latitude", "is outside -90 to 90");
                    Need(location.Longitude is not { } lon || lon is >= -180 and <= 180, salAt + ".location.longitude", "is outside -180 to 180");
                }
                ValidateSchedules(sal.Schedules, salAt + ".schedules", Id, Need);
            }
            for (var j = 0; j < (s.Attributes?.Count ?? 0); j++)
            {
                var a = s.Attributes![j];
                Id(a.Id, $"{at}.attributes[{j}].id");
                Need(knownTerms.Contains(a.TaxonomyTermId), $"{at}.attributes[{j}].taxonomy_term_id", $"{a.TaxonomyTermId} is no taxonomy term in the file or the directory");
            }
        }
        return errors;
    }

    private static void ValidateSchedules(IReadOnlyList<HsdsSchedule>? schedules, string at, Action<Guid, string> id, Action<bool, string, string> need)
    {
        for (var j = 0; j < (schedules?.Count ?? 0); j++)
        {
            var s = schedules![j];
            id(s.Id, $"{at}[{j}].id");
            need(s.Freq is null || Frequencies.Contains(s.Freq), $"{at}[{j}].freq", $"\"{s.Freq}\" is not WEEKLY or MONTHLY");
            need(s.OpensAt is null || IsTime(s.OpensAt), $"{at}[{j}].opens_at", $"\"{s.OpensAt}\" is not a time such as 09:00");
            need(s.ClosesAt is null || IsTime(s.ClosesAt), $"{at}[{j}].closes_at", $"\"{s.ClosesAt}\" is not a time such as 17:30");
        }
    }

    private static bool IsTime(string value) =>
        TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private async Task WriteAsync(HsdsDirectory d, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await CallerOrOwnTransaction.BeginAsync(db, ct);
        var wards = await db.Wards.ToDictionaryAsync(w => w.Code, w => w.Id, ct);

        foreach (var o in d.Organizations ?? [])
        {
            var row = await db.DirectoryOrganizations.FindAsync([o.Id], ct);
            if (row is null)
            {
                row = new DirectoryOrganization { Id = o.Id, Name = o.Name, Description = o.Description };
                db.DirectoryOrganizations.Add(row);
            }
            (row.Name, row.AlternateName, row.Description, row.Email, row.Website, row.LastModified) = (o.Name, o.AlternateName, o.Description, o.Email, o.Website, now);
        }
        foreach (var t in d.Taxonomies ?? [])
        {
            var row = await db.DirectoryTaxonomies.FindAsync([t.Id], ct);
            if (row is null)
            {
                row = new DirectoryTaxonomy { Id = t.Id, Name = t.Name, Description = t.Description };
                db.DirectoryTaxonomies.Add(row);
            }
            (row.Name, row.Description, row.Uri, row.Version) = (t.Name, t.Description, t.Uri, t.Version);
        }
        await db.SaveChangesAsync(ct);
        // Terms may name parents later in the file: insert them all first, then set the parents.
        foreach (var t in d.TaxonomyTerms ?? [])
        {
            var row = await db.DirectoryTaxonomyTerms.FindAsync([t.Id], ct);
            if (row is null)
            {
                row = new DirectoryTaxonomyTerm { Id = t.Id, Name = t.Name, Description = t.Description };
                db.DirectoryTaxonomyTerms.Add(row);
            }
            (row.Name, row.Description, row.Code, row.TaxonomyId) = (t.Name, t.Description, t.Code, t.TaxonomyId);
        }
        await db.SaveChangesAsync(ct);
        foreach (var t in d.TaxonomyTerms ?? [])
        {
            (await db.DirectoryTaxonomyTerms.FindAsync([t.Id], ct))!.ParentId = t.ParentId;
        }
        await db.SaveChangesAsync(ct);

        foreach (var s in d.Services ?? [])
        {
            await WriteServiceAsync(s, wards, now, ct);
        }
        await transaction.CommitAsync(ct);
    }

    private async Task WriteServiceAsync(HsdsService s, Dictionary<string, int> wards, DateTime now, CancellationToken ct)
    {
        var wardId = s.ServiceAreas?.Select(a => a.Extent is { } code && wards.TryGetValue(code, out var id) ? id : (int?)null).FirstOrDefault(id => id is not null);
        var row = await db.DirectoryServices.FindAsync([s.Id], ct);
        if (row is null)
        {
            row = new DirectoryService { Id = s.Id, Name = s.Name, Description = s.Description ?? "", Status = s.Status };
            db.DirectoryServices.Add(row);
        }
        else
        {
            Track(row.Id, "name", row.Name, s.Name);
            Track(row.Id, "description", row.Description, s.Description ?? "");
            Track(row.Id, "status", row.Status, s.Status);
            Track(row.Id, "email", row.Email, s.Email);
            Track(row.Id, "eligibility_description", row.EligibilityDescription, s.EligibilityDescription);
        }
        (row.OrganizationId, row.Name, row.AlternateName, row.Description, row.Url, row.Email, row.Status) =
            (s.OrganizationId, s.Name, s.AlternateName, s.Description ?? "", s.Url, s.Email, s.Status);
        (row.EligibilityDescription, row.MinimumAge, row.MaximumAge, row.FeesDescription, row.ApplicationProcess, row.WardId, row.LastModified) =
            (s.EligibilityDescription, s.MinimumAge, s.MaximumAge, s.FeesDescription, s.ApplicationProcess, wardId, now);
        await db.SaveChangesAsync(ct);

        // The file's nested lists replace the service's: delete, then add what the file holds.
        await db.DirectoryPhones.Where(p => p.ServiceId == s.Id || db.DirectoryContacts.Any(c => c.ServiceId == s.Id && c.Id == p.ContactId)).ExecuteDeleteAsync(ct);
        await db.DirectoryContacts.Where(c => c.ServiceId == s.Id).ExecuteDeleteAsync(ct);
        await db.DirectorySchedules.Where(x => x.ServiceId == s.Id || db.DirectoryServiceAtLocations.Any(l => l.ServiceId == s.Id && l.Id == x.ServiceAtLocationId)).ExecuteDeleteAsync(ct);
        await db.DirectoryServiceAtLocations.Where(l => l.ServiceId == s.Id).ExecuteDeleteAsync(ct);
        await db.DirectoryServiceTerms.Where(t => t.ServiceId == s.Id).ExecuteDeleteAsync(ct);

        foreach (var p in s.Phones ?? [])
        {
            db.DirectoryPhones.Add(new DirectoryPhone { Id = p.Id, ServiceId = s.Id, Number = p.Number, Type = p.Type, Description = p.Description });
        }
        foreach (var c in s.Contacts ?? [])
        {
            db.DirectoryContacts.Add(new DirectoryContact { Id = c.Id, ServiceId = s.Id, Name = c.Name, Title = c.Title, Email = c.Email });
            foreach (var p in c.Phones ?? [])
            {
                db.DirectoryPhones.Add(new DirectoryPhone { Id = p.Id, ContactId = c.Id, Number = p.Number, Type = p.Type, Description = p.Description });
            }
        }
        foreach (var x in s.Schedules ?? [])
        {
            db.DirectorySchedules.Add(Schedule(x, serviceId: s.Id, atLocationId: null));
        }
        foreach (var sal in s.ServiceAtLocations ?? [])
        {
            var l = sal.Location!;
            var location = await db.DirectoryLocations.FindAsync([l.Id], ct);
            if (location is null)
            {
                location = new DirectoryLocation { Id = l.Id, LocationType = l.LocationType };
                db.DirectoryLocations.Add(location);
            }
            var address = l.Addresses is { Count: > 0 } addresses ? addresses[0] : null;
            (location.LocationType, location.OrganizationId, location.Name, location.Description, location.Latitude, location.Longitude) =
                (l.LocationType, l.OrganizationId, l.Name, l.Description, l.Latitude, l.Longitude);
            (location.Address1, location.City, location.PostalCode, location.WardId) = (address?.Address1, address?.City, address?.PostalCode, wardId);
            db.DirectoryServiceAtLocations.Add(new DirectoryServiceAtLocation { Id = sal.Id, ServiceId = s.Id, LocationId = l.Id, Description = sal.Description });
            foreach (var x in sal.Schedules ?? [])
            {
                db.DirectorySchedules.Add(Schedule(x, serviceId: null, atLocationId: sal.Id));
            }
        }
        foreach (var a in s.Attributes ?? [])
        {
            db.DirectoryServiceTerms.Add(new DirectoryServiceTerm { Id = a.Id, ServiceId = s.Id, TaxonomyTermId = a.TaxonomyTermId });
        }
        await db.SaveChangesAsync(ct);

        void Track(Guid id, string field, string? old, string? value)
        {
            if (!string.Equals(old, value, StringComparison.Ordinal))
            {
                db.DirectoryChanges.Add(new DirectoryChange { ServiceId = id, Field = field, OldValue = old, NewValue = value, At = now, Source = "import" });
            }
        }
    }

    private static DirectorySchedule Schedule(HsdsSchedule x, Guid? serviceId, Guid? atLocationId) => new()
    {
        Id = x.Id,
        ServiceId = serviceId,
        ServiceAtLocationId = atLocationId,
        Freq = x.Freq,
        ByDay = x.ByDay,
        OpensAt = x.OpensAt,
        ClosesAt = x.ClosesAt,
        Description = x.Description,
    };
}
