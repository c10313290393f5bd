using System.Globalization;
using System.Text;

namespace Connective.Graph.Formats;

/// <summary>
/// GML: <c>graph [ directed 0|1 node [ id N label "…" key value … ] edge [ source N target M weight W ] ]</c>.
/// Nodes are named by their <c>label</c> (by their <c>id</c> when they have none), as NetworkX reads them; scalar node
/// keys become node attributes; nested lists such as <c>graphics</c> are skipped. Strings use HTML character
/// entities for quotes, ampersands and non-ASCII characters, as NetworkX writes and reads them.
/// </summary>
internal static class GmlFormat
{
    private enum TokenKind { Key, Integer, Real, Text, Open, Close, End }

    private readonly record struct Token(TokenKind Kind, string Text, long Line);

    public static ParsedGraph Read(Stream stream, string fileName)
    {
        var tokens = new Tokenizer(new TextLines(stream, fileName));
        var first = tokens.Next();
        if (first.Kind == TokenKind.End)
        {
            throw new GraphFormatException(fileName, null, "the file is empty");
        }
        while (!(first.Kind == TokenKind.Key && first.Text == "graph"))
        {
            if (first.Kind == TokenKind.End)
            {
                throw new GraphFormatException(fileName, null, "no 'graph [ … ]' in the file: this is not a GML graph");
            }
            SkipValue(tokens, first);
            first = tokens.Next();
        }
        Expect(tokens.Next(), TokenKind.Open, "'[' after 'graph'", fileName);
        var collector = new GraphCollector(fileName);
        var gmlIdToNode = new Dictionary<long, int>();
        var edges = new List<(long Source, long Target, double Weight, long Line)>();
        bool? directed = null;
        while (true)
        {
            var key = tokens.Next();
            if (key.Kind == TokenKind.Close)
            {
                break;
            }
            if (key.Kind == TokenKind.End)
            {
                throw new GraphFormatException(fileName, tokens.LastLine, "the file ends inside 'graph [ … ]' (truncated?)");
            }
            if (key.Kind != TokenKind.Key)
            {
                throw new GraphFormatException(fileName, key.Line, $"expected a key, found '{key.Text}'");
            }
            switch (key.Text)
            {
                case "directed":
                    // GML says 0 or 1; reading any other number as "directed" would guess at what the file meant.
                    var flag = ReadInteger(tokens, key, fileName);
                    if (flag is not (0 or 1))
                    {
                        throw new GraphFormatException(fileName, key.Line, $"'directed {flag}' must be 0 (undirected) or 1 (directed)");
                    }
                    if (directed is { } earlier && earlier != (flag == 1))
                    {
                        throw new GraphFormatException(fileName, key.Line, "'directed' is given twice, with different values");
                    }
                    directed = flag == 1;
                    break;
                case "node":
                    ReadNode(tokens, key, collector, gmlIdToNode);
                    break;
                case "edge":
                    edges.Add(ReadEdge(tokens, key, collector));
                    break;
                default:
                    SkipValue(tokens, tokens.Next());
                    break;
            }
        }
        RefuseTrailingContent(tokens, fileName);
        foreach (var (source, target, weight, line) in edges)
        {
            collector.AddEdge(Resolve(source, line), Resolve(target, line), weight);
        }
        return collector.Finish(directed);

        int Resolve(long id, long line) => gmlIdToNode.TryGetValue(id, out var node)
            ? node
            : throw new GraphFormatException(fileName, line, $"the edge refers to the node id {id}, which no node has");
    }

    private static void ReadNode(Tokenizer tokens, Token at, GraphCollector collector, Dictionary<long, int> gmlIdToNode)
    {
        var fileName = collector.FileName;
        Expect(tokens.Next(), TokenKind.Open, "'[' after 'node'", fileName);
        long? id = null;
        string? label = null;
        var attributes = new List<(string Key, Token Value)>();
        while (true)
        {
            var key = tokens.Next();
            if (key.Kind == TokenKind.Close)
            {
                break;
            }
            if (key.Kind != TokenKind.Key)
            {
                throw new GraphFormatException(fileName, key.Line, key.Kind == TokenKind.End ? "the file ends inside a node (truncated?)" : $"expected a key, found '{key.Text}'");
            }
            if (key.Text == "id")
            {
                id = ReadInteger(tokens, key, fileName);
                continue;
            }
            var value = tokens.Next();
            if (value.Kind == TokenKind.Open)
            {
                SkipValue(tokens, value);
                continue;
            }
            RequireScalar(value, key, fileName);
            if (key.Text == "label")
            {
                label = value.Text;
            }
            else
            {
                attributes.Add((key.Text, value));
            }
        }
        if (id is not { } gmlId)
        {
            throw new GraphFormatException(fileName, at.Line, "the node has no id");
        }
        var node = collector.DeclareNode(label ?? gmlId.ToString(CultureInfo.InvariantCulture), at.Line);
        if (!gmlIdToNode.TryAdd(gmlId, node))
        {
            throw new GraphFormatException(fileName, at.Line, $"two nodes have the id {gmlId}");
        }
        foreach (var (key, value) in attributes)
        {
            var attribute = collector.Attribute(key);
            if (value.Kind == TokenKind.Text)
            {
                attribute.DeclaredKind = NodeAttributeKind.Text;
            }
            attribute.Set(node, value.Text);
        }
    }

