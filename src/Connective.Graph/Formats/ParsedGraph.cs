namespace Connective.Graph.Formats;

/// <summary>
/// What a reader found, before it becomes a <see cref="CsrGraph"/>: edges in file order with endpoints either as raw
/// integer ids (<see cref="Ids"/> null: the fast edge-list path) or as first-seen indices into <see cref="Ids"/>.
/// </summary>
internal sealed class ParsedGraph(EdgeBuffer edges)
{
    public EdgeBuffer Edges { get; } = edges;

    /// <summary>The ids by first-seen index, or null when edge endpoints are the integer ids themselves.</summary>
    public NodeIdMap? Ids { get; set; }

    /// <summary>The largest raw integer id when <see cref="Ids"/> is null; −1 when there are none.</summary>
    public int MaxRawId { get; set; } = -1;

    /// <summary>N from a <c># nodes N</c> declaration (ids 0..N−1 are nodes), or −1.</summary>
    public long DeclaredNodes { get; set; } = -1;

    /// <summary>The line of the <c># nodes N</c> declaration, for errors about it.</summary>
    public long DeclarationLine { get; set; }

    public bool? Directed { get; set; }

    /// <summary>Node attribute columns indexed like <see cref="Ids"/> (first-seen), for formats that carry them.</summary>
    public List<ParsedAttribute> Attributes { get; } = [];
}

/// <summary>A node attribute column while reading: values by first-seen node index; numbers when every value parses as one.</summary>
internal sealed class ParsedAttribute(string name)
{
    public string Name { get; } = name;

    /// <summary>Declared kind, or null to infer (numbers when every present value is a number).</summary>
    public NodeAttributeKind? DeclaredKind { get; set; }

    public List<string?> Values { get; } = [];

    public void Set(int node, string value)
    {
        while (Values.Count <= node)
        {
            Values.Add(null);
        }
        Values[node] = value;
    }
}
