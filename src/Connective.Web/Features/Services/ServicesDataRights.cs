using Connective.Web.Data;
using Connective.Web.Platform.DataRights;
using Microsoft.EntityFrameworkCore;
using static Connective.Web.Platform.DataRights.PersonalDataExport;

namespace Connective.Web.Features.Services;

/// <summary>Services' part of a person's download: the ratings, comments, problem reports and corrections they gave.</summary>
internal sealed class ServicesExport : IExportParticipant
{
    public IReadOnlyCollection<Type> Exports { get; } = [typeof(ServiceFeedback), typeof(ProblemReport), typeof(DirectoryCorrection)];

    public IReadOnlyDictionary<Type, string> Withheld { get; } = new Dictionary<Type, string>();

    public async Task<IReadOnlyList<Section>> ExportAsync(AppDbContext db, DataSubject person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        if (person.ResidentId is not { } id)
        {
            return [];
        }
        var ct = cancellationToken;
        return
        [
            new("service-feedback", [.. (await db.ServiceFeedback.AsNoTracking().Where(f => f.ResidentId == id).OrderBy(f => f.Id)
                .Join(db.DirectoryServices, f => f.ServiceId, s => s.Id, (f, s) => new { f, s.Name }).ToListAsync(ct))
                .Select(r => Row(("Service", r.Name), ("Rating", r.f.Rating), ("Comment", r.f.Comment), ("NameSharedWithManager", r.f.NameSharedWithManager),
                    ("At", r.f.At), ("Reply", r.f.Reply), ("RepliedAt", r.f.RepliedAt)))]),
            new("problem-reports", [.. (await db.ProblemReports.AsNoTracking().Where(p => p.ResidentId == id).OrderBy(p => p.Id)
                .Join(db.DirectoryServices, p => p.ServiceId, s => s.Id, (p, s) => new { p, s.Name }).ToListAsync(ct))
                .Select(r => Row(("Service", r.Name), ("Category", r.p.Category.ToString()), ("Description", r.p.Description), ("Place", r.p.Place),
                    ("Latitude", r.p.Latitude), ("Longitude", r.p.Longitude), ("Status", r.p.Status.ToString()), ("ReportedAt", r.p.ReportedAt),
                    ("RespondBy", r.p.RespondBy), ("Response", r.p.Response), ("RespondedAt", r.p.RespondedAt)))]),
            new("directory-corrections", [.. (await db.DirectoryCorrections.AsNoTracking().Where(c => c.SuggestedByResidentId == id).OrderBy(c => c.Id)
                .Join(db.DirectoryServices, c => c.ServiceId, s => s.Id, (c, s) => new { c, s.Name }).ToListAsync(ct))
                .Select(r => Row(("Service", r.Name), ("Field", r.c.Field.ToString()), ("ProposedValue", r.c.ProposedValue), ("Note", r.c.Note),
                    ("SuggestedAt", r.c.SuggestedAt), ("Status", r.c.Status.ToString()), ("ModeratorReason", r.c.ModeratorReason), ("DecidedAt", r.c.DecidedAt)))]),
        ];
    }
}

/// <summary>
/// Services' part in erasing a person. Comments are deleted with the link to the person; a rating is kept without
/// the link, because it was given anonymously to the public and the service's published figures rest on it. Problem
/// reports and accepted corrections are kept without the link: they are the public record of what was wrong with a
/// service and what it did, and the directory's history.
/// </summary>
internal sealed class ServicesErasure : IErasureParticipant
{
    public async Task<IReadOnlyList<ErasureItem>> EraseAsync(AppDbContext db, DataSubject person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        if (person.ResidentId is not { } id)
        {
            return [];
        }
        var ct = cancellationToken;
        var comments = await db.ServiceFeedback.Where(f => f.ResidentId == id && f.Comment != null)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.Comment, (string?)null).SetProperty(f => f.ReplyDueAt, (DateTime?)null), ct);
        var ratings = await db.ServiceFeedback.Where(f => f.ResidentId == id)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.ResidentId, (int?)null).SetProperty(f => f.NameSharedWithManager, false), ct);
        var reports = await db.ProblemReports.Where(r => r.ResidentId == id).ExecuteUpdateAsync(set => set.SetProperty(r => r.ResidentId, (int?)null), ct);
        var corrections = await db.DirectoryCorrections.Where(c => c.SuggestedByResidentId == id)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.SuggestedByResidentId, (int?)null), ct);
        return
        [
            ErasureItem.Deleted("Comments you wrote on services", comments),
            ErasureItem.Kept("Ratings you gave services", ratings, "They were published without your name and the services' figures rest on them; they no longer point to you."),
            ErasureItem.Kept("Problems you reported", reports, "They are the public record of what was wrong with a service and how it answered; they no longer point to you."),
            ErasureItem.Kept("Corrections you suggested to the directory", corrections, "They are the directory's history of changes; they no longer point to you."),
        ];
    }
}