    private static (long, long, double, long) ReadEdge(Tokenizer tokens, Token at, GraphCollector collector)
    {
        var fileName = collector.FileName;
        Expect(tokens.Next(), TokenKind.Open, "'[' after 'edge'", fileName);
        long? source = null;
        long? target = null;
        var weight = 1.0;
        while (true)
        {
            var key = tokens.Next();
            if (key.Kind == TokenKind.Close)
            {
                break;
            }
            if (key.Kind != TokenKind.Key)
            {
                throw new GraphFormatException(fileName, key.Line, key.Kind == TokenKind.End ? "the file ends inside an edge (truncated?)" : $"expected a key, found '{key.Text}'");
            }
            switch (key.Text)
            {
                case "source":
                    source = ReadInteger(tokens, key, fileName);
                    break;
                case "target":
                    target = ReadInteger(tokens, key, fileName);
                    break;
                case "weight":
                    var value = tokens.Next();
                    if (value.Kind is not (TokenKind.Integer or TokenKind.Real)
                        || !double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || !double.IsFinite(weight))
                    {
                        throw new GraphFormatException(fileName, value.Line, $"the edge weight '{value.Text}' is not a finite number");
                    }
                    collector.Weighted = true;
                    break;
                default:
                    SkipValue(tokens, tokens.Next());
                    break;
            }
        }
        if (source is null || target is null)
        {
            throw new GraphFormatException(fileName, at.Line, "the edge needs both a source and a target");
        }
        return (source.Value, target.Value, weight, at.Line);
    }

