using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Services;

public sealed record NeedOption(Guid Id, string Name, int Depth);

public sealed record WardOption(int Id, string Code, string Name);

public sealed record ScheduleView(string? ByDay, string? OpensAt, string? ClosesAt, string? Description);

public sealed record ServicePageView(DirectoryService Service, string? Organization, string? Ward, string? WardCode, IReadOnlyList<string> Phones,
    IReadOnlyList<(string? Name, string? Title, string? Email)> Contacts, IReadOnlyList<ScheduleView> Schedules,
    IReadOnlyList<(string? Name, string? Address, string? Postcode)> Locations, IReadOnlyList<string> Needs);

/// <summary>The search as residents and coordinators use it: the index's hits with the names a page shows.</summary>
public sealed class ServiceSearchPage(AppDbContext db, DirectorySearch search)
{
    public async Task<(IReadOnlyList<SearchResultView> Results, Dictionary<string, string> Errors)> SearchAsync(string? words, Guid? need, string? wardCode, int limit, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        int? wardId = null;
        if (!string.IsNullOrWhiteSpace(wardCode))
        {
            wardId = await db.Wards.Where(w => w.Code == wardCode).Select(w => (int?)w.Id).SingleOrDefaultAsync(ct);
            if (wardId is null)
            {
                errors["ward"] = $"\"{wardCode}\" is not the code of a ward of the borough";
            }
        }
        if (words is { Length: > 200 })
        {
            errors["q"] = "Search for 200 characters or fewer";
        }
        if (errors.Count > 0)
        {
            return ([], errors);
        }
        var hits = await search.SearchAsync(new DirectorySearchQuery(words, need, wardId), limit, ct);
        var ids = hits.Select(h => h.ServiceId).ToList();
        var rows = await db.DirectoryServices.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new
            {
                s.Id,
                s.Name,
                s.Description,
                Organization = db.DirectoryOrganizations.Where(o => o.Id == s.OrganizationId).Select(o => o.Name).FirstOrDefault(),
                Ward = db.Wards.Where(w => w.Id == s.WardId).Select(w => w.Name).FirstOrDefault(),
            })
            .ToDictionaryAsync(s => s.Id, ct);
        return ([.. hits.Where(h => rows.ContainsKey(h.ServiceId)).Select(h =>
        {
            var row = rows[h.ServiceId];
            return new SearchResultView(row.Id, row.Name, row.Description, row.Organization, row.Ward, h.Score);
        })], errors);
    }

    /// <summary>Needs as a tree flattened in order (broader first), for the search form.</summary>
    public async Task<IReadOnlyList<NeedOption>> NeedsAsync(CancellationToken ct)
    {
        var terms = await db.DirectoryTaxonomyTerms.AsNoTracking().Select(t => new { t.Id, t.Name, t.ParentId }).ToListAsync(ct);
        var children = terms.ToLookup(t => t.ParentId);
        var list = new List<NeedOption>();
        void Walk(Guid? parent, int depth)
        {
            foreach (var term in children[parent].OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase))
            {
                list.Add(new NeedOption(term.Id, term.Name, depth));
                Walk(term.Id, depth + 1);
            }
        }
        Walk(null, 0);
        return list;
    }

    public async Task<IReadOnlyList<WardOption>> WardsAsync(CancellationToken ct) =>
        await db.Wards.AsNoTracking().OrderBy(w => w.Name).Select(w => new WardOption(w.Id, w.Code, w.Name)).ToListAsync(ct);
}

