using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using Connective.Graph.Generators;

namespace Connective.Graph.Algorithms;

/// <summary>Settings for <see cref="CommunityDetection"/>.</summary>
public sealed record CommunityOptions
{
    /// <summary>Resolution γ of the modularity objective: above 1 favours smaller communities, below 1 larger ones.</summary>
    public double Resolution { get; init; } = 1;

    /// <summary>Seed for the node visiting orders; the same seed and graph give the same communities.</summary>
    public ulong Seed { get; init; }

    /// <summary>Use edge weights when the graph has them; otherwise every edge weighs 1.</summary>
    public bool UseWeights { get; init; } = true;

    /// <summary>
    /// Leiden only: how many times to run the algorithm, each run starting from the previous result; a negative
    /// value (the default) repeats until a run changes nothing or raises modularity by less than
    /// <see cref="MinimumImprovement"/>.
    /// </summary>
    public int Iterations { get; init; } = -1;

    /// <summary>
    /// Leiden only, with a negative <see cref="Iterations"/>: stop once a run raises modularity by less than this, or
    /// (from the third run on) once the gains, shrinking at the rate of the last two, would add less than this in all.
    /// Runs after the first few keep finding small gains (about 1e-4 a run on a Barabási–Albert graph, for hundreds of
    /// runs); each run costs a pass over the whole graph, so this bound ends that tail. With 1e-3 every seed 0..9
    /// still reaches the median of igraph's <c>community_leiden(n_iterations=-1)</c> on the nine undirected networks
    /// of the shared data (typically after 3 runs), and the default seed and the median of the ten seeds reach it on
    /// every golden graph (two tiny graphs have one poorer seed each, also when repeating until nothing changes).
    /// 0 repeats until a run changes nothing at all.
    /// </summary>
    public double MinimumImprovement { get; init; } = 1e-3;
}

/// <summary>Communities found by <see cref="CommunityDetection"/>.</summary>
/// <param name="Membership">The community of each node by dense node id, numbered 0.. in order of each community's lowest node id.</param>
/// <param name="CommunityCount">The number of communities.</param>
/// <param name="Modularity">The modularity of the partition at the resolution used.</param>
/// <param name="Iterations">Runs of the algorithm performed (1 for Louvain).</param>
public sealed record CommunityResult(int[] Membership, int CommunityCount, double Modularity, int Iterations)
{
    /// <summary>
    /// True when the input was directed, so the communities were found on, and <see cref="Modularity"/> is that of, its
    /// undirected simple view (<see cref="GraphViews.Simple"/>: reciprocal arcs and repeats once, self-loops and
    /// weights dropped).
    /// </summary>
    public bool OnUndirectedSimpleView { get; init; }
}

/// <summary>
/// Community detection by modularity maximisation: Leiden (Traag, Waltman and van Eck, 2019), the default, and
/// Louvain (Blondel et al., 2008). Both are seeded, so results are reproducible: local moving is sequential, and
/// Leiden's refinement and the aggregation of communities into nodes run in parallel on large graphs in chunks whose
/// results do not depend on the number of threads.
/// </summary>
/// <remarks>
/// A directed graph is replaced by its undirected simple view (an edge wherever an arc runs either way; reciprocal
/// arcs and repeated arcs count once; self-loops and weights are dropped), where undirected modularity, the objective
/// of igraph's and NetworkX's Leiden and Louvain, is defined; the result says so in
/// <see cref="CommunityResult.OnUndirectedSimpleView"/>. Undirected graphs are used as they are (repeated edges add
/// up, self-loops count twice in a node's degree), as in igraph and NetworkX.
/// </remarks>
public static class CommunityDetection
{
    /// <summary>Safety net for <see cref="CommunityOptions.Iterations"/> &lt; 0; real graphs settle within tens of runs.</summary>
    internal const int MaxIterationsUntilStable = 1000;

