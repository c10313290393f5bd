using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Community;

/// <summary>Network statistics for one ward, over the residents who consented to network insight and the ties between them.</summary>
public sealed record WardNetworkStatistics(
    int ConsentingResidents, int Ties, double MeanDegree, double ShareWithNoTies, double AverageClustering);

/// <summary>
/// The consent-filtered community graph in compact form, and per-ward statistics computed from it. A person enters
/// only with current consent to <see cref="ConsentPurpose.NetworkInsight"/>, and a tie only when both people have it.
/// </summary>
public sealed class NetworkSnapshot
{
    private readonly Dictionary<int, WardNetworkStatistics> _byWard;

    private NetworkSnapshot(Dictionary<int, WardNetworkStatistics> byWard, WardNetworkStatistics borough)
    {
        _byWard = byWard;
        Borough = borough;
    }

    /// <summary>The statistics for the whole borough.</summary>
    public WardNetworkStatistics Borough { get; }

    /// <summary>A ward's statistics; an empty ward (or one with nobody consenting) has zeros.</summary>
    public WardNetworkStatistics ForWard(int wardId) =>
        _byWard.TryGetValue(wardId, out var statistics) ? statistics : new WardNetworkStatistics(0, 0, 0, 0, 0);

    /// <summary>
    /// Builds the snapshot from people's wards (residentWard[id], 0 for no such id), who consents, and the ties.
    /// Degrees and clustering count ties across ward boundaries; a ward's tie count is the ties with at least one end in it.
    /// </summary>
    public static NetworkSnapshot Build(int[] residentWard, bool[] consenting, List<(int A, int B)> ties)
    {
        ArgumentNullException.ThrowIfNull(residentWard);
        ArgumentNullException.ThrowIfNull(consenting);
        ArgumentNullException.ThrowIfNull(ties);
        // Two people may be tied in more than one way (friends and neighbours): the network has one edge between them.
        ties.Sort();
        var distinct = 0;
        for (var i = 0; i < ties.Count; i++)
        {
            if (distinct == 0 || ties[i] != ties[distinct - 1])
            {
                ties[distinct++] = ties[i];
            }
        }
        ties.RemoveRange(distinct, ties.Count - distinct);

        var n = residentWard.Length;
        var offsets = new int[n + 1];
        var kept = 0;
        foreach (var (a, b) in ties)
        {
            if (consenting[a] && consenting[b])
            {
                offsets[a + 1]++;
                offsets[b + 1]++;
                kept++;
            }
        }
        for (var i = 0; i < n; i++)
        {
            offsets[i + 1] += offsets[i];
        }
        var cursor = offsets.AsSpan(0, n).ToArray();
        var neighbours = new int[offsets[n]];
        var wardTies = new Dictionary<int, int>();
        foreach (var (a, b) in ties)
        {
            if (consenting[a] && consenting[b])
            {
                neighbours[cursor[a]++] = b;
                neighbours[cursor[b]++] = a;
                wardTies[residentWard[a]] = wardTies.GetValueOrDefault(residentWard[a]) + 1;
                if (residentWard[b] != residentWard[a])
                {
                    wardTies[residentWard[b]] = wardTies.GetValueOrDefault(residentWard[b]) + 1;
                }
            }
        }

        // Per ward: people, degree total, people with no ties, clustering total (NetworkX: fewer than two ties counts 0).
        var totals = new Dictionary<int, (int People, long Degree, int Alone, double Clustering)>();
        var marked = new bool[n];
        (int People, long Degree, int Alone, double Clustering) borough = default;
        for (var person = 0; person < n; person++)
        {
            if (!consenting[person])
            {
                continue;
            }
            var degree = offsets[person + 1] - offsets[person];
            var clustering = degree < 2 ? 0 : LocalClustering(person, offsets, neighbours, marked);
            var current = totals.GetValueOrDefault(residentWard[person]);
            totals[residentWard[person]] = (current.People + 1, current.Degree + degree, current.Alone + (degree == 0 ? 1 : 0), current.Clustering + clustering);
            borough = (borough.People + 1, borough.Degree + degree, borough.Alone + (degree == 0 ? 1 : 0), borough.Clustering + clustering);
        }

        var byWard = totals.ToDictionary(entry => entry.Key, entry => Statistics(entry.Value, wardTies.GetValueOrDefault(entry.Key)));
        return new NetworkSnapshot(byWard, Statistics(borough, kept));
    }