/// <summary>What the service pages and the manager's page read.</summary>
public sealed class ServiceReads(AppDbContext db, TimeProvider time)
{
    public async Task<ServicePageView?> ServiceAsync(Guid id, CancellationToken ct)
    {
        var service = await db.DirectoryServices.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (service is null)
        {
            return null;
        }
        var organization = await db.DirectoryOrganizations.Where(o => o.Id == service.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        var ward = await db.Wards.Where(w => w.Id == service.WardId).Select(w => new { w.Name, w.Code }).FirstOrDefaultAsync(ct);
        var phones = await db.DirectoryPhones.Where(p => p.ServiceId == id).OrderBy(p => p.Id).Select(p => p.Number).ToListAsync(ct);
        var contacts = await db.DirectoryContacts.Where(c => c.ServiceId == id).OrderBy(c => c.Id).Select(c => new { c.Name, c.Title, c.Email }).ToListAsync(ct);
        var schedules = await db.DirectorySchedules.Where(s => s.ServiceId == id || db.DirectoryServiceAtLocations.Any(l => l.ServiceId == id && l.Id == s.ServiceAtLocationId))
            .OrderBy(s => s.Id).Select(s => new ScheduleView(s.ByDay, s.OpensAt, s.ClosesAt, s.Description)).ToListAsync(ct);
        var locations = await db.DirectoryServiceAtLocations.Where(l => l.ServiceId == id)
            .Join(db.DirectoryLocations, s => s.LocationId, l => l.Id, (s, l) => new { l.Name, l.Address1, l.PostalCode }).ToListAsync(ct);
        var needs = await db.DirectoryServiceTerms.Where(t => t.ServiceId == id)
            .Join(db.DirectoryTaxonomyTerms, s => s.TaxonomyTermId, t => t.Id, (s, t) => t.Name).OrderBy(n => n).ToListAsync(ct);
        return new ServicePageView(service, organization, ward?.Name, ward?.Code, phones, [.. contacts.Select(c => (c.Name, c.Title, c.Email))], schedules,
            [.. locations.Select(l => (l.Name, l.Address1, l.PostalCode))], needs);
    }

    public async Task<IReadOnlyList<PublicFeedbackView>?> FeedbackAsync(Guid serviceId, CancellationToken ct, int take = 50)
    {
        if (!await db.DirectoryServices.AnyAsync(s => s.Id == serviceId, ct))
        {
            return null;
        }
        var now = time.GetUtcNow().UtcDateTime;
        return await db.ServiceFeedback.AsNoTracking().Where(f => f.ServiceId == serviceId && f.Comment != null)
            .OrderByDescending(f => f.At).ThenByDescending(f => f.Id).Take(take)
            .Select(f => new PublicFeedbackView(f.Id, f.Rating, f.Comment, f.At, f.Reply, f.RepliedAt, f.ReplyDueAt, f.RepliedAt == null && f.ReplyDueAt < now))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<PublicProblemView>?> ProblemsAsync(Guid serviceId, CancellationToken ct, int take = 50)
    {
        if (!await db.DirectoryServices.AnyAsync(s => s.Id == serviceId, ct))
        {
            return null;
        }
        var now = time.GetUtcNow().UtcDateTime;
        return await db.ProblemReports.AsNoTracking().Where(r => r.ServiceId == serviceId)
            .OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id).Take(take)
            .Select(r => new PublicProblemView(r.Id, r.Category, r.Description, r.Place, r.Status, r.ReportedAt, r.RespondBy, r.Response, r.RespondedAt,
                r.RespondedAt == null && r.RespondBy < now))
            .ToListAsync(ct);
    }

    /// <summary>Overdue replies for managers, oldest first; a resident is named only where they agreed to it.</summary>
    public async Task<IReadOnlyList<OverdueItem>> OverdueAsync(CancellationToken ct, int take = 200)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var reports = await db.ProblemReports.AsNoTracking().Where(r => r.RespondedAt == null && r.RespondBy < now).OrderBy(r => r.RespondBy).Take(take)
            .Join(db.DirectoryServices, r => r.ServiceId, s => s.Id, (r, s) => new OverdueItem("problem", r.Id, s.Id, s.Name, r.Description, r.RespondBy, null))
            .ToListAsync(ct);
        var comments = await db.ServiceFeedback.AsNoTracking().Where(f => f.RepliedAt == null && f.ReplyDueAt < now).OrderBy(f => f.ReplyDueAt).Take(take)
            .Join(db.DirectoryServices, f => f.ServiceId, s => s.Id, (f, s) => new
            {
                f.Id,
                ServiceId = s.Id,
                s.Name,
                f.Comment,
                f.ReplyDueAt,
                Resident = f.NameSharedWithManager ? db.Residents.Where(r => r.Id == f.ResidentId).Select(r => r.GivenName + " " + r.FamilyName).FirstOrDefault() : null,
            })
            .ToListAsync(ct);
        return [.. reports.Concat(comments.Select(c => new OverdueItem("comment", c.Id, c.ServiceId, c.Name, c.Comment ?? "", c.ReplyDueAt!.Value, c.Resident)))
            .OrderBy(i => i.DueAt).Take(take)];
    }
}