    /// <summary>
    /// Louvain skips unchanged nodes (see <c>LocalMoving.Sweep</c>) only on levels this large: the skip is a speed-up
    /// that costs a little modularity, and below this size a full sweep takes microseconds. On serengeti-foodweb's
    /// simple view the median of seeds 0..9 is 0.3667 with the skip and 0.3688 without (igraph's Leiden median 0.3682).
    /// </summary>
    internal const int LouvainPruningFromNodeCount = 5_000;

    /// <summary>
    /// Leiden: fast local moving with a queue, refinement of each community into well-connected parts (merging
    /// greedily, the zero-randomness limit of the paper's step), aggregation of the refined parts with the
    /// unrefined communities as the starting partition, repeated until every community is a single node.
    /// Communities are guaranteed connected.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="options">Resolution, seed, weights and iterations; defaults when null.</param>
    /// <param name="cancellationToken">Stops the computation between passes.</param>
    public static CommunityResult Leiden(CsrGraph graph, CommunityOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new CommunityOptions();
        var network = ModularityGraph.FromGraph(graph, options.UseWeights);
        var random = new SeededRandom(options.Seed);
        var membership = new int[network.NodeCount];
        for (var v = 0; v < membership.Length; v++)
        {
            membership[v] = v;
        }
        var untilStable = options.Iterations < 0;
        var limit = untilStable ? MaxIterationsUntilStable : options.Iterations;
        var iterations = 0;
        var scratch = new Scratch(network.NodeCount);
        var buffers = new AggregateBuffers();
        var quality = SingletonModularity(network, options.Resolution);
        // Each run writes its result into the other array, so two node-sized arrays serve every run.
        var next = new int[network.NodeCount];
        var previousGain = 0.0;
        while (iterations < limit)
        {
            iterations++;
            RunLeiden(network, membership, next, options.Resolution, random, scratch, buffers, out var nextQuality, cancellationToken);
            if (next.AsSpan().SequenceEqual(membership))
            {
                break;
            }
            (membership, next) = (next, membership);
            var gain = nextQuality - quality;
            quality = nextQuality;
            if (untilStable && (gain < options.MinimumImprovement || (iterations >= 3 && RestLooksSmall(previousGain, gain, options.MinimumImprovement))))
            {
                break;
            }
            previousGain = gain;
        }
        // membership is numbered densely already (by the last run, or the identity), and quality is its modularity.
        var count = network.NodeCount == 0 ? 0 : membership.Max() + 1;
        return new CommunityResult(membership, count, quality, iterations) { OnUndirectedSimpleView = graph.IsDirected };
    }

    /// <summary>Modularity of every node alone: only the diagonal counts inside, Q = Σ_v (A_vv − γ k_v² / 2m) / 2m.</summary>
    private static double SingletonModularity(ModularityGraph graph, double resolution)
    {
        var twoM = graph.TotalStrength;
        if (twoM <= 0)
        {
            return 0;
        }
        var q = 0.0;
        for (var v = 0; v < graph.NodeCount; v++)
        {
            q += graph.SelfLoops[v] - (resolution * graph.Strength[v] * graph.Strength[v] / twoM);
        }
        return q / twoM;
    }

    /// <summary>
    /// Whether the runs still to come would together raise modularity by less than <paramref name="minimum"/>, if
    /// gains keep shrinking at the rate of the last two: r = gain / previousGain, and the rest is gain·r / (1 − r).
    /// Used from the third run on (the first run's gain, from singletons, says nothing about the later ones); on the
    /// real networks the gains of runs 2, 3, 4 shrink 4–10× each, so this ends a run earlier than waiting for a gain
    /// below <paramref name="minimum"/>.
    /// </summary>
    private static bool RestLooksSmall(double previousGain, double gain, double minimum)
    {
        if (previousGain <= 0 || gain >= previousGain)
        {
            return false;
        }
        var rate = gain / previousGain;
        return gain * rate / (1 - rate) < minimum;
    }

