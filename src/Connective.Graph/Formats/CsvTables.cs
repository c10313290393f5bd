using System.Text;

namespace Connective.Graph.Formats;

/// <summary>
/// A CSV edge table (<c>source,target[,weight]</c>, header required unless told otherwise) and its node table
/// <c>NAME.nodes.csv</c> (<c>id,attribute…</c>): the node table lists every node, in order, with its attributes, and
/// the edges may only name nodes it lists.
/// </summary>
internal static class CsvTables
{
    /// <summary>The node table beside an edge table: <c>dir/NAME.nodes.csv</c> for <c>dir/NAME.csv</c> (or NAME.csv.gz).</summary>
    public static string NodeTablePathFor(string edgeTablePath)
    {
        var withoutGz = InputText.WithoutGzipExtension(edgeTablePath);
        var stem = Path.ChangeExtension(withoutGz, null);
        return stem + ".nodes.csv";
    }

    public static ParsedGraph Read(string edgePath, GraphReadOptions options)
    {
        var nodePath = options.NodeTablePath ?? NodeTablePathFor(edgePath);
        var layout = new EdgeListLayout(options.Delimiter ?? ',', options.HasHeader ?? true);
        if (!File.Exists(nodePath))
        {
            if (options.NodeTablePath is not null)
            {
                throw new FileNotFoundException($"The node table {nodePath} does not exist.", nodePath);
            }
            using var edgesOnly = InputText.OpenRead(edgePath);
            return new EdgeListReader(edgesOnly, edgePath, layout, new FileInfo(edgePath).Length).Read();
        }
        var (ids, attributes) = ReadNodeTable(nodePath, options.Delimiter ?? ',');
        using var stream = InputText.OpenRead(edgePath);
        var parsed = new EdgeListReader(stream, edgePath, layout, new FileInfo(edgePath).Length, ids, Path.GetFileName(nodePath)).Read();
        parsed.Attributes.AddRange(attributes);
        return parsed;
    }

    private static (NodeIdMap Ids, List<ParsedAttribute> Attributes) ReadNodeTable(string path, char delimiter)
    {
        using var stream = InputText.OpenRead(path);
        var lines = new TextLines(stream, path);
        var ids = new NodeIdMap();
        List<ParsedAttribute>? attributes = null;
        var columns = 0;
        while (lines.ReadLine() is { } line)
        {
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }
            var fields = SplitLine(line, delimiter, lines);
            if (attributes is null)
            {
                columns = fields.Count;
                attributes = [.. fields.Skip(1).Select(name => new ParsedAttribute(name))];
                continue;
            }
            if (fields.Count != columns)
            {
                throw new GraphFormatException(path, lines.LineNumber, $"expected {columns} fields as in the header, found {fields.Count}");
            }
            var id = fields[0];
            if (id.Length == 0)
            {
                throw new GraphFormatException(path, lines.LineNumber, "the node id is empty", field: 1);
            }
            var before = ids.Count;
            var node = ids.GetOrAdd(id);
            if (ids.Count == before)
            {
                throw new GraphFormatException(path, lines.LineNumber, $"the node id '{id}' is listed twice", field: 1);
            }
            for (var c = 1; c < columns; c++)
            {
                if (fields[c].Length > 0)
                {
                    attributes[c - 1].Set(node, fields[c]);
                }
            }
        }
        if (attributes is null)
        {
            throw new GraphFormatException(path, null, "the node table is empty (it needs a header line starting with the id column)");
        }
        ids.Closed = true;
        return (ids, attributes);
    }

    /// <summary>Splits one CSV line: fields trimmed, quotes optional, "" inside quotes is one quote.</summary>
    internal static List<string> SplitLine(string line, char delimiter, TextLines source)
    {
        var fields = new List<string>();
        var p = 0;
        var text = new StringBuilder();
        while (true)
        {
            while (p < line.Length && line[p] is ' ' or '\t')
            {
                p++;
            }
            text.Clear();
            if (p < line.Length && line[p] == '"')
            {
                p++;
                while (true)
                {
                    if (p >= line.Length)
                    {
                        throw new GraphFormatException(source.FileName, source.LineNumber, "a quoted field is not closed on this line", field: fields.Count + 1);
                    }
                    if (line[p] == '"')
                    {
                        if (p + 1 < line.Length && line[p + 1] == '"')
                        {
                            text.Append('"');
                            p += 2;
                            continue;
                        }
                        p++;
                        break;
                    }
                    text.Append(line[p++]);
                }
                while (p < line.Length && line[p] is ' ' or '\t')
                {
                    p++;
                }
                if (p < line.Length && line[p] != delimiter)
                {
                    throw new GraphFormatException(source.FileName, source.LineNumber, "unexpected text after a closing quote", field: fields.Count + 1);
                }
                fields.Add(text.ToString());
            }
            else
            {
                var start = p;
                while (p < line.Length && line[p] != delimiter)
                {
                    p++;
                }
                fields.Add(line[start..p].Trim());
            }
            if (p >= line.Length)
            {
                return fields;
            }
            p++;
        }
    }

    public static void WriteEdges(CsrGraph graph, GraphTextWriter output)
    {
        output.Line(graph.IsWeighted ? "source,target,weight" : "source,target");
        var labels = graph.Labels;
        GraphEdges.ForEach(graph, (u, v, w) =>
        {
            WriteId(output, labels, u);
            output.Write(',');
            WriteId(output, labels, v);
            if (graph.IsWeighted)
            {
                output.Write(',');
                output.Number(w);
            }
            output.Line();
        });
    }

    public static void WriteNodes(CsrGraph graph, GraphTextWriter output)
    {
        var columns = graph.NodeAttributes?.Columns ?? [];
        output.Write("id");
        foreach (var column in columns)
        {
            output.Write(',');
            output.Write(Quote(column.Name));
        }
        output.Line();
        for (var node = 0; node < graph.NodeCount; node++)
        {
            WriteId(output, graph.Labels, node);
            foreach (var column in columns)
            {
                output.Write(',');
                if (column.GetText(node) is { } value)
                {
                    output.Write(Quote(value));
                }
            }
            output.Line();
        }
    }

    private static void WriteId(GraphTextWriter output, NodeLabels labels, int node)
    {
        if (labels.IsInteger)
        {
            output.Integer(labels.IntegerId(node));
        }
        else
        {
            output.Write(Quote(labels[node]));
        }
    }

    /// <summary>Quotes a field when it would otherwise be misread: delimiters, quotes, line breaks, edge spaces, a leading '#', or empty.</summary>
    internal static string Quote(string value)
    {
        var needs = value.Length == 0 || value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value[0] is ' ' or '\t' or '#'
            || value[^1] is ' ' or '\t';
        return needs ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
