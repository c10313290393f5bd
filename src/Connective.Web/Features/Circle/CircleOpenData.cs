using System.Runtime.CompilerServices;
using Connective.Web.Data;
using Connective.Web.Platform.OpenData;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Circle;

/// <summary>
/// Circle's dataset on the open data portal: per ward, circles' members and help asked for and given in the last twelve
/// months. The counts are handed over exact; the kernel publishes them through disclosure control.
/// </summary>
internal sealed class CircleActivityByWard(TimeProvider time) : IOpenDataset
{
    public OpenDatasetInfo Info { get; } = new("circle-activity-by-ward", "Circle activity by ward",
        "For each ward: how many people belong to a circle, and how many requests for practical help were made and completed in the last twelve months.",
        "community",
        [
            new("ward_code", "Ward code", OpenColumnKind.Text, "The ward's code in the ONS GSS format (E05…), to join national statistics."),
            new("ward_name", "Ward", OpenColumnKind.Text, "The ward's name."),
            new("circle_members", "Circle members", OpenColumnKind.PeopleCount, "People who belong to at least one circle in the ward."),
            new("help_requests", "Help requests", OpenColumnKind.PeopleCount, "Requests for practical help made in the ward in the last twelve months."),
            new("help_requests_completed", "Help requests completed", OpenColumnKind.PeopleCount, "Of those, the requests a helper completed."),
        ]);

    public async Task<IReadOnlyList<OpenDatasetChange>> HistoryAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Computed on request from live records: it changes whenever they do, so its history is "as of now".
        var any = await db.Wards.AnyAsync(cancellationToken);
        return any ? [new OpenDatasetChange(time.GetUtcNow().UtcDateTime, "Computed from live records on request")] : [];
    }

    public async IAsyncEnumerable<object?[]> RowsAsync(AppDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var since = time.GetUtcNow().UtcDateTime.AddYears(-1);
        var wards = await db.Wards.AsNoTracking().OrderBy(ward => ward.Code).Select(ward => new { ward.Id, ward.Code, ward.Name }).ToListAsync(cancellationToken);
        var members = await db.CircleMembers.Join(db.Circles, member => member.CircleId, circle => circle.Id, (member, circle) => new { circle.WardId, member.ResidentId })
            .Distinct().GroupBy(member => member.WardId).Select(group => new { WardId = group.Key, Count = group.Count() })
            .ToDictionaryAsync(group => group.WardId, group => group.Count, cancellationToken);
        var requests = await db.HelpRequests.Where(request => request.CreatedAt >= since).GroupBy(request => request.WardId)
            .Select(group => new { WardId = group.Key, All = group.Count(), Completed = group.Count(request => request.Status == HelpRequestStatus.Done) })
            .ToDictionaryAsync(group => group.WardId, cancellationToken);
        foreach (var ward in wards)
        {
            var asked = requests.GetValueOrDefault(ward.Id);
            yield return [ward.Code, ward.Name, members.GetValueOrDefault(ward.Id), asked?.All ?? 0, asked?.Completed ?? 0];
        }
    }
}
