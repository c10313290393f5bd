using Connective.Web.Data;
using Connective.Web.Platform.ConsentPath;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Circle.Credits;

/// <summary>
/// Turns shared Circle activity into observed ties, always through <see cref="ConsentedNetwork.AddObservedTieAsync"/>,
/// which writes only when both people consent. The purpose asked is <see cref="ConsentPurpose.FindHelpThroughMyNetwork"/>:
/// an observed tie is an inference about who knows whom, made by Circle for Circle's use (finding help through people
/// you know), so the people must have agreed to exactly that. Insight reads the tie later only if both also consent to
/// network insight, because every read is filtered by its own purpose.
/// </summary>
public sealed class ObservedTies(ConsentedNetwork network)
{
    public const ConsentPurpose Purpose = ConsentPurpose.FindHelpThroughMyNetwork;

    /// <summary>Meetups shared within this window, ending at the latest one, count towards a tie.</summary>
    public static readonly TimeSpan MeetupWindow = TimeSpan.FromDays(90);

    public const int MeetupsForATie = 3;

    /// <summary>A completed task is one real encounter: a weak tie, like a few meetups.</summary>
    public const double CompletedTaskWeight = 0.3;

    /// <summary>Weighted by the count: three shared meetups give 0.3, ten or more the strongest tie, 1.</summary>
    public static double MeetupWeight(int sharedMeetups) => Math.Min(1.0, sharedMeetups / 10.0);

    /// <summary>After a task is done: the helper and the person helped gain an observed tie if both consent.</summary>
    public Task<bool> FromCompletedTaskAsync(AppDbContext db, int helperResidentId, int recipientResidentId, CancellationToken ct) =>
        StrengthenAsync(db, helperResidentId, recipientResidentId, CompletedTaskWeight, ct);

    /// <summary>
    /// After attendance at a meetup is recorded: every pair of its attendees who attended at least
    /// <see cref="MeetupsForATie"/> of the same meetups in the 90 days up to it gains (or strengthens) an observed tie,
    /// if both consent. Returns how many ties were written.
    /// </summary>
    public async Task<int> FromSharedMeetupsAsync(AppDbContext db, long meetupId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var meetup = await db.Meetups.AsNoTracking().Where(meetup => meetup.Id == meetupId).Select(meetup => new { meetup.StartsAt }).SingleOrDefaultAsync(ct);
        if (meetup is null)
        {
            return 0;
        }
        var from = meetup.StartsAt - MeetupWindow;
        var attendees = db.MeetupAttendances.Where(attendance => attendance.MeetupId == meetupId).Select(attendance => attendance.ResidentId);
        var attendance = await db.MeetupAttendances.AsNoTracking()
            .Where(row => attendees.Contains(row.ResidentId))
            .Join(db.Meetups.Where(other => other.StartsAt >= from && other.StartsAt <= meetup.StartsAt),
                row => row.MeetupId, other => other.Id, (row, other) => new { row.MeetupId, row.ResidentId })
            .ToListAsync(ct);
        var written = 0;
        foreach (var (a, b, shared) in PairsSharing(attendance.Select(row => (row.MeetupId, row.ResidentId)), MeetupsForATie))
        {
            if (await StrengthenAsync(db, a, b, MeetupWeight(shared), ct))
            {
                written++;
            }
        }
        return written;
    }

    /// <summary>
    /// An observed tie takes the weight it is given, so a weaker observation (one task) must not overwrite a stronger
    /// one (many meetups): keep the larger. The existing weight is read through the same consent filter.
    /// </summary>
    private async Task<bool> StrengthenAsync(AppDbContext db, int a, int b, double weight, CancellationToken ct)
    {
        var existing = (await network.TiesOfAsync(db, a, Purpose, ct))
            .Where(tie => tie.OtherResidentId == b && tie.Kind == TieKind.Observed)
            .Select(tie => tie.Weight).DefaultIfEmpty(0).Max();
        return await network.AddObservedTieAsync(db, a, b, Math.Max(existing, weight), Purpose, ct);
    }

    /// <summary>Pairs (a &lt; b) who appear together in at least <paramref name="minimum"/> of the meetups, with the count, in a fixed order.</summary>
    public static IReadOnlyList<(int A, int B, int Shared)> PairsSharing(IEnumerable<(long MeetupId, int ResidentId)> attendance, int minimum)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        var counts = new Dictionary<(int, int), int>();
        foreach (var group in attendance.Distinct().GroupBy(row => row.MeetupId))
        {
            var people = group.Select(row => row.ResidentId).Order().ToArray();
            for (var i = 0; i < people.Length; i++)
            {
                for (var j = i + 1; j < people.Length; j++)
                {
                    counts[(people[i], people[j])] = counts.GetValueOrDefault((people[i], people[j])) + 1;
                }
            }
        }
        return [.. counts.Where(pair => pair.Value >= minimum).Select(pair => (pair.Key.Item1, pair.Key.Item2, pair.Value)).Order()];
    }
}