    /// <summary>
    /// Louvain: sweeps over the nodes in random order moving each to the neighbouring community that raises
    /// modularity most (skipping nodes whose neighbours have not moved since their last visit), until a sweep moves
    /// nothing; then aggregates communities into nodes and repeats until a level moves nothing.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="options">Resolution, seed and weights; defaults when null. Iterations is ignored.</param>
    /// <param name="cancellationToken">Stops the computation between sweeps.</param>
    public static CommunityResult Louvain(CsrGraph graph, CommunityOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new CommunityOptions();
        var network = ModularityGraph.FromGraph(graph, options.UseWeights);
        var random = new SeededRandom(options.Seed);
        var n = network.NodeCount;
        var nodeToAggregate = new int[n];
        for (var v = 0; v < n; v++)
        {
            nodeToAggregate[v] = v;
        }
        var current = network;
        var scratch = new Scratch(n);
        var buffers = new AggregateBuffers();
        while (true)
        {
            var community = new int[current.NodeCount];
            for (var v = 0; v < community.Length; v++)
            {
                community[v] = v;
            }
            var moving = new LocalMoving(current, community, options.Resolution, scratch);
            var order = scratch.Shuffled(current.NodeCount, random);
            scratch.InQueue.AsSpan(0, current.NodeCount).Fill(true);
            var anyMove = false;
            bool moved;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                moved = moving.Sweep(order, prune: current.NodeCount >= LouvainPruningFromNodeCount);
                anyMove |= moved;
            }
            while (moved);
            if (!anyMove)
            {
                break;
            }
            var dense = Renumber(community, out var count);
            for (var v = 0; v < n; v++)
            {
                nodeToAggregate[v] = dense[nodeToAggregate[v]];
            }
            if (count == current.NodeCount)
            {
                break;
            }
            current = current.Aggregate(dense, count, buffers);
        }
        return Finish(network, nodeToAggregate, options.Resolution, 1) with { OnUndirectedSimpleView = graph.IsDirected };
    }

    /// <summary>
    /// One run of Leiden from <paramref name="initial"/> (a membership of the original nodes) into
    /// <paramref name="result"/>, numbered like <see cref="Renumber(ReadOnlySpan{int}, out int)"/>; returns in
    /// <paramref name="quality"/> its modularity (computed on the last aggregate, which has the same modularity).
    /// </summary>
    private static void RunLeiden(
        ModularityGraph network, int[] initial, int[] result, double resolution, SeededRandom random, Scratch scratch,
        AggregateBuffers buffers, out double quality, CancellationToken cancellationToken)
    {
        var n = network.NodeCount;
        var nodeToAggregate = scratch.NodeToAggregate;
        for (var v = 0; v < n; v++)
        {
            nodeToAggregate[v] = v;
        }
        var current = network;
        buffers.StartFromOriginal();
        // The community of each node of the current level; after each level it holds the next level's starting partition.
        var community = scratch.Community;
        Renumber(initial, community, scratch.Names);
        var partition = scratch.Partition;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var level = current.NodeCount;
            var moving = new LocalMoving(current, community, resolution, scratch);
            moving.MoveUntilStable(random);
            var communityCount = Renumber(community.AsSpan(0, level), partition, scratch.Names);
            if (communityCount == level)
            {
                break;
            }

            var refined = Refine(current, partition, communityCount, moving.CommunityStrength(partition, communityCount), resolution, random.NextUInt64(), scratch);
            var aggregateOf = scratch.AggregateOf;
            var aggregateCount = Renumber(refined.AsSpan(0, level), aggregateOf, scratch.Names);
            if (aggregateCount == level)
            {
                // Refinement merged nothing: aggregate the communities themselves so the level still shrinks.
                aggregateOf = partition;
                aggregateCount = communityCount;
            }
            for (var v = 0; v < level; v++)
            {
                community[aggregateOf[v]] = partition[v];
            }
            for (var v = 0; v < n; v++)
            {
                nodeToAggregate[v] = aggregateOf[nodeToAggregate[v]];
            }
            current = current.Aggregate(aggregateOf, aggregateCount, buffers);
        }
        var finalCount = Renumber(community.AsSpan(0, current.NodeCount), partition, scratch.Names);
        quality = Modularity.Compute(current, partition, finalCount, resolution);
        for (var v = 0; v < n; v++)
        {
            result[v] = community[nodeToAggregate[v]];
        }
        Renumber(result, result, scratch.Names);
    }

    /// <summary>
    /// Leiden's refinement: inside each community S, start from singletons and visit nodes in random order; a node
    /// still alone and well connected to S (E(v, S−v) ≥ γ k_v (K_S − k_v) / 2m) joins the well-connected part of S
    /// that raises modularity most, if any does. Communities are independent sub-problems, refined in parallel in
    /// chunks that each draw their orders from a generator seeded by <paramref name="levelSeed"/> and the chunk's index.
    /// Returns the refined membership (ids are node ids of representatives), in scratch space that the next call overwrites.
    /// </summary>
    private static int[] Refine(
        ModularityGraph graph, int[] partition, int communityCount, double[] partitionStrength, double resolution, ulong levelSeed, Scratch scratch)
    {
        var n = graph.NodeCount;
        var offsets = graph.Offsets;

        // Members of each community together (counting sort by community, node order within), with the community's
        // adjacency entries as its work for chunking.
        var memberStart = new int[communityCount + 1];
        var workStart = new int[communityCount + 1];
        for (var v = 0; v < n; v++)
        {
            memberStart[partition[v] + 1]++;
            workStart[partition[v] + 1] += offsets[v + 1] - offsets[v];
        }
        for (var c = 0; c < communityCount; c++)
        {
            memberStart[c + 1] += memberStart[c];
            workStart[c + 1] += workStart[c];
        }
        var members = scratch.Members;
        var fill = scratch.Order;
        memberStart.AsSpan(0, communityCount).CopyTo(fill);
        for (var v = 0; v < n; v++)
        {
            members[fill[partition[v]]++] = v;
        }

        var scale = resolution / graph.TotalStrength;
        var chunks = CommunityChunks.Split(workStart, communityCount);
        CommunityChunks.Run(chunks.Length - 1, offsets[n], scratch.Worker, (chunk, worker) =>
        {
            var random = new SeededRandom(levelSeed + ((ulong)chunk * 0x9E3779B97F4A7C15UL));
            for (var c = chunks[chunk]; c < chunks[chunk + 1]; c++)
            {
                var order = members.AsSpan(memberStart[c], memberStart[c + 1] - memberStart[c]);
                if (order.Length < 2)
                {
                    scratch.Refined[order[0]] = order[0];
                    continue;
                }
                StartRefinement(graph, order, partition, scratch);
                random.Shuffle(order);
                RefineCommunity(graph, order, partition, partitionStrength[c], scale, scratch, worker);
            }
        });
        return scratch.Refined;
    }

    /// <summary>Refinement's start for the members of one community: each alone, with its weight to the rest of the community.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void StartRefinement(ModularityGraph graph, ReadOnlySpan<int> members, int[] partition, Scratch scratch)
    {
        var offsets = graph.Offsets;
        var targets = graph.Targets;
        var weights = graph.Weights;
        var refined = scratch.Refined;
        var size = scratch.Size;
        var strength = scratch.Strength;
        var external = scratch.External;
        foreach (var v in members)
        {
            refined[v] = v;
            size[v] = 1;
            strength[v] = graph.Strength[v];
            var toOthers = 0.0;
            var own = partition[v];
            for (var e = offsets[v]; e < offsets[v + 1]; e++)
            {
                if (partition[targets[e]] == own)
                {
                    toOthers += weights is null ? 1.0 : weights[e];
                }
            }
            external[v] = toOthers;
        }
    }

    /// <summary>Refines one community, visiting its members in the order given.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RefineCommunity(
        ModularityGraph graph, ReadOnlySpan<int> order, int[] partition, double ks, double scale, Scratch scratch, WorkerScratch worker)
    {
        var offsets = graph.Offsets;
        var targets = graph.Targets;
        var weights = graph.Weights;
        var refined = scratch.Refined;
        var size = scratch.Size;
        var strength = scratch.Strength;
        var external = scratch.External;
        var slot = worker.Slot;
        var candidates = worker.Candidates;
        var weightTo = worker.CandidateWeight;
        foreach (var v in order)
        {
            if (size[refined[v]] != 1)
            {
                continue;
            }
            var s = partition[v];
            var kv = graph.Strength[v];
            if (external[v] < kv * (ks - kv) * scale)
            {
                continue;
            }
            var count = 0;
            for (var e = offsets[v]; e < offsets[v + 1]; e++)
            {
                var u = targets[e];
                if (partition[u] != s)
                {
                    continue;
                }
                var r = refined[u];
                var at = slot[r];
                if (at < 0)
                {
                    at = count++;
                    slot[r] = at;
                    candidates[at] = r;
                    weightTo[at] = 0;
                }
                weightTo[at] += weights is null ? 1.0 : weights[e];
            }
            var best = -1;
            var bestWeight = 0.0;
            var bestGain = 0.0;
            for (var i = 0; i < count; i++)
            {
                var r = candidates[i];
                slot[r] = -1;
                if (r == refined[v] || external[r] < strength[r] * (ks - strength[r]) * scale)
                {
                    continue;
                }
                var gain = weightTo[i] - (kv * strength[r] * scale);
                if (gain > bestGain)
                {
                    best = r;
                    bestWeight = weightTo[i];
                    bestGain = gain;
                }
            }
            if (best >= 0)
            {
                var own = refined[v];
                external[best] += external[own] - (2 * bestWeight);
                strength[best] += kv;
                size[best]++;
                size[own] = 0;
                refined[v] = best;
            }
        }
    }

    private static CommunityResult Finish(ModularityGraph network, int[] membership, double resolution, int iterations)
    {
        var dense = Renumber(membership, out var count);
        return new CommunityResult(dense, count, Modularity.Compute(network, dense, count, resolution), iterations);
    }

    /// <summary>
    /// Renames the labels of <paramref name="membership"/> (each below its length) to 0..count−1 in order of first
    /// appearance, into <paramref name="dense"/> (which may be <paramref name="membership"/> itself), using
    /// <paramref name="names"/> (at least as long as <paramref name="membership"/>) as scratch; returns the count.
    /// </summary>
    private static int Renumber(ReadOnlySpan<int> membership, Span<int> dense, Span<int> names) =>
        RenumberBelow(membership, dense, names[..membership.Length]);

    /// <summary>Renumbers labels that are all below the length of <paramref name="names"/>, which is overwritten.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int RenumberBelow(ReadOnlySpan<int> membership, Span<int> dense, Span<int> names)
    {
        names.Fill(-1);
        var count = 0;
        for (var v = 0; v < membership.Length; v++)
        {
            ref var name = ref names[membership[v]];
            if (name < 0)
            {
                name = count++;
            }
            dense[v] = name;
        }
        return count;
    }

    /// <summary>Renames community labels to 0..count−1 in order of first appearance (lowest node id first).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int[] Renumber(ReadOnlySpan<int> membership, out int count)
    {
        var largest = -1;
        for (var v = 0; v < membership.Length; v++)
        {
            if (membership[v] < 0)
            {
                throw new ArgumentException($"Node {v} has community {membership[v]}; communities must be non-negative.", nameof(membership));
            }
            largest = Math.Max(largest, membership[v]);
        }
        var dense = new int[membership.Length];
        count = 0;
        if (largest > (4L * membership.Length) + 1024)
        {
            // Sparse labels from a caller: a dictionary instead of a huge array.
            var byLabel = new Dictionary<int, int>();
            for (var v = 0; v < membership.Length; v++)
            {
                if (!byLabel.TryGetValue(membership[v], out var label))
                {
                    label = count++;
                    byLabel.Add(membership[v], label);
                }
                dense[v] = label;
            }
            return dense;
        }
        // Labels are usually below the node count (they are node or community ids), so an array maps them.
        count = RenumberBelow(membership, dense, new int[largest + 1]);
        return dense;
    }

    /// <summary>
    /// Scratch arrays sized to the original graph, shared by every level and run of one Leiden call: the levels only
    /// shrink, so nothing node-sized is allocated again per level.
    /// </summary>
    private sealed class Scratch
    {
        public Scratch(int n)
        {
            Order = new int[n];
            Members = new int[n];
            InQueue = new bool[n];
            Slot = new int[n];
            Array.Fill(Slot, -1);
            Candidates = new int[n];
            CandidateWeight = new double[n];
            CommunityStrength = new double[n];
            CommunitySize = new int[n];
            Refined = new int[n];
            Size = new int[n];
            Strength = new double[n];
            External = new double[n];
            EmptyCommunities = new int[n];
            NodeToAggregate = new int[n];
            Community = new int[n];
            Partition = new int[n];
            AggregateOf = new int[n];
            Names = new int[n];
            _workers = new WorkerScratch?[ParallelWork.MaxWorkers];
            _workers[0] = new WorkerScratch(Slot, Candidates, CandidateWeight);
        }

        private readonly WorkerScratch?[] _workers;

        public int[] Order { get; }

        public int[] Members { get; }

        public bool[] InQueue { get; }

        /// <summary>Position of a community among the current node's candidates, or −1; reset after every use.</summary>
        public int[] Slot { get; }

        public int[] Candidates { get; }

        public double[] CandidateWeight { get; }

        public double[] CommunityStrength { get; }

        public int[] CommunitySize { get; }

        public int[] Refined { get; }

        public int[] Size { get; }

        public double[] Strength { get; }

        public double[] External { get; }

        /// <summary>Local moving's stack of empty community labels.</summary>
        public int[] EmptyCommunities { get; }

        /// <summary>The node of the current level that each original node is part of.</summary>
        public int[] NodeToAggregate { get; }

        public int[] Community { get; }

        public int[] Partition { get; }

        public int[] AggregateOf { get; }

        /// <summary>Label map of <see cref="Renumber(ReadOnlySpan{int}, Span{int}, Span{int})"/>.</summary>
        public int[] Names { get; }

        /// <summary>Scratch of parallel worker <paramref name="index"/>: worker 0 shares this object's arrays, the others get their own once.</summary>
        public WorkerScratch Worker(int index) => _workers[index] ??= new WorkerScratch(Slot.Length);

        /// <summary>0..count−1 shuffled, in <see cref="Order"/> (the same draws as shuffling a fresh array).</summary>
        public Span<int> Shuffled(int count, SeededRandom random)
        {
            var order = Order.AsSpan(0, count);
            for (var i = 0; i < count; i++)
            {
                order[i] = i;
            }
            random.Shuffle(order);
            return order;
        }
    }

    /// <summary>One parallel worker's candidate arrays; slots are −1 except while a node's candidates are gathered.</summary>
    private sealed class WorkerScratch(int[] slot, int[] candidates, double[] candidateWeight)
    {
        public WorkerScratch(int n)
            : this(new int[n], new int[n], new double[n]) => Array.Fill(Slot, -1);

        public int[] Slot { get; } = slot;

        public int[] Candidates { get; } = candidates;

        public double[] CandidateWeight { get; } = candidateWeight;
    }

    /// <summary>
    /// Moves single nodes between communities to raise modularity. Moving node v from its community to C changes
    /// 2m·Q by 2·(w(v, C) − γ k_v K_C / 2m) − 2·(w(v, own) − γ k_v K_own / 2m), with v taken out of its own community
    /// first, so comparing w(v, C) − γ k_v K_C / 2m across candidates (own included) picks the best move.
    /// </summary>
    private sealed class LocalMoving
    {
        /// <summary>Levels from this many nodes up prefetch (<see cref="PrefetchAhead"/>); smaller ones stay in cache.</summary>
        private const int PrefetchFromNodeCount = 100_000;


        private readonly ModularityGraph _graph;
        private readonly int[] _community;
        private readonly double[] _communityStrength;
        private readonly int[] _communitySize;
        private readonly int[] _emptyCommunities;
        private int _emptyCount;
        private readonly double _scale;
        private readonly Scratch _scratch;

        public LocalMoving(ModularityGraph graph, int[] community, double resolution, Scratch scratch)
        {
            var n = graph.NodeCount;
            _graph = graph;
            _community = community;
            _scale = resolution / graph.TotalStrength;
            _scratch = scratch;
            _communityStrength = scratch.CommunityStrength;
            _communitySize = scratch.CommunitySize;
            _emptyCommunities = scratch.EmptyCommunities;
            Array.Clear(_communityStrength, 0, n);
            Array.Clear(_communitySize, 0, n);
            for (var v = 0; v < n; v++)
            {
                _communityStrength[community[v]] += graph.Strength[v];
                _communitySize[community[v]]++;
            }
            for (var c = n - 1; c >= 0; c--)
            {
                if (_communitySize[c] == 0)
                {
                    _emptyCommunities[_emptyCount++] = c;
                }
            }
        }

        /// <summary>Leiden's fast local moving: visit nodes from a queue, re-queueing the neighbours of a moved node.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void MoveUntilStable(SeededRandom random)
        {
            var n = _graph.NodeCount;
            var offsets = _graph.Offsets;
            var targets = _graph.Targets;
            var community = _community;
            var queue = _scratch.Shuffled(n, random);
            var inQueue = _scratch.InQueue.AsSpan(0, n);
            inQueue.Fill(true);
            var head = 0;
            var count = n;
            var prefetch = Sse.IsSupported && n >= PrefetchFromNodeCount;
            while (count > 0)
            {
                var v = queue[head];
                head = head + 1 == n ? 0 : head + 1;
                count--;
                inQueue[v] = false;
                if (prefetch && count > 1)
                {
                    PrefetchAhead(queue[head], queue[head + 1 == n ? 0 : head + 1]);
                }
                if (!MoveToBest(v))
                {
                    continue;
                }
                var target = community[v];
                for (var e = offsets[v]; e < offsets[v + 1]; e++)
                {
                    var u = targets[e];
                    if (!inQueue[u] && community[u] != target)
                    {
                        inQueue[u] = true;
                        var tail = head + count;
                        queue[tail >= n ? tail - n : tail] = u;
                        count++;
                    }
                }
            }
        }

        /// <summary>
        /// Asks the processor to load, while <see cref="MoveToBest"/> works on the current node, what the next two
        /// need: the communities of <paramref name="afterNext"/>'s neighbours, and the slots and strengths of
        /// <paramref name="next"/>'s neighbouring communities (its neighbours' communities were requested a step
        /// earlier). On large levels these are random reads into node-sized arrays, and waiting for them one at a
        /// time is most of the cost of a move; the hints change no result.
        /// </summary>
        private unsafe void PrefetchAhead(int next, int afterNext)
        {
            var offsets = _graph.Offsets;
            var targets = _graph.Targets;
            var community = _community;
            fixed (int* communityOf = community)
            fixed (int* slot = _scratch.Slot)
            fixed (double* strength = _communityStrength)
            {
                for (var e = offsets[afterNext]; e < offsets[afterNext + 1]; e++)
                {
                    Sse.Prefetch0(communityOf + targets[e]);
                }
                for (var e = offsets[next]; e < offsets[next + 1]; e++)
                {
                    var c = community[targets[e]];
                    Sse.Prefetch0(slot + c);
                    Sse.Prefetch0(strength + c);
                }
            }
        }

        /// <summary>
        /// Louvain's sweep: visits the nodes in <paramref name="order"/> and moves each to its best community, skipping
        /// nodes none of whose neighbours changed community since their last visit (flags in <see cref="Scratch.InQueue"/>,
        /// all set when a level starts). The skip is the pruning of Ozaki, Tezuka and Inaba (2016): a skipped node's
        /// best move can only have changed through the totals of its neighbouring communities, which rarely tips it,
        /// and revisiting the unchanged majority of nodes was two thirds of Louvain's time. True if any node moved.
        /// </summary>
        public bool Sweep(ReadOnlySpan<int> order, bool prune)
        {
            var offsets = _graph.Offsets;
            var targets = _graph.Targets;
            var neighbourMoved = _scratch.InQueue;
            var moved = false;
            foreach (var v in order)
            {
                if (prune && !neighbourMoved[v])
                {
                    continue;
                }
                neighbourMoved[v] = false;
                if (!MoveToBest(v))
                {
                    continue;
                }
                moved = true;
                for (var e = offsets[v]; e < offsets[v + 1]; e++)
                {
                    neighbourMoved[targets[e]] = true;
                }
            }
            return moved;
        }

        /// <summary>Moves <paramref name="v"/> to the community that raises modularity most; true if it changed community.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool MoveToBest(int v)
        {
            var graph = _graph;
            var weights = graph.Weights;
            var targets = graph.Targets;
            var community = _community;
            var slot = _scratch.Slot;
            var candidates = _scratch.Candidates;
            var weightTo = _scratch.CandidateWeight;
            var own = community[v];
            // Candidates in order of first appearance, own community first, each with the weight from v to it.
            candidates[0] = own;
            weightTo[0] = 0;
            var count = 1;
            var first = graph.Offsets[v];
            var last = graph.Offsets[v + 1];
            slot[own] = 0;
            for (var e = first; e < last; e++)
            {
                var c = community[targets[e]];
                var at = slot[c];
                if (at < 0)
                {
                    at = count++;
                    slot[c] = at;
                    candidates[at] = c;
                    weightTo[at] = 0;
                }
                weightTo[at] += weights is null ? 1.0 : weights[e];
            }

            var kv = graph.Strength[v];
            var factor = kv * _scale;
            _communityStrength[own] -= kv;
            _communitySize[own]--;
            var best = own;
            var bestGain = weightTo[0] - (factor * _communityStrength[own]);
            slot[own] = -1;
            for (var i = 1; i < count; i++)
            {
                var c = candidates[i];
                slot[c] = -1;
                var gain = weightTo[i] - (factor * _communityStrength[c]);
                if (gain > bestGain)
                {
                    best = c;
                    bestGain = gain;
                }
            }
            if (bestGain < 0 && _emptyCount > 0)
            {
                // Alone, v would contribute 0: better than every community on offer.
                best = _emptyCommunities[--_emptyCount];
            }
            _communityStrength[best] += kv;
            _communitySize[best]++;
            community[v] = best;
            if (best == own)
            {
                return false;
            }
            if (_communitySize[own] == 0)
            {
                _emptyCommunities[_emptyCount++] = own;
            }
            return true;
        }

        /// <summary>Total strength of each community, by the dense labels of <paramref name="partition"/>.</summary>
        public double[] CommunityStrength(int[] partition, int communityCount)
        {
            var strength = new double[communityCount];
            for (var v = 0; v < _graph.NodeCount; v++)
            {
                strength[partition[v]] += _graph.Strength[v];
            }
            return strength;
        }
    }
}
