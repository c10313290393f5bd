namespace Connective.Graph;

/// <summary>
/// An immutable graph in compressed sparse rows: dense <see cref="int"/> node ids 0..<see cref="NodeCount"/>−1,
/// each node's neighbours sorted ascending, optional edge weights, and for directed graphs both out- and in-adjacency.
/// Build one with <see cref="GraphBuilder"/>; derive filtered or simple views with <see cref="GraphViews"/>.
/// </summary>
/// <remarks>
/// Undirected edges are stored in both endpoints' rows, except a self-loop, which appears once in its node's row
/// (so <see cref="Degree"/> counts it once). Repeated edges appear as repeated entries when they were kept.
/// Immutable and safe to share between threads.
/// </remarks>
public sealed class CsrGraph
{
    internal CsrGraph(
        bool directed,
        int[] offsets,
        int[] targets,
        double[]? weights,
        int[]? inOffsets,
        int[]? inTargets,
        double[]? inWeights,
        long edgeCount,
        GraphShape shape,
        NodeLabels labels,
        NodeAttributes? attributes)
    {
        IsDirected = directed;
        Offsets = offsets;
        Targets = targets;
        EdgeWeights = weights;
        InOffsets = inOffsets ?? offsets;
        InTargets = inTargets ?? targets;
        InEdgeWeights = inWeights ?? weights;
        EdgeCount = edgeCount;
        Shape = shape;
        Labels = labels;
        NodeAttributes = attributes;
    }

    /// <summary>The number of nodes.</summary>
    public int NodeCount => Offsets.Length - 1;

    /// <summary>The number of edges: undirected edges counted once, arcs when directed, repeats and self-loops included when kept.</summary>
    public long EdgeCount { get; }

    /// <summary>True when edges are arcs from source to target.</summary>
    public bool IsDirected { get; }

    /// <summary>True when the graph carries edge weights.</summary>
    public bool IsWeighted => EdgeWeights is not null;

    /// <summary>The external ids of the nodes.</summary>
    public NodeLabels Labels { get; }

    /// <summary>Named node attributes, or null when the graph has none.</summary>
    public NodeAttributes? NodeAttributes { get; }

    /// <summary>True when some edge is a self-loop.</summary>
    public bool HasSelfLoops => Shape.HasSelfLoops;

    /// <summary>True when some node pair is joined by more than one edge (in the same direction when directed).</summary>
    public bool HasRepeatedEdges => Shape.HasRepeatedEdges;

    /// <summary>Row starts of the (out-)adjacency: node u's neighbours are Targets[Offsets[u]..Offsets[u+1]].</summary>
    internal int[] Offsets { get; }

    /// <summary>Concatenated (out-)neighbour rows, each sorted ascending.</summary>
    internal int[] Targets { get; }

    /// <summary>Weights parallel to <see cref="Targets"/>, or null when unweighted.</summary>
    internal double[]? EdgeWeights { get; }

    /// <summary>Row starts of the in-adjacency (the same array as <see cref="Offsets"/> when undirected).</summary>
    internal int[] InOffsets { get; }

    /// <summary>Concatenated in-neighbour rows, each sorted ascending (the same array as <see cref="Targets"/> when undirected).</summary>
    internal int[] InTargets { get; }

    /// <summary>Weights parallel to <see cref="InTargets"/>, or null when unweighted.</summary>
    internal double[]? InEdgeWeights { get; }

    internal GraphShape Shape { get; }

    /// <summary>The neighbours of <paramref name="node"/> (out-neighbours when directed), sorted ascending.</summary>
    public ReadOnlySpan<int> Neighbors(int node) => Targets.AsSpan(Offsets[node], Offsets[node + 1] - Offsets[node]);

    /// <summary>The in-neighbours of <paramref name="node"/>, sorted ascending (the neighbours when undirected).</summary>
    public ReadOnlySpan<int> InNeighbors(int node) => InTargets.AsSpan(InOffsets[node], InOffsets[node + 1] - InOffsets[node]);

    /// <summary>The weights of the edges to <see cref="Neighbors"/>, in the same order; empty when unweighted.</summary>
    public ReadOnlySpan<double> Weights(int node) =>
        EdgeWeights is null ? [] : EdgeWeights.AsSpan(Offsets[node], Offsets[node + 1] - Offsets[node]);

    /// <summary>The weights of the edges from <see cref="InNeighbors"/>, in the same order; empty when unweighted.</summary>
    public ReadOnlySpan<double> InWeights(int node) =>
        InEdgeWeights is null ? [] : InEdgeWeights.AsSpan(InOffsets[node], InOffsets[node + 1] - InOffsets[node]);

    /// <summary>The number of entries in the neighbour row of <paramref name="node"/> (out-degree when directed).</summary>
    public int Degree(int node) => Offsets[node + 1] - Offsets[node];

    /// <summary>The in-degree of <paramref name="node"/> (the degree when undirected).</summary>
    public int InDegree(int node) => InOffsets[node + 1] - InOffsets[node];
}

/// <summary>Facts about a graph's edges found while building it, so views can skip work they do not need.</summary>
internal readonly record struct GraphShape(bool HasSelfLoops, bool HasRepeatedEdges);
