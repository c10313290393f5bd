using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Platform.ConsentPath;

/// <summary>
/// The one place that reads ties. Every feature asks it for the consent-filtered graph of a purpose, or for one person's
/// consented ties, so that no feature can use a tie that either person has not allowed for that purpose.
/// </summary>
/// <remarks>
/// Graphs are cached per purpose and stamped with the <see cref="NetworkVersion"/> they were built from. Every read
/// first reads the current version (one primary-key read) and never returns an older graph, so a consent withdrawn
/// through any web instance is respected by the next request everywhere. A change starts the rebuild in the background
/// at once, so readers rarely wait for it.
/// </remarks>
public sealed class ConsentedNetwork(IServiceScopeFactory scopes, TimeProvider time, ILogger<ConsentedNetwork> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ConsentPurpose, Entry> _entries = [];

    private sealed record Entry(long Version, Task<ConsentedGraph> Graph);

    /// <summary>The graph of people who consent to <paramref name="purpose"/> and the ties between them, never stale.</summary>
    public async Task<ConsentedGraph> GetAsync(AppDbContext db, ConsentPurpose purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var version = await CurrentVersionAsync(db, cancellationToken);
        var entry = EntryFor(purpose, version);
        try
        {
            // The build belongs to every waiting reader, so one reader giving up must not cancel it.
            return await entry.Graph.WaitAsync(cancellationToken);
        }
        catch (Exception) when (entry.Graph.IsFaulted)
        {
            lock (_gate)
            {
                if (_entries.TryGetValue(purpose, out var current) && current == entry)
                {
                    _entries.Remove(purpose); // the next reader tries again
                }
            }
            throw;
        }
    }

    /// <summary>A person's ties that both people allow for <paramref name="purpose"/>; none when they do not consent themselves.</summary>
    public async Task<IReadOnlyList<ConsentedTie>> TiesOfAsync(AppDbContext db, int residentId, ConsentPurpose purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var consenting = ConsentRecords.Consenting(db, purpose);
        return await db.Ties.AsNoTracking()
            .Where(tie => (tie.PersonAId == residentId || tie.PersonBId == residentId)
                && consenting.Contains(tie.PersonAId) && consenting.Contains(tie.PersonBId))
            .OrderBy(tie => tie.Kind).ThenBy(tie => tie.Id)
            .Select(tie => new ConsentedTie(tie.PersonAId == residentId ? tie.PersonBId : tie.PersonAId, tie.Kind, tie.Weight))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Records that two people were seen together (a task done, meetups shared), as an <see cref="TieKind.Observed"/> tie
    /// of strength <paramref name="weight"/> in (0, 1], only when both consent to <paramref name="purpose"/>. An existing
    /// observed tie takes the new weight. Returns whether the tie was written.
    /// </summary>
    public async Task<bool> AddObservedTieAsync(AppDbContext db, int a, int b, double weight, ConsentPurpose purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfEqual(a, b);
        if (!(weight > 0 && weight <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "A tie's weight is in (0, 1].");
        }
        var (low, high) = a < b ? (a, b) : (b, a);
        var consenting = ConsentRecords.Consenting(db, purpose);
        if (await consenting.CountAsync(id => id == low || id == high, cancellationToken) < 2)
        {
            return false;
        }

        await CallerOrOwnTransaction.RunAsync(db, async () =>
        {
            var tie = await db.Ties.SingleOrDefaultAsync(
                tie => tie.PersonAId == low && tie.PersonBId == high && tie.Kind == TieKind.Observed, cancellationToken);
            if (tie is null)
            {
                db.Ties.Add(new Tie
                {
                    PersonAId = low,
                    PersonBId = high,
                    Kind = TieKind.Observed,
                    Source = TieSource.Observed,
                    Weight = weight,
                    CreatedAt = time.GetUtcNow().UtcDateTime,
                });
            }
            else
            {
                tie.Weight = weight;
            }
            await db.SaveChangesAsync(cancellationToken);
            await RecordChangeAsync(db, cancellationToken);
        }, cancellationToken);
        Refresh();
        return true;
    }

    /// <summary>
    /// Marks every cached graph stale. Call it inside the transaction of any change to ties, consents or residents that
    /// does not go through this class or <see cref="ConsentRecords"/> (erasing a person, adding a resident), then call
    /// <see cref="Refresh"/> after committing.
    /// </summary>
    public static Task RecordChangeAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.NetworkVersions.Where(row => row.Id == NetworkVersion.SingletonId)
            .ExecuteUpdateAsync(update => update.SetProperty(row => row.Version, row => row.Version + 1), cancellationToken);
    }

    /// <summary>After a committed change, starts rebuilding every graph that was in use, off the request path.</summary>
    public void Refresh()
    {
        ConsentPurpose[] inUse;
        lock (_gate)
        {
            inUse = [.. _entries.Keys];
        }
        if (inUse.Length > 0)
        {
            _ = Task.Run(() => RebuildAsync(inUse));
        }
    }

    private async Task RebuildAsync(ConsentPurpose[] purposes)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var version = await CurrentVersionAsync(db, CancellationToken.None);
            await Task.WhenAll(purposes.Select(purpose => EntryFor(purpose, version).Graph));
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException or ObjectDisposedException)
        {
            // Harmless: the next reader builds what it needs (and reports the failure if it persists).
            logger.LogInformation("Rebuilding the consented network in the background failed: {Reason}", exception.Message);
        }
    }

    private Entry EntryFor(ConsentPurpose purpose, long version)
    {
        lock (_gate)
        {
            // A cached graph at least as new as the version read is current; an older one is never used.
            if (_entries.TryGetValue(purpose, out var entry) && entry.Version >= version)
            {
                return entry;
            }
            entry = new Entry(version, BuildAsync(purpose, version));
            _entries[purpose] = entry;
            return entry;
        }
    }

    private async Task<ConsentedGraph> BuildAsync(ConsentPurpose purpose, long version)
    {
        await Task.Yield(); // run the build outside the lock and outside the caller's synchronous path
        // A scope of its own: the build outlives any one request and must not share its change tracker.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // The data read below is at least as new as `version`, so stamping the graph with it is safe.
        var maxId = await db.Residents.MaxAsync(resident => (int?)resident.Id, CancellationToken.None) ?? 0;
        var consenting = new bool[maxId + 1];
        await foreach (var id in ConsentRecords.Consenting(db, purpose).AsAsyncEnumerable().WithCancellation(CancellationToken.None))
        {
            if (id <= maxId)
            {
                consenting[id] = true;
            }
        }
        var ties = new List<(int A, int B)>();
        await foreach (var tie in db.Ties.AsNoTracking().Select(tie => new { tie.PersonAId, tie.PersonBId }).AsAsyncEnumerable().WithCancellation(CancellationToken.None))
        {
            ties.Add((tie.PersonAId, tie.PersonBId));
        }
        return ConsentedGraph.Build(purpose, version, consenting, ties);
    }

    private static async Task<long> CurrentVersionAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.NetworkVersions.AsNoTracking().Where(row => row.Id == NetworkVersion.SingletonId)
            .Select(row => row.Version).SingleAsync(cancellationToken);
}
