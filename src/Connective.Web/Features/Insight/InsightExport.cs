using Connective.Web.Data;
using Connective.Web.Platform.DataRights;
using Microsoft.EntityFrameworkCore;
using static Connective.Web.Platform.DataRights.PersonalDataExport;

namespace Connective.Web.Features.Insight;

/// <summary>
/// Insight's part of a person's download: the life events recorded about them (not who recorded them: staff are named
/// to a person through "who looked at my data", by role). Network measures are computed, never stored, so there are none to download.
/// </summary>
internal sealed class InsightExport : IExportParticipant
{
    public IReadOnlyCollection<Type> Exports { get; } = [typeof(LifeEvent)];

    public IReadOnlyDictionary<Type, string> Withheld { get; } = new Dictionary<Type, string>();

    public async Task<IReadOnlyList<Section>> ExportAsync(AppDbContext db, DataSubject person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        if (person.ResidentId is not { } id)
        {
            return [];
        }
        return
        [
            new("life-events", [.. (await db.LifeEvents.AsNoTracking().Where(row => row.ResidentId == id).OrderBy(row => row.Id).ToListAsync(cancellationToken))
                .Select(row => Row(("What", InsightQueries.Describe(row.Kind)), ("OccurredOn", DateOnly.FromDateTime(row.OccurredAt)), ("RecordedAt", row.RecordedAt)))]),
        ];
    }
}

/// <summary>Erasure deletes the person's life events: nothing in Insight has to be kept.</summary>
internal sealed class InsightErasure : IErasureParticipant
{
    public async Task<IReadOnlyList<ErasureItem>> EraseAsync(AppDbContext db, DataSubject person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        if (person.ResidentId is not { } id)
        {
            return [];
        }
        var count = await db.LifeEvents.Where(row => row.ResidentId == id).ExecuteDeleteAsync(cancellationToken);
        return [ErasureItem.Deleted("Life events recorded in Insight", count)];
    }
}
