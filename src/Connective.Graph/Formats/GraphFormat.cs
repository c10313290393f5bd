namespace Connective.Graph.Formats;

/// <summary>The file formats <see cref="GraphFile"/> reads and writes.</summary>
public enum GraphFormat
{
    /// <summary>
    /// One edge per line: two node ids and an optional weight, separated by whitespace or a delimiter (CSV);
    /// <c>#</c> comments, an optional header line, and <c># nodes N</c> declaring ids 0..N−1.
    /// Extensions .edgelist, .edges, .el, .txt, .tsv, .dat.
    /// </summary>
    EdgeList,

    /// <summary>
    /// A CSV edge table (<c>source,target[,weight]</c> with a header) and, beside it, an optional node table
    /// <c>NAME.nodes.csv</c> (<c>id,attribute…</c>) that lists every node and its attributes. Extension .csv.
    /// </summary>
    CsvTables,

    /// <summary>GraphML (XML); extensions .graphml, .xml.</summary>
    GraphML,

    /// <summary>GEXF 1.2 (XML, Gephi); extension .gexf.</summary>
    Gexf,

    /// <summary>GML (Graph Modelling Language); extension .gml.</summary>
    Gml,

    /// <summary>Pajek network (<c>*Vertices</c>, <c>*Edges</c>/<c>*Arcs</c>); extensions .net, .pajek.</summary>
    Pajek,
}
