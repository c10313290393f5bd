using System.Diagnostics;
using Connective.Graph.Algorithms;
using Connective.Graph.Layout;
using Connective.Web.Data;
using Connective.Web.Platform.ConsentPath;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Connective.Web.Features.Insight;

/// <summary>
/// The expensive measures of the network-insight graph, computed off the request path by <see cref="InsightSnapshotBuilder"/>
/// and kept with the network version they were computed from and when. Arrays are indexed by resident id (the consented
/// graph's node id). Pages read them only for people the <em>current</em> graph still includes, so a withdrawal hides a
/// person at once even while these figures are older.
/// </summary>
public sealed class InsightMeasures
{
    public required long Version { get; init; }
    public required DateTime BuiltAt { get; init; }
    public required TimeSpan BuildTime { get; init; }
    public required int[] Community { get; init; }
    public required int CommunityCount { get; init; }
    public required double Modularity { get; init; }

    /// <summary>Burt's constraint (NaN for people without ties): low means contacts who do not know each other.</summary>
    public required double[] Constraint { get; init; }

    /// <summary>Betweenness as a share of the pairs of people in the network whose shortest paths pass through the person.</summary>
    public required double[] Betweenness { get; init; }

    /// <summary>Whether betweenness was estimated (large networks) rather than computed exactly.</summary>
    public required bool BetweennessEstimated { get; init; }

    public required double BetweennessEpsilon { get; init; }
    public required int[] CoreNumber { get; init; }

    /// <summary>Map positions by resident id, from the force-directed layout; null until one is computed.</summary>
    public float[]? X { get; init; }

    public float[]? Y { get; init; }

    public static InsightMeasures Compute(ConsentedGraph network, DateTime builtAt, double epsilon, int exactBetweennessUpTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(network);
        var clock = Stopwatch.StartNew();
        var graph = network.Graph;
        var communities = CommunityDetection.Leiden(graph, new CommunityOptions { Seed = 17, UseWeights = false }, cancellationToken);
        var constraint = Brokerage.Constraint(graph);
        var estimated = network.ResidentCount > exactBetweennessUpTo;
        var raw = estimated
            ? ApproximateBetweenness.Estimate(graph, epsilon, 0.1, seed: 17, cancellationToken).Values
            : Connective.Graph.Algorithms.Betweenness.Exact(graph, cancellationToken);
        var pairs = Math.Max(1.0, network.ResidentCount * (network.ResidentCount - 1.0) / 2);
        var betweenness = new double[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            betweenness[i] = raw[i] / pairs;
        }
        var cores = KCoreDecomposition.CoreNumbers(graph);
        // Fewer iterations on large networks keep the build within seconds; the layout is seeded, so it is the same each build.
        var layout = ForceLayout.Compute(graph, new ForceLayoutOptions { Seed = 17, Iterations = network.ResidentCount > 20_000 ? 100 : 300 }, cancellationToken);
        return new InsightMeasures
        {
            Version = network.Version,
            BuiltAt = builtAt,
            BuildTime = clock.Elapsed,
            Community = communities.Membership,
            CommunityCount = communities.CommunityCount,
            Modularity = communities.Modularity,
            Constraint = constraint,
            Betweenness = betweenness,
            BetweennessEstimated = estimated,
            BetweennessEpsilon = epsilon,
            CoreNumber = cores,
            X = layout.X,
            Y = layout.Y,
        };
    }
}

/// <summary>
/// What every Insight view reads: the current consent-filtered graph (never stale: the consent path checks the network
/// version on every read), the people's wards and ages, the cheap measures of that graph (reach), and the newest
/// <see cref="InsightMeasures"/> (possibly older, with its age shown).
/// </summary>
public sealed class InsightView
{
    internal InsightView(ConsentedGraph network, InsightPeople people, InsightMeasures measures)
    {
        Network = network;
        People = people;
        Measures = measures;
    }

    public ConsentedGraph Network { get; }
    public InsightPeople People { get; }
    public InsightMeasures Measures { get; }

    /// <summary>Whether the person may appear in Insight: a resident who consents to network insight now.</summary>
    public bool Shows(int residentId) => Network.Includes(residentId) && People.WardOf(residentId) != 0;

    /// <summary>Whether the measures are from an older network than the one shown (their age is then worth stating).</summary>
    public bool MeasuresAreOlder => Measures.Version < Network.Version;

    /// <summary>A measure for a person shown, or NaN when the person was not in the network the measures were computed from.</summary>
    public double Measure(double[] values, int residentId) =>
        residentId < values.Length ? values[residentId] : double.NaN;

    public int CommunityOf(int residentId) => residentId < Measures.Community.Length ? Measures.Community[residentId] : -1;
}

/// <summary>The people behind one consented graph: ward and birth year by resident id, and reach computed on that graph.</summary>
public sealed class InsightPeople
{
    private readonly int[] _ward;
    private readonly int[] _birthYear;

    private InsightPeople(ConsentedGraph network, int[] ward, int[] birthYear, int[] reachWithinTwo)
    {
        Network = network;
        _ward = ward;
        _birthYear = birthYear;
        ReachWithinTwo = reachWithinTwo;
    }

    public ConsentedGraph Network { get; }

    /// <summary>People reached within two steps (ties of ties), by resident id, in the consented graph.</summary>
    public int[] ReachWithinTwo { get; }

    public int WardOf(int residentId) => residentId >= 0 && residentId < _ward.Length ? _ward[residentId] : 0;

