namespace Connective.Graph.Formats;

/// <summary>How <see cref="GraphFile.Read(string, GraphReadOptions?)"/> reads a file. Every member has a sensible default.</summary>
public sealed record GraphReadOptions
{
    /// <summary>The format; null chooses it from the file extension (a trailing .gz is ignored).</summary>
    public GraphFormat? Format { get; init; }

    /// <summary>
    /// Whether edges are arcs. Null takes what the file says (GraphML <c>edgedefault</c>, GEXF <c>defaultedgetype</c>,
    /// GML <c>directed</c>, Pajek <c>*Arcs</c>, an edge list's <c># nodes N … directed True</c> line) and undirected otherwise.
    /// </summary>
    public bool? Directed { get; init; }

    /// <summary>What to do with an edge that appears more than once. Default: keep every copy.</summary>
    public DuplicateEdgePolicy DuplicateEdges { get; init; } = DuplicateEdgePolicy.Keep;

    /// <summary>What to do with self-loops. Default: keep them.</summary>
    public SelfLoopPolicy SelfLoops { get; init; } = SelfLoopPolicy.Keep;

    /// <summary>Edge lists: the field delimiter. Null detects it: a comma when the first line has one, else spaces and tabs.</summary>
    public char? Delimiter { get; init; }

    /// <summary>
    /// Edge lists: whether the first non-comment line is a header. Null detects it: a header names its first two columns
    /// with words such as source/target, from/to, u/v or node1/node2.
    /// </summary>
    public bool? HasHeader { get; init; }

    /// <summary>CSV tables: the node table. Null uses <c>NAME.nodes.csv</c> beside <c>NAME.csv</c> when it exists.</summary>
    public string? NodeTablePath { get; init; }
}
