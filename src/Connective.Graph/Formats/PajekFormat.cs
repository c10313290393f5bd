using System.Globalization;
using System.Text;

namespace Connective.Graph.Formats;

/// <summary>
/// Pajek <c>.net</c>: <c>*Vertices N</c> with lines <c>number "label" [x y [z]] [shape] [key "value"]…</c>, then
/// <c>*Edges</c> or <c>*Arcs</c> (<c>u v [weight]</c>) or <c>*Edgeslist</c>/<c>*Arcslist</c> (<c>u v1 v2 …</c>).
/// Nodes are named by their labels (by their number when a vertex has no line), as NetworkX and igraph read them;
/// key/value pairs after the coordinates become node attributes, following NetworkX's writer. The writer writes
/// labels, edges and weights only (node attributes would make the file unreadable for igraph and Pajek).
/// </summary>
internal static class PajekFormat
{
    private static readonly string[] Shapes = ["ellipse", "box", "diamond", "triangle", "cross", "empty"];

    private enum Section { None, Vertices, Edges, Arcs, EdgesList, ArcsList }

    public static ParsedGraph Read(Stream stream, string fileName)
    {
        var lines = new TextLines(stream, fileName);
        var collector = new GraphCollector(fileName);
        var section = Section.None;
        var vertexCount = -1;
        int[]? nodeOf = null; // Pajek vertex number (1-based) → collector node
        bool? directed = null;
        var sawAnything = false;
        while (lines.ReadLine() is { } raw)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '%')
            {
                continue;
            }
            sawAnything = true;
            if (line[0] == '*')
            {
                var word = line.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries)[0].ToUpperInvariant();
                switch (word)
                {
                    case "*NETWORK":
                        continue;
                    case "*VERTICES":
                        var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                        if (parts.Length < 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out vertexCount))
                        {
                            throw new GraphFormatException(fileName, lines.LineNumber, parts.Length >= 2 && parts[1].All(char.IsAsciiDigit)
                                ? $"*Vertices {parts[1]} is beyond the largest node count (2,147,483,647)"
                                : "*Vertices must be followed by the number of vertices");
                        }
                        // A two-mode network adds the size of its first mode; anything more is not Pajek.
                        if (parts.Length > 3 || (parts.Length == 3
                            && (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var firstMode) || firstMode > vertexCount)))
                        {
                            throw new GraphFormatException(fileName, lines.LineNumber,
                                $"*Vertices {vertexCount} may be followed only by the size of a two-mode network's first mode (0..{vertexCount}), not '{string.Join(' ', parts[2..])}'");
                        }
                        DeclaredSize.Check(vertexCount, fileName, lines.LineNumber, "*Vertices");
                        nodeOf = new int[vertexCount + 1];
                        Array.Fill(nodeOf, -1);
                        section = Section.Vertices;
                        continue;
                    case "*EDGES" or "*ARCS" or "*EDGESLIST" or "*ARCSLIST":
                        if (nodeOf is null)
                        {
                            throw new GraphFormatException(fileName, lines.LineNumber, $"{word} comes before *Vertices");
                        }
                        DeclareUnlistedVertices(nodeOf, collector, lines.LineNumber);
                        section = word switch { "*EDGES" => Section.Edges, "*ARCS" => Section.Arcs, "*EDGESLIST" => Section.EdgesList, _ => Section.ArcsList };
                        var arcs = section is Section.Arcs or Section.ArcsList;
                        if (directed is { } d && d != arcs)
                        {
                            throw new GraphFormatException(fileName, lines.LineNumber, "the file mixes *Edges and *Arcs; Connective graphs are either directed or undirected");
                        }
                        directed = arcs;
                        continue;
                    default:
                        throw new GraphFormatException(fileName, lines.LineNumber, $"the section {word} is not supported (only *Vertices, *Edges, *Arcs, *Edgeslist, *Arcslist)");
                }
            }
            var tokens = Tokenize(line, lines);
            switch (section)
            {
                case Section.Vertices:
                    ReadVertex(tokens, nodeOf!, collector, lines);
                    break;
                case Section.Edges or Section.Arcs:
                    ReadEdge(tokens, nodeOf!, collector, lines);
                    break;
                case Section.EdgesList or Section.ArcsList:
                    var source = Vertex(tokens[0], nodeOf!, lines, 1);
                    for (var i = 1; i < tokens.Count; i++)
                    {
                        collector.AddEdge(source, Vertex(tokens[i], nodeOf!, lines, i + 1), 1.0);
                    }
                    break;
                default:
                    throw new GraphFormatException(fileName, lines.LineNumber, "data before the *Vertices line");
            }
        }
        if (!sawAnything)
        {
            throw new GraphFormatException(fileName, null, "the file is empty");
        }
        if (nodeOf is null)
        {
            throw new GraphFormatException(fileName, null, "no *Vertices line: this is not a Pajek network");
        }
        DeclareUnlistedVertices(nodeOf, collector, lines.LineNumber);
        return collector.Finish(directed);
    }

    private static void ReadVertex(List<string> tokens, int[] nodeOf, GraphCollector collector, TextLines lines)
    {
        if (!int.TryParse(tokens[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number >= nodeOf.Length)
        {
            throw new GraphFormatException(lines.FileName, lines.LineNumber, $"the vertex number '{tokens[0]}' is not between 1 and {nodeOf.Length - 1}", field: 1);
        }
        if (nodeOf[number] >= 0)
        {
            throw new GraphFormatException(lines.FileName, lines.LineNumber, $"the vertex {number} is listed twice", field: 1);
        }
        var label = tokens.Count > 1 ? tokens[1] : tokens[0];
        var node = collector.DeclareNode(label, lines.LineNumber);
        nodeOf[number] = node;
        var i = 2;
        while (i < tokens.Count && i < 5 && GraphAssembly.IsNumber(tokens[i]))
        {
            i++; // coordinates
        }
        if (i < tokens.Count && Array.Exists(Shapes, s => string.Equals(s, tokens[i], StringComparison.OrdinalIgnoreCase)))
        {
            i++;
        }
        for (; i + 1 < tokens.Count; i += 2)
        {
            collector.Attribute(tokens[i]).Set(node, tokens[i + 1]);
        }
    }

    private static void ReadEdge(List<string> tokens, int[] nodeOf, GraphCollector collector, TextLines lines)
    {
        if (tokens.Count < 2)
        {
            throw new GraphFormatException(lines.FileName, lines.LineNumber, $"an edge line needs two vertex numbers, found {tokens.Count} field");
        }
        var u = Vertex(tokens[0], nodeOf, lines, 1);
        var v = Vertex(tokens[1], nodeOf, lines, 2);
        var weight = 1.0;
        if (tokens.Count > 2)
        {
            if (!double.TryParse(tokens[2], NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || !double.IsFinite(weight))
            {
                throw new GraphFormatException(lines.FileName, lines.LineNumber, $"the weight '{tokens[2]}' is not a finite number", field: 3);
            }
            collector.Weighted = true;
        }
        collector.AddEdge(u, v, weight);
    }

    private static int Vertex(string token, int[] nodeOf, TextLines lines, int field)
    {
        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number >= nodeOf.Length)
        {
            throw new GraphFormatException(lines.FileName, lines.LineNumber, $"'{token}' is not a vertex number between 1 and {nodeOf.Length - 1}", field: field);
        }
        return nodeOf[number];
    }

    /// <summary>Vertices with no line of their own are named by their number (Pajek allows listing only some).</summary>
    private static void DeclareUnlistedVertices(int[] nodeOf, GraphCollector collector, long line)
    {
        for (var number = 1; number < nodeOf.Length; number++)
        {
            if (nodeOf[number] < 0)
            {
                nodeOf[number] = collector.DeclareNode(number.ToString(CultureInfo.InvariantCulture), line);
            }
        }
    }

    /// <summary>Splits on whitespace; double quotes group a token (a backslash escapes a quote or backslash inside them).</summary>
    private static List<string> Tokenize(string line, TextLines lines)
    {
        var tokens = new List<string>();
        var p = 0;
        var text = new StringBuilder();
        while (true)
        {
            while (p < line.Length && char.IsWhiteSpace(line[p]))
            {
                p++;
            }
            if (p >= line.Length)
            {
                return tokens;
            }
            text.Clear();
            if (line[p] == '"')
            {
                p++;
                while (true)
                {
                    if (p >= line.Length)
                    {
                        throw new GraphFormatException(lines.FileName, lines.LineNumber, "a quoted label is not closed on this line", field: tokens.Count + 1);
                    }
                    if (line[p] == '\\' && p + 1 < line.Length && line[p + 1] is '"' or '\\')
                    {
                        text.Append(line[p + 1]);
                        p += 2;
                        continue;
                    }
                    if (line[p] == '"')
                    {
                        p++;
                        break;
                    }
                    text.Append(line[p++]);
                }
            }
            else
            {
                while (p < line.Length && !char.IsWhiteSpace(line[p]))
                {
                    text.Append(line[p++]);
                }
            }
            tokens.Add(text.ToString());
        }
    }

    public static void Write(CsrGraph graph, GraphTextWriter output)
    {
        // Node attributes are not written: Pajek has only drawing parameters, and igraph (like Pajek itself) refuses a
        // file with others, such as the key/value pairs NetworkX appends. The reader accepts those pairs.
        output.Line("*Vertices " + graph.NodeCount.ToString(CultureInfo.InvariantCulture));
        for (var node = 0; node < graph.NodeCount; node++)
        {
            output.Integer(node + 1);
            output.Write(' ');
            output.Write(Quote(graph.Labels[node]));
            output.Line();
        }
        output.Line(graph.IsDirected ? "*Arcs" : "*Edges");
        GraphEdges.ForEach(graph, (u, v, w) =>
        {
            output.Integer(u + 1);
            output.Write(' ');
            output.Integer(v + 1);
            if (graph.IsWeighted)
            {
                output.Write(' ');
                output.Number(w);
            }
            output.Line();
        });
    }

    private static string Quote(string text)
    {
        if (text.AsSpan().IndexOfAny("\"\r\n\\") >= 0)
        {
            throw new NotSupportedException($"The text '{text}' contains a quote, backslash or line break, which Pajek cannot hold; write GraphML, GEXF or CSV instead.");
        }
        return "\"" + text + "\"";
    }
}