    public int BirthYearOf(int residentId) => residentId >= 0 && residentId < _birthYear.Length ? _birthYear[residentId] : 0;

    /// <summary>Every resident id with a record (consenting or not), for counting who is left out.</summary>
    public IEnumerable<int> Residents()
    {
        for (var id = 0; id < _ward.Length; id++)
        {
            if (_ward[id] != 0)
            {
                yield return id;
            }
        }
    }

    internal static async Task<InsightPeople> LoadAsync(AppDbContext db, ConsentedGraph network, CancellationToken cancellationToken)
    {
        var n = network.Graph.NodeCount;
        var ward = new int[n];
        var birthYear = new int[n];
        await foreach (var resident in db.Residents.AsNoTracking().Select(resident => new { resident.Id, resident.WardId, resident.BirthYear })
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            // A resident added after the graph was built waits for the next graph (the version moved with the insert).
            if (resident.Id < n)
            {
                ward[resident.Id] = resident.WardId;
                birthYear[resident.Id] = resident.BirthYear;
            }
        }
        return new InsightPeople(network, ward, birthYear, Reach.WithinTwo(network.Graph));
    }
}

/// <summary>
/// Holds Insight's snapshot: the people and cheap measures of the current consented graph (recomputed on the first
/// request after a change, cheap), and the expensive measures (communities, brokerage, betweenness, layout) rebuilt by
/// <see cref="InsightSnapshotBuilder"/> in the background whenever the network changes.
/// </summary>
public sealed class InsightNetwork(ConsentedNetwork network) : IDisposable
{
    private readonly SemaphoreSlim _changed = new(0, 1);
    private readonly TaskCompletionSource _firstMeasures = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private InsightMeasures? _measures;
    private InsightPeople? _people;

    /// <summary>The newest measures, or null before the first build.</summary>
    public InsightMeasures? Measures => Volatile.Read(ref _measures);

    public async Task<InsightView> GetAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var graph = await network.GetAsync(db, ConsentPurpose.NetworkInsight, cancellationToken);
        var people = Volatile.Read(ref _people);
        if (people is null || !ReferenceEquals(people.Network, graph))
        {
            people = await InsightPeople.LoadAsync(db, graph, cancellationToken);
            var seen = Volatile.Read(ref _people);
            if (seen is null || seen.Network.Version <= graph.Version)
            {
                Interlocked.CompareExchange(ref _people, people, seen);
            }
        }
        var measures = Measures;
        if (measures is null || measures.Version < graph.Version)
        {
            Signal();
        }
        if (measures is null)
        {
            await _firstMeasures.Task.WaitAsync(cancellationToken);
            measures = Measures!;
        }
        return new InsightView(graph, people, measures);
    }

    public void Dispose() => _changed.Dispose();

    /// <summary>Asks the background builder to look at the network version now (a change was seen).</summary>
    public void Signal()
    {
        try
        {
            _changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // A signal is already waiting: one is enough.
        }
    }

    internal Task<bool> WaitForSignalAsync(TimeSpan timeout, CancellationToken cancellationToken) => _changed.WaitAsync(timeout, cancellationToken);

    internal Task<ConsentedGraph> CurrentGraphAsync(AppDbContext db, CancellationToken cancellationToken) =>
        network.GetAsync(db, ConsentPurpose.NetworkInsight, cancellationToken);

    /// <summary>Keeps the newer of the published and the built measures.</summary>
    internal void Publish(InsightMeasures built)
    {
        var seen = Volatile.Read(ref _measures);
        while (seen is null || seen.Version <= built.Version)
        {
            var previous = Interlocked.CompareExchange(ref _measures, built, seen);
            if (ReferenceEquals(previous, seen))
            {
                _firstMeasures.TrySetResult();
                return;
            }
            seen = previous;
        }
    }
}

/// <summary>
/// Rebuilds <see cref="InsightMeasures"/> off the request path: at start, whenever a page sees a newer network than
/// the measures (a signal), and every <see cref="InsightOptions.RebuildCheckInterval"/> in case another instance changed it.
/// </summary>
internal sealed class InsightSnapshotBuilder(
    IServiceScopeFactory scopes, InsightNetwork insight, TimeProvider time, IOptions<InsightOptions> options, ILogger<InsightSnapshotBuilder> logger)
    : BackgroundService
{
    /// <summary>Exact betweenness up to this many people in the network; above it the seeded estimate.</summary>
    internal const int ExactBetweennessUpTo = 5_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await BuildIfStaleAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException or ObjectDisposedException)
            {
                // For example a database that `migrate` has not prepared yet; the next signal or interval tries again.
                logger.LogInformation("The Insight snapshot was not built: {Reason}", exception.Message);
            }
            try
            {
                await insight.WaitForSignalAsync(options.Value.RebuildCheckInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task BuildIfStaleAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var graph = await insight.CurrentGraphAsync(db, cancellationToken);
        if (insight.Measures is { } current && current.Version >= graph.Version)
        {
            return;
        }
        var measures = await Task.Run(() => InsightMeasures.Compute(graph, time.GetUtcNow().UtcDateTime, options.Value.BetweennessEpsilon,
            ExactBetweennessUpTo, cancellationToken), cancellationToken);
        insight.Publish(measures);
        logger.LogInformation("Insight snapshot of network version {Version} built in {Elapsed} ms", measures.Version, (long)measures.BuildTime.TotalMilliseconds);
    }
}
