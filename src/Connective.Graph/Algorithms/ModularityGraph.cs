using System.Runtime.CompilerServices;

namespace Connective.Graph.Algorithms;

/// <summary>
/// The symmetric weighted adjacency A that modularity is defined on, in CSR rows without the diagonal:
/// the diagonal A_ii lives in <see cref="SelfLoops"/> so that local moves, which never count a node's edges to
/// itself, need no test in their inner loop. Node i's strength is k_i = Σ_j A_ij, diagonal included.
/// </summary>
/// <remarks>
/// Conventions are those of igraph and NetworkX: an edge (u, v) of weight w gives A_uv = A_vu = w (repeats add up);
/// a self-loop of weight w gives A_uu = 2w. A directed graph is replaced by its undirected simple view
/// (<see cref="GraphViews.Simple"/>: an edge where there is an arc either way, reciprocal arcs and repeats once,
/// self-loops and weights dropped), the graph igraph's and NetworkX's undirected modularity are computed on after
/// <c>as_undirected(mode="collapse")</c>; adding each arc's weight both ways instead would count reciprocal pairs
/// twice and optimise a modularity no reference tool reports. Aggregating communities into nodes keeps the same form, with each community's internal
/// weight (counted from both ends) on the diagonal, so modularity is unchanged by aggregation.
/// </remarks>
internal sealed class ModularityGraph
{
    private ModularityGraph(int nodeCount, int[] offsets, int[] targets, double[]? weights, double[] selfLoops, double[] strength)
    {
        NodeCount = nodeCount;
        Offsets = offsets;
        Targets = targets;
        Weights = weights;
        SelfLoops = selfLoops;
        Strength = strength;
        var total = 0.0;
        for (var v = 0; v < nodeCount; v++)
        {
            total += strength[v];
        }
        TotalStrength = total;
    }

    public int NodeCount { get; }

    /// <summary>Row starts, <see cref="NodeCount"/> + 1 of them; like every array here it may be longer (aggregates live in reused buffers).</summary>
    public int[] Offsets { get; }

    /// <summary>Row entries: node v's neighbours are [Offsets[v], Offsets[v + 1]).</summary>
    public int[] Targets { get; }

    /// <summary>Weights parallel to <see cref="Targets"/>; null means every entry weighs 1.</summary>
    public double[]? Weights { get; }

    public double[] SelfLoops { get; }

    public double[] Strength { get; }

    /// <summary>2m: the sum of all strengths.</summary>
    public double TotalStrength { get; }

    public static ModularityGraph FromGraph(CsrGraph graph, bool useWeights)
    {
        if (graph.IsDirected)
        {
            graph = GraphViews.Simple(graph);
        }
        var n = graph.NodeCount;
        var weights = useWeights ? graph.EdgeWeights : null;
        if (!graph.HasSelfLoops)
        {
            // The graph's own rows already have the required form: share them instead of copying.
            var strength = new double[n];
            for (var v = 0; v < n; v++)
            {
                if (weights is null)
                {
                    strength[v] = graph.Offsets[v + 1] - graph.Offsets[v];
                }
                else
                {
                    var sum = 0.0;
                    for (var e = graph.Offsets[v]; e < graph.Offsets[v + 1]; e++)
                    {
                        sum += weights[e];
                    }
                    strength[v] = sum;
                }
            }
            return new ModularityGraph(n, graph.Offsets, graph.Targets, weights, new double[n], strength);
        }

        // An undirected graph with self-loops: the rows without their self-loops, which move to the diagonal.
        var offsets = new int[n + 1];
        var targets = new int[graph.Offsets[n]];
        var rowWeights = new double[graph.Offsets[n]];
        var selfLoops = new double[n];
        var strengths = new double[n];
        var used = 0;
        for (var v = 0; v < n; v++)
        {
            var start = used;
            var self = 0.0;
            for (var e = graph.Offsets[v]; e < graph.Offsets[v + 1]; e++)
            {
                var w = weights is null ? 1.0 : weights[e];
                if (graph.Targets[e] == v)
                {
                    // A self-loop is stored once and counts twice.
                    self += 2 * w;
                }
                else
                {
                    targets[used] = graph.Targets[e];
                    rowWeights[used++] = w;
                }
            }
            offsets[v] = start;
            selfLoops[v] = self;
            var sum = self;
            for (var i = start; i < used; i++)
            {
                sum += rowWeights[i];
            }
            strengths[v] = sum;
        }
        offsets[n] = used;
        // Rows were packed in place, so offsets[v] now holds row starts; trimming is unnecessary for correctness.
        return new ModularityGraph(n, offsets, targets, rowWeights, selfLoops, strengths);
    }

