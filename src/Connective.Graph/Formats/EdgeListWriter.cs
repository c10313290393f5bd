namespace Connective.Graph.Formats;

/// <summary>
/// Writes <c>source target [weight]</c> lines, each edge once, after a <c># nodes N edges M directed B</c> line when the
/// ids are 0..N−1 (which is how isolated nodes survive). Labels must not contain spaces, tabs or line breaks.
/// </summary>
internal static class EdgeListWriter
{
    public static void Write(CsrGraph graph, GraphTextWriter output)
    {
        CheckWritable(graph);
        if (GraphEdges.HasIdentityLabels(graph))
        {
            output.Line($"# nodes {graph.NodeCount} edges {graph.EdgeCount} directed {(graph.IsDirected ? "True" : "False")}");
        }
        var labels = graph.Labels;
        GraphEdges.ForEach(graph, (u, v, w) =>
        {
            output.Label(labels, u);
            output.Write(' ');
            output.Label(labels, v);
            if (graph.IsWeighted)
            {
                output.Write(' ');
                output.Number(w);
            }
            output.Line();
        });
    }

    private static void CheckWritable(CsrGraph graph)
    {
        var labels = graph.Labels;
        if (!labels.IsInteger)
        {
            for (var i = 0; i < graph.NodeCount; i++)
            {
                var label = labels[i];
                if (label.Length == 0 || label.AsSpan().IndexOfAny(" \t\r\n") >= 0 || label[0] == '#')
                {
                    throw new NotSupportedException(
                        $"The node id '{label}' cannot be written to an edge list (empty, starts with '#', or contains whitespace); write CSV, GraphML, GEXF, GML or Pajek instead.");
                }
            }
        }
        if (!GraphEdges.HasIdentityLabels(graph))
        {
            for (var i = 0; i < graph.NodeCount; i++)
            {
                if (graph.Degree(i) == 0 && graph.InDegree(i) == 0)
                {
                    throw new NotSupportedException(
                        $"The node '{labels[i]}' has no edges, and an edge list can only declare isolated nodes whose ids are 0..N−1; write CSV, GraphML, GEXF, GML or Pajek instead.");
                }
            }
        }
    }
}
