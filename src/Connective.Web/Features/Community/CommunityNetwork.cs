using Connective.Graph;
using Connective.Graph.Algorithms;
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
        // The engine's undirected simple view: two people tied in more than one way (friends and neighbours) are one edge.
        var n = residentWard.Length;
        var builder = new GraphBuilder { DuplicateEdges = DuplicateEdgePolicy.Merge, SelfLoops = SelfLoopPolicy.Drop };
        builder.DeclareNodes(n);
        foreach (var (a, b) in ties)
        {
            if (consenting[a] && consenting[b])
            {
                builder.AddEdge(a, b);
            }
        }
        var graph = builder.Build();
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
            if (!consenting[person])
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
/// Keeps the current <see cref="NetworkSnapshot"/>. Every read checks a cheap fingerprint of the ties and consents
/// (counts and largest ids), so a tie added or a consent given or withdrawn rebuilds the snapshot before it is used again.
/// </summary>
public sealed class CommunityNetwork(IServiceScopeFactory scopes) : IDisposable
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private (Fingerprint Key, NetworkSnapshot Snapshot)? _current;

    /// <summary>Counts and largest ids that change whenever a resident, tie or consent is added, removed or withdrawn.</summary>
    internal sealed record Fingerprint(long Residents, long Ties, long MaxTieId, long Consents, long MaxConsentId, long Withdrawn);

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

    private static async Task<Fingerprint> FingerprintAsync(AppDbContext db, CancellationToken cancellationToken) =>
        // One round trip, in SQL that SQLite and PostgreSQL both accept.
        (await db.Database.SqlQueryRaw<Fingerprint>("""
            SELECT
                (SELECT COUNT(*) FROM "Residents") AS "Residents",
                (SELECT COUNT(*) FROM "Ties") AS "Ties",
                (SELECT COALESCE(MAX("Id"), 0) FROM "Ties") AS "MaxTieId",
                (SELECT COUNT(*) FROM "Consents") AS "Consents",
                (SELECT COALESCE(MAX("Id"), 0) FROM "Consents") AS "MaxConsentId",
                (SELECT COUNT(*) FROM "Consents" WHERE "WithdrawnAt" IS NOT NULL) AS "Withdrawn"
            """).ToListAsync(cancellationToken)).Single();

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