    private static WardNetworkStatistics Statistics((int People, long Degree, int Alone, double Clustering) total, int ties) =>
        total.People == 0
            ? new WardNetworkStatistics(0, ties, 0, 0, 0)
            : new WardNetworkStatistics(total.People, ties, (double)total.Degree / total.People, (double)total.Alone / total.People, total.Clustering / total.People);

    private static double LocalClustering(int person, int[] offsets, int[] neighbours, bool[] marked)
    {
        var start = offsets[person];
        var end = offsets[person + 1];
        for (var i = start; i < end; i++)
        {
            marked[neighbours[i]] = true;
        }
        long links = 0;
        for (var i = start; i < end; i++)
        {
            var friend = neighbours[i];
            for (var j = offsets[friend]; j < offsets[friend + 1]; j++)
            {
                links += marked[neighbours[j]] ? 1 : 0;
            }
        }
        for (var i = start; i < end; i++)
        {
            marked[neighbours[i]] = false;
        }
        long degree = end - start;
        // Each link between two neighbours was seen from both ends.
        return links / (double)(degree * (degree - 1));
    }
}

/// <summary>
/// Keeps the current <see cref="NetworkSnapshot"/>. Every read checks a cheap fingerprint of the ties and consents
/// (counts and largest ids), so a tie added or a consent given or withdrawn rebuilds the snapshot before it is used again.
/// </summary>
public sealed class CommunityNetwork(IServiceScopeFactory scopes) : IDisposable
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private (Fingerprint Key, NetworkSnapshot Snapshot)? _current;

    private sealed record Fingerprint(int Residents, long Ties, long MaxTieId, int Consents, long MaxConsentId, int Withdrawn);

    public async Task<NetworkSnapshot> GetAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = await FingerprintAsync(db, cancellationToken);
        if (_current is { } current && current.Key == key)
        {
            return current.Snapshot;
        }

        await _building.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } built && built.Key == key)
            {
                return built.Snapshot;
            }
            // A scope of its own: the build is long and should not share the request's change tracker.
            await using var scope = scopes.CreateAsyncScope();
            var buildDb = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var snapshot = await BuildAsync(buildDb, cancellationToken);
            _current = (key, snapshot);
            return snapshot;
        }
        finally
        {
            _building.Release();
        }
    }

    public void Dispose() => _building.Dispose();

    private static async Task<Fingerprint> FingerprintAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var residents = await db.Residents.CountAsync(cancellationToken);
        var ties = await db.Ties.LongCountAsync(cancellationToken);
        var maxTie = await db.Ties.MaxAsync(tie => (long?)tie.Id, cancellationToken) ?? 0;
        var consents = await db.Consents.CountAsync(cancellationToken);
        var maxConsent = await db.Consents.MaxAsync(consent => (long?)consent.Id, cancellationToken) ?? 0;
        var withdrawn = await db.Consents.CountAsync(consent => consent.WithdrawnAt != null, cancellationToken);
        return new Fingerprint(residents, ties, maxTie, consents, maxConsent, withdrawn);
    }

    private static async Task<NetworkSnapshot> BuildAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var maxId = await db.Residents.MaxAsync(resident => (int?)resident.Id, cancellationToken) ?? 0;
        var residentWard = new int[maxId + 1];
        await foreach (var resident in db.Residents.AsNoTracking().Select(resident => new { resident.Id, resident.WardId }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            residentWard[resident.Id] = resident.WardId;
        }

        var consenting = new bool[maxId + 1];
        var consentingIds = db.Consents.AsNoTracking()
            .Where(consent => consent.Purpose == ConsentPurpose.NetworkInsight && consent.WithdrawnAt == null)
            .Select(consent => consent.ResidentId);
        await foreach (var id in consentingIds.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            consenting[id] = true;
        }

        var ties = new List<(int A, int B)>();
        await foreach (var tie in db.Ties.AsNoTracking().Select(tie => new { tie.PersonAId, tie.PersonBId }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            ties.Add((tie.PersonAId, tie.PersonBId));
        }
        return NetworkSnapshot.Build(residentWard, consenting, ties);
    }
}