    /// <summary>
    /// The graph whose nodes are the communities 0..<paramref name="communityCount"/>−1 of <paramref name="membership"/>:
    /// the weight between two communities is the sum of the weights between their members, and the diagonal the
    /// sum of the weights inside a community (both directions) plus its members' diagonals. Rows are built in
    /// parallel on large graphs; each community's row depends only on its members (in node order), so the result
    /// is the same on any number of threads. The rows are written into <paramref name="buffers"/>, so the returned
    /// graph is valid until the level after next is built.
    /// </summary>
    public ModularityGraph Aggregate(int[] membership, int communityCount, AggregateBuffers buffers)
    {
        var n = NodeCount;
        var level = buffers.NextLevel(communityCount, Offsets[n]);
        // Counting sort of nodes by community, so each community's rows are read together. rowStart[c + 1] − rowStart[c]
        // is the number of entries of c's members, an upper bound on c's row: rows are written there, then compacted.
        var memberStart = buffers.MemberStart(communityCount);
        var rowStart = buffers.RowStart(communityCount);
        for (var v = 0; v < n; v++)
        {
            memberStart[membership[v] + 1]++;
            rowStart[membership[v] + 1] += Offsets[v + 1] - Offsets[v];
        }
        for (var c = 0; c < communityCount; c++)
        {
            memberStart[c + 1] += memberStart[c];
            rowStart[c + 1] += rowStart[c];
        }
        var members = buffers.Members(n);
        var fill = level.Offsets;
        memberStart.AsSpan(0, communityCount).CopyTo(fill);
        for (var v = 0; v < n; v++)
        {
            members[fill[membership[v]]++] = v;
        }

        var rowLength = buffers.RowLength;
        var chunks = CommunityChunks.Split(rowStart, communityCount);
        var rows = new AggregateRows(membership, memberStart, members, rowStart, level.Targets, level.Weights, rowLength, level.SelfLoops, level.Strength);
        CommunityChunks.Run(chunks.Length - 1, Offsets[n], buffers.RowScratch, (chunk, scratch) => BuildRows(chunks[chunk], chunks[chunk + 1], rows, scratch));

        // Compact the rows in place: row c moves left to offsets[c] ≤ rowStart[c], and in increasing order no row
        // overwrites one that is still to move.
        var offsets = level.Offsets;
        offsets[0] = 0;
        for (var c = 0; c < communityCount; c++)
        {
            offsets[c + 1] = offsets[c] + rowLength[c];
            Array.Copy(level.Targets, rowStart[c], level.Targets, offsets[c], rowLength[c]);
            Array.Copy(level.Weights, rowStart[c], level.Weights, offsets[c], rowLength[c]);
        }
        return new ModularityGraph(communityCount, offsets, level.Targets, level.Weights, level.SelfLoops, level.Strength);
    }

    /// <summary>Writes the aggregate rows of communities [<paramref name="first"/>, <paramref name="end"/>) at their room in <paramref name="rows"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BuildRows(int first, int end, AggregateRows rows, RowScratch scratch)
    {
        // Everything in locals, so the inner loop keeps the arrays in registers.
        var offsets = Offsets;
        var targets = Targets;
        var weights = Weights;
        var membership = rows.Membership;
        var memberStart = rows.MemberStart;
        var members = rows.Members;
        var slot = scratch.Slot;
        var touched = scratch.Touched;
        var weightTo = scratch.WeightTo;
        for (var c = first; c < end; c++)
        {
            var touchedCount = 0;
            var self = 0.0;
            var k = 0.0;
            for (var i = memberStart[c]; i < memberStart[c + 1]; i++)
            {
                var v = members[i];
                self += SelfLoops[v];
                k += Strength[v];
                for (var e = offsets[v]; e < offsets[v + 1]; e++)
                {
                    var d = membership[targets[e]];
                    var w = weights is null ? 1.0 : weights[e];
                    if (d == c)
                    {
                        self += w;
                        continue;
                    }
                    var at = slot[d];
                    if (at < 0)
                    {
                        at = touchedCount++;
                        slot[d] = at;
                        touched[at] = d;
                        weightTo[at] = 0;
                    }
                    weightTo[at] += w;
                }
            }
            var row = rows.RowStart[c];
            var roomTargets = rows.Targets;
            var roomWeights = rows.Weights;
            for (var i = 0; i < touchedCount; i++)
            {
                slot[touched[i]] = -1;
                roomTargets[row + i] = touched[i];
                roomWeights[row + i] = weightTo[i];
            }
            rows.Length[c] = touchedCount;
            rows.SelfLoops[c] = self;
            rows.Strength[c] = k;
        }
    }

    /// <summary>The arrays one aggregation fills: rows are written at <see cref="RowStart"/> (room for every member entry), then compacted.</summary>
    private sealed record AggregateRows(
        int[] Membership, int[] MemberStart, int[] Members, int[] RowStart, int[] Targets, double[] Weights, int[] Length, double[] SelfLoops, double[] Strength);