    private static long ReadInteger(Tokenizer tokens, Token key, string fileName)
    {
        var value = tokens.Next();
        if (value.Kind != TokenKind.Integer || !long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result))
        {
            throw new GraphFormatException(fileName, value.Line, $"'{key.Text}' must be an integer, found '{value.Text}'");
        }
        return result;
    }

    private static void RequireScalar(Token value, Token key, string fileName)
    {
        if (value.Kind is not (TokenKind.Integer or TokenKind.Real or TokenKind.Text))
        {
            throw new GraphFormatException(fileName, value.Line,
                value.Kind == TokenKind.End ? "the file ends too early (truncated?)" : $"'{key.Text}' needs a value, found '{value.Text}'");
        }
    }

    /// <summary>
    /// After the graph's closing ']' only other top-level key–value pairs may follow (GML allows them, for example
    /// <c>Creator</c>); a stray ']' or a second graph means the file is not what it seems, so it is an error, not ignored.
    /// </summary>
    private static void RefuseTrailingContent(Tokenizer tokens, string fileName)
    {
        while (true)
        {
            var token = tokens.Next();
            switch (token.Kind)
            {
                case TokenKind.End:
                    return;
                case TokenKind.Close:
                    throw new GraphFormatException(fileName, token.Line, "unexpected ']' after the end of 'graph [ … ]'");
                case TokenKind.Key when token.Text == "graph":
                    throw new GraphFormatException(fileName, token.Line, "a second 'graph [ … ]': a file holds one graph");
                case TokenKind.Key:
                    var value = tokens.Next();
                    if (value.Kind is TokenKind.Key or TokenKind.Close or TokenKind.End)
                    {
                        throw new GraphFormatException(fileName, value.Line, $"'{token.Text}' after the graph needs a value");
                    }
                    SkipValue(tokens, value);
                    break;
                default:
                    throw new GraphFormatException(fileName, token.Line, $"expected a key after the end of 'graph [ … ]', found '{token.Text}'");
            }
        }
    }

    private static void SkipValue(Tokenizer tokens, Token value)
    {
        if (value.Kind == TokenKind.End)
        {
            throw new GraphFormatException(tokens.FileName, tokens.LastLine, "the file ends too early (truncated?)");
        }
        if (value.Kind == TokenKind.Close)
        {
            throw new GraphFormatException(tokens.FileName, value.Line, "unexpected ']'");
        }
        if (value.Kind != TokenKind.Open)
        {
            return;
        }
        var depth = 1;
        while (depth > 0)
        {
            var t = tokens.Next();
            depth += t.Kind switch { TokenKind.Open => 1, TokenKind.Close => -1, _ => 0 };
            if (t.Kind == TokenKind.End)
            {
                throw new GraphFormatException(tokens.FileName, tokens.LastLine, "the file ends inside a list (truncated?)");
            }
        }
    }

    private static void Expect(Token token, TokenKind kind, string what, string fileName)
    {
        if (token.Kind != kind)
        {
            throw new GraphFormatException(fileName, token.Line, token.Kind == TokenKind.End ? $"the file ends before {what} (truncated?)" : $"expected {what}, found '{token.Text}'");
        }
    }

    /// <summary>Splits GML into keys, numbers, strings and brackets; '#' starts a comment outside strings.</summary>
    private sealed class Tokenizer(TextLines lines)
    {
        private string _line = string.Empty;
        private int _position;

        public string FileName => lines.FileName;

        public long LastLine => lines.LineNumber;

        public Token Next()
        {
            while (true)
            {
                while (_position < _line.Length && char.IsWhiteSpace(_line[_position]))
                {
                    _position++;
                }
                if (_position < _line.Length && _line[_position] != '#')
                {
                    break;
                }
                if (lines.ReadLine() is not { } next)
                {
                    return new Token(TokenKind.End, "end of file", lines.LineNumber);
                }
                _line = next;
                _position = 0;
            }
            var line = lines.LineNumber;
            var c = _line[_position];
            if (c == '[')
            {
                _position++;
                return new Token(TokenKind.Open, "[", line);
            }
            if (c == ']')
            {
                _position++;
                return new Token(TokenKind.Close, "]", line);
            }
            if (c == '"')
            {
                return new Token(TokenKind.Text, ReadString(line), line);
            }
            var start = _position;
            while (_position < _line.Length && !char.IsWhiteSpace(_line[_position]) && _line[_position] is not ('[' or ']' or '"'))
            {
                _position++;
            }
            var word = _line[start.._position];
            if (char.IsAsciiLetter(word[0]) || word[0] == '_')
            {
                return new Token(TokenKind.Key, word, line);
            }
            if (long.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                return new Token(TokenKind.Integer, word, line);
            }
            if (double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return new Token(TokenKind.Real, word, line);
            }
            throw new GraphFormatException(lines.FileName, line, $"'{word}' is neither a key, a number nor a quoted string", column: start + 1);
        }

        private string ReadString(long startLine)
        {
            var text = new StringBuilder();
            _position++;
            while (true)
            {
                var close = _line.IndexOf('"', _position);
                if (close >= 0)
                {
                    text.Append(_line, _position, close - _position);
                    _position = close + 1;
                    return System.Net.WebUtility.HtmlDecode(text.ToString());
                }
                text.Append(_line, _position, _line.Length - _position).Append('\n');
                if (lines.ReadLine() is not { } next)
                {
                    throw new GraphFormatException(lines.FileName, startLine, "a quoted string is never closed (truncated?)");
                }
                _line = next;
                _position = 0;
            }
        }
    }

    public static void Write(CsrGraph graph, GraphTextWriter output)
    {
        var columns = graph.NodeAttributes?.Columns ?? [];
        foreach (var column in columns)
        {
            if (!IsGmlKey(column.Name) || column.Name is "id" or "label")
            {
                throw new NotSupportedException(
                    $"The node attribute '{column.Name}' cannot be a GML key (keys are a letter then letters, digits or '_', and not 'id' or 'label'); write GraphML, GEXF or CSV instead.");
            }
        }
        output.Line("graph [");
        output.Line(graph.IsDirected ? "  directed 1" : "  directed 0");
        if (graph.HasRepeatedEdges)
        {
            output.Line("  multigraph 1");
        }
        for (var node = 0; node < graph.NodeCount; node++)
        {
            output.Line("  node [");
            output.Write("    id ");
            output.Integer(node);
            output.Line();
            output.Line($"    label \"{Escape(graph.Labels[node])}\"");
            foreach (var column in columns)
            {
                if (!column.HasValue(node))
                {
                    continue;
                }
                output.Line(column.Kind == NodeAttributeKind.Number
                    ? $"    {column.Name} {Real(column.GetNumber(node))}"
                    : $"    {column.Name} \"{Escape(column.GetText(node)!)}\"");
            }
            output.Line("  ]");
        }
        GraphEdges.ForEach(graph, (u, v, w) =>
        {
            output.Line("  edge [");
            output.Write("    source ");
            output.Integer(u);
            output.Line();
            output.Write("    target ");
            output.Integer(v);
            output.Line();
            if (graph.IsWeighted)
            {
                output.Line("    weight " + Real(w));
            }
            output.Line("  ]");
        });
        output.Line("]");
    }

    private static bool IsGmlKey(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>A real with a decimal point, which GML readers (NetworkX among them) need to tell it from an integer.</summary>
    internal static string Real(double value)
    {
        var text = GraphTextWriter.NumberText(value);
        if (text.Contains('.', StringComparison.Ordinal))
        {
            return text;
        }
        var e = text.IndexOf('E', StringComparison.Ordinal);
        return e < 0 ? text + ".0" : text[..e] + ".0" + text[e..];
    }

    /// <summary>Quotes, ampersands, control and non-ASCII characters as HTML character entities, as NetworkX does.</summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value > 126 || rune.Value < 32 || rune.Value is '"' or '&')
            {
                escaped.Append(CultureInfo.InvariantCulture, $"&#{rune.Value};");
            }
            else
            {
                escaped.Append((char)rune.Value);
            }
        }
        return escaped.ToString();
    }
}
