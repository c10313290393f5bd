using Connective.Graph.Algorithms;
using Connective.Web.Data;
using Connective.Web.Platform.ConsentPath;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Community;

/// <summary>Network statistics for one ward, over the residents who consented to network insight and the ties between them.</summary>
public sealed record WardNetworkStatistics(
    int ConsentingResidents, int Ties, double MeanDegree, double ShareWithNoTies, double AverageClustering);

/// <summary>
/// The consent-filtered community graph in compact form, and per-ward statistics computed from it. A person enters
/// only with current consent to <see cref="ConsentPurpose.NetworkInsight"/>, and a tie only when both people have it
/// (the graph comes from the consent query path, <see cref="ConsentedNetwork"/>).
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
    /// Builds the snapshot from people's wards (residentWard[id], 0 for no such id) and the network-insight graph.
    /// Degrees and clustering count ties across ward boundaries; a ward's tie count is the ties with at least one end in it.
    /// </summary>
    public static NetworkSnapshot Build(int[] residentWard, ConsentedGraph network)
    {
        ArgumentNullException.ThrowIfNull(residentWard);
        ArgumentNullException.ThrowIfNull(network);
        var n = Math.Min(residentWard.Length, network.Graph.NodeCount);
        var graph = network.Graph;
        var triangles = Clustering.CountTriangles(graph);
        var localClustering = triangles.LocalClustering();

        var wardTies = new Dictionary<int, int>();
        for (var a = 0; a < n; a++)
        {
            foreach (var b in graph.Neighbors(a))
            {
                if (b > a)
                {
                    wardTies[residentWard[a]] = wardTies.GetValueOrDefault(residentWard[a]) + 1;
                    if (residentWard[b] != residentWard[a])
                    {
                        wardTies[residentWard[b]] = wardTies.GetValueOrDefault(residentWard[b]) + 1;
                    }
                }
            }
        }

        // Per ward: people, degree total, people with no ties, clustering total (NetworkX: fewer than two ties counts 0).
        var totals = new Dictionary<int, (int People, long Degree, int Alone, double Clustering)>();
        (int People, long Degree, int Alone, double Clustering) borough = default;
        for (var person = 0; person < n; person++)
        {
            if (!network.Includes(person))
            {
                continue;
            }
            var degree = graph.Degree(person);
            var clustering = localClustering[person];
            var current = totals.GetValueOrDefault(residentWard[person]);
            totals[residentWard[person]] = (current.People + 1, current.Degree + degree, current.Alone + (degree == 0 ? 1 : 0), current.Clustering + clustering);
            borough = (borough.People + 1, borough.Degree + degree, borough.Alone + (degree == 0 ? 1 : 0), borough.Clustering + clustering);
        }

        var byWard = totals.ToDictionary(entry => entry.Key, entry => Statistics(entry.Value, wardTies.GetValueOrDefault(entry.Key)));
        return new NetworkSnapshot(byWard, Statistics(borough, (int)graph.EdgeCount));
    }

    private static WardNetworkStatistics Statistics((int People, long Degree, int Alone, double Clustering) total, int ties) =>
        total.People == 0
            ? new WardNetworkStatistics(0, ties, 0, 0, 0)
            : new WardNetworkStatistics(total.People, ties, (double)total.Degree / total.People, (double)total.Alone / total.People, total.Clustering / total.People);
}

/// <summary>
/// Keeps the ward statistics of the current network-insight graph: the consent query path says when the graph is
/// stale (any tie, consent or resident change), and the statistics are recomputed for each new graph.
/// </summary>
public sealed class CommunityNetwork(ConsentedNetwork network)
{
    // The graph and the statistics computed from it travel together in one immutable object behind one reference, read
    // with Volatile.Read and published with Interlocked.CompareExchange: a reader sees a whole pair or none, never a new
    // graph beside an old snapshot that still counts a withdrawn consent.
    private Cached? _current;

    private sealed record Cached(ConsentedGraph Graph, NetworkSnapshot Snapshot);

    public async Task<NetworkSnapshot> GetAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var graph = await network.GetAsync(db, ConsentPurpose.NetworkInsight, cancellationToken);
        var current = Volatile.Read(ref _current);
        if (current is not null && ReferenceEquals(current.Graph, graph))
        {
            return current.Snapshot;
        }
        var residentWard = new int[graph.Graph.NodeCount];
        await foreach (var resident in db.Residents.AsNoTracking().Select(resident => new { resident.Id, resident.WardId }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (resident.Id < residentWard.Length)
            {
                residentWard[resident.Id] = resident.WardId;
            }
        }
        var built = new Cached(graph, NetworkSnapshot.Build(residentWard, graph));
        Publish(built);
        return built.Snapshot;
    }

    /// <summary>Keeps the newest pair: a slow build of an older graph that finishes last must not replace a newer one.</summary>
    private void Publish(Cached built)
    {
        var seen = Volatile.Read(ref _current);
        while (seen is null || seen.Graph.Version <= built.Graph.Version)
        {
            var previous = Interlocked.CompareExchange(ref _current, built, seen);
            if (ReferenceEquals(previous, seen))
            {
                return;
            }
            seen = previous;
        }
    }
}

/// <summary>
/// Builds the first network snapshot in the background once the app has started (after any demo seeding), so the first
/// visitor to the Community pages does not wait for it. Failure is harmless: the first request builds it instead.
/// </summary>
internal sealed class NetworkSnapshotWarmUp(IServiceScopeFactory scopes, CommunityNetwork network, ILogger<NetworkSnapshotWarmUp> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await network.GetAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException or ObjectDisposedException)
        {
            // For example a database that `migrate` has not prepared yet; /health/ready reports that.
            logger.LogInformation("The community network snapshot was not built at start: {Reason}", exception.Message);
        }
    }
}