    /// <summary>One worker's scratch for building aggregate rows: slots are −1 except while a row is built.</summary>
    internal sealed class RowScratch
    {
        public RowScratch(int communityCount)
        {
            Slot = new int[communityCount];
            Array.Fill(Slot, -1);
            Touched = new int[communityCount];
            WeightTo = new double[communityCount];
        }

        public int[] Slot { get; }

        public int[] Touched { get; }

        public double[] WeightTo { get; }
    }
}

/// <summary>
/// The arrays that the aggregate levels of one detection call are built in, reused by every level and run. Level L + 1
/// is built from level L, so two sets of level arrays, used in turn, are enough; reusing them (and the counting-sort
/// scratch) keeps every level of every run from leaving hundreds of megabytes of large-object garbage behind on
/// million-node graphs, which the collector would otherwise let pile up before it runs.
/// </summary>
internal sealed class AggregateBuffers
{
    private readonly LevelArrays[] _levels = [new(), new()];
    private readonly ModularityGraph.RowScratch?[] _rowScratch = new ModularityGraph.RowScratch?[ParallelWork.MaxWorkers];
    private int[] _memberStart = [];
    private int[] _rowStart = [];
    private int[] _members = [];
    private int _next;

    /// <summary>
    /// Starts again from the original graph: the next level goes into the first set of arrays, so every run's first
    /// aggregate (the largest) reuses the same set, and the second set only ever needs room for the smaller levels.
    /// </summary>
    public void StartFromOriginal() => _next = 0;

    /// <summary>Row length of each community of the level being built.</summary>
    public int[] RowLength { get; private set; } = [];

    /// <summary>
    /// The level arrays not used by the previous call, with room for <paramref name="nodeCount"/> nodes and
    /// <paramref name="entries"/> row entries; contents undefined. Also sizes <see cref="RowLength"/> and the worker scratch.
    /// </summary>
    public LevelArrays NextLevel(int nodeCount, int entries)
    {
        var level = _levels[_next];
        _next = 1 - _next;
        level.EnsureRoom(nodeCount, entries);
        if (RowLength.Length < nodeCount)
        {
            RowLength = new int[WithHeadroom(nodeCount)];
            Array.Fill(_rowScratch, null);
        }
        return level;
    }

    /// <summary>Zeroed counts of <paramref name="communityCount"/> + 1 entries (the counting sort's member starts).</summary>
    public int[] MemberStart(int communityCount) => Zeroed(ref _memberStart, communityCount + 1);

    /// <summary>Zeroed counts of <paramref name="communityCount"/> + 1 entries (each community's room for its row).</summary>
    public int[] RowStart(int communityCount) => Zeroed(ref _rowStart, communityCount + 1);

    /// <summary>Room for the members of every community, <paramref name="nodeCount"/> entries; contents undefined.</summary>
    public int[] Members(int nodeCount)
    {
        if (_members.Length < nodeCount)
        {
            _members = GC.AllocateUninitializedArray<int>(nodeCount);
        }
        return _members;
    }

    /// <summary>Worker <paramref name="index"/>'s row scratch, sized to the largest level asked for so far.</summary>
    public ModularityGraph.RowScratch RowScratch(int index) => _rowScratch[index] ??= new ModularityGraph.RowScratch(RowLength.Length);

    /// <summary>An eighth more than <paramref name="length"/>, within the largest array length.</summary>
    private static int WithHeadroom(int length) => (int)Math.Min(Array.MaxLength - 1, length + ((long)length / 8));

    private static int[] Zeroed(ref int[] array, int length)
    {
        if (array.Length < length)
        {
            array = new int[length];
        }
        else
        {
            Array.Clear(array, 0, length);
        }
        return array;
    }

    /// <summary>One level's arrays; grown when a level needs more room, never shrunk.</summary>
    internal sealed class LevelArrays
    {
        public int[] Offsets { get; private set; } = [];

        public int[] Targets { get; private set; } = [];

        public double[] Weights { get; private set; } = [];

        public double[] SelfLoops { get; private set; } = [];

        public double[] Strength { get; private set; } = [];

        public void EnsureRoom(int nodeCount, int entries)
        {
            if (Targets.Length < entries)
            {
                // Later runs' levels come out a little larger than the first run's: an eighth more room spares
                // reallocating them. Drop the old arrays first, so they can be collected before the larger ones exist.
                var room = WithHeadroom(entries);
                Targets = [];
                Weights = [];
                Targets = GC.AllocateUninitializedArray<int>(room);
                Weights = GC.AllocateUninitializedArray<double>(room);
            }
            if (Offsets.Length < nodeCount + 1)
            {
                var room = WithHeadroom(nodeCount);
                Offsets = new int[room + 1];
                SelfLoops = new double[room];
                Strength = new double[room];
            }
        }
    }
}
