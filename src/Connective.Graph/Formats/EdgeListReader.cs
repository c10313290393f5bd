using System.Globalization;

namespace Connective.Graph.Formats;

/// <summary>How an edge list is laid out; null members are detected from the file.</summary>
internal readonly record struct EdgeListLayout(char? Delimiter, bool? HasHeader);

/// <summary>
/// Reads an edge list (whitespace or delimiter separated, optional header, <c>#</c> comments, <c># nodes N</c>)
/// straight from bytes. Lines of plain integer ids take a fast path: blocks are cut at line ends and parsed in
/// parallel into the edge arrays, then joined in file order, so the result does not depend on the thread count.
/// The first line the fast path cannot take (a text id, a quote, an error) hands the rest of the file to a general,
/// sequential line parser, which also produces every error message.
/// </summary>
internal sealed class EdgeListReader
{
    private static readonly int BlockSize = 8 << 20;
    private static readonly int ParallelThreshold = 1 << 20;
    private static readonly int MaxFastId = int.MaxValue - 1;
    private static readonly int MaxFields = 64;

    private static readonly string[] HeaderNames =
        ["source", "target", "from", "to", "src", "dst", "u", "v", "node1", "node2", "id1", "id2", "head", "tail", "source_id", "target_id"];

    private readonly Stream _stream;
    private readonly string _fileName;
    private readonly EdgeListLayout _layout;
    private readonly string? _knownNodesSource;

    private byte[] _buffer = new byte[BlockSize + 1];
    private int _start;
    private int _end;
    private bool _eof;
    private long _linesBefore; // lines consumed before _start

    private bool _preambleDone;
    private byte _delimiter; // 0: runs of spaces and tabs separate fields
    private int _fieldCount; // 2 or 3 once known
    private EdgeBuffer? _edges;
    private NodeIdMap? _ids; // null while on the fast path (raw integer ids)
    private int _maxRawId = -1;
    private long _declaredNodes = -1;
    private long _declarationLine;
    private bool? _declaredDirected;

    private readonly (int Start, int Length, bool Escaped)[] _fields = new (int, int, bool)[MaxFields];
    private byte[] _unescaped = new byte[256];

    /// <param name="stream">The decompressed text.</param>
    /// <param name="fileName">The name used in error messages.</param>
    /// <param name="layout">Delimiter and header, or null to detect them.</param>
    /// <param name="expectedBytes">The file size when known (sizes the edge arrays once).</param>
    /// <param name="knownNodes">A closed id map (from a node table): every edge endpoint must be in it.</param>
    /// <param name="knownNodesSource">Where <paramref name="knownNodes"/> came from, for the error message.</param>
    public EdgeListReader(Stream stream, string fileName, EdgeListLayout layout, long expectedBytes = 0, NodeIdMap? knownNodes = null, string? knownNodesSource = null)
    {
        _stream = stream;
        _ids = knownNodes;
        _knownNodesSource = knownNodesSource;
        _fileName = fileName;
        _layout = layout;
        if (layout.Delimiter is { } d)
        {
            if (d > 127 || d is '"' or '#' or '\r' or '\n')
            {
                throw new ArgumentException($"The delimiter must be an ASCII character other than a quote, '#' or a line break, not '{d}'.", nameof(layout));
            }
            _delimiter = d is ' ' or '\t' ? (byte)0 : (byte)d;
        }
        ExpectedBytes = expectedBytes;
    }

    /// <summary>The file size when known, to size the edge arrays once instead of growing them.</summary>
    private long ExpectedBytes { get; }

    public ParsedGraph Read()
    {
        Fill();
        CheckEncoding();
        while (true)
        {
            var regionEnd = CompleteLinesEnd();
            if (regionEnd < 0)
            {
                GrowAndFill();
                continue;
            }
            if (!_preambleDone)
            {
                _start = ReadPreamble(_start, regionEnd);
            }
            if (_preambleDone)
            {
                ParseRegion(_start, regionEnd);
            }
            _start = regionEnd;
            if (_eof && _start >= _end)
            {
                break;
            }
            Fill();
        }
        var edges = _edges ?? new EdgeBuffer(weighted: false, 0);
        return new ParsedGraph(edges)
        {
            Ids = _ids,
            MaxRawId = _maxRawId,
            DeclaredNodes = _declaredNodes,
            DeclarationLine = _declarationLine,
            Directed = _declaredDirected,
        };
    }

    // ---------------------------------------------------------------- buffering

    /// <summary>Moves the unread tail to the front and reads until the buffer (less one spare byte) is full or the stream ends.</summary>
    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        while (!_eof && _end < _buffer.Length - 1)
        {
            var n = ReadStream(_buffer.AsSpan(_end, _buffer.Length - 1 - _end));
            if (n == 0)
            {
                _eof = true;
            }
            _end += n;
        }
    }

    private int ReadStream(Span<byte> into)
    {
        try
        {
            return _stream.Read(into);
        }
        catch (InvalidDataException e)
        {
            throw new GraphFormatException(_fileName, null, $"the gzip data is damaged or truncated ({e.Message})", innerException: e);
        }
    }

    private void GrowAndFill()
    {
        if (_buffer.Length >= Array.MaxLength / 2)
        {
            throw new GraphFormatException(_fileName, _linesBefore + 1, "the line is too long to be an edge");
        }
        Array.Resize(ref _buffer, (_buffer.Length * 2) - 1);
        Fill();
    }

    /// <summary>The end of the last complete line in the buffer, or −1 when more must be read first. At the end of the stream a missing final newline is added.</summary>
    private int CompleteLinesEnd()
    {
        var span = _buffer.AsSpan(_start, _end - _start);
        var last = span.LastIndexOf((byte)'\n');
        if (last >= 0)
        {
            return _start + last + 1;
        }
        if (!_eof)
        {
            return -1;
        }
        if (_end > _start)
        {
            _buffer[_end++] = (byte)'\n'; // the spare byte Fill leaves
        }
        return _end;
    }

    private void CheckEncoding()
    {
        var head = _buffer.AsSpan(0, _end);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _start = 3;
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new GraphFormatException(_fileName, 1, "the file is UTF-16 encoded; save it as UTF-8");
        }
        if (head[_start..].IndexOfAnyExcept((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']) < 0)
        {
            throw new GraphFormatException(_fileName, null, "the file is empty");
        }
        var nul = head.IndexOf((byte)0);
        if (nul >= 0)
        {
            var line = head[..nul].Count((byte)'\n') + 1;
            throw new GraphFormatException(_fileName, line, "the file contains a NUL byte: it is binary or not UTF-8 text (UTF-16?)");
        }
    }

    // ---------------------------------------------------------------- preamble: comments, header, field count

    /// <summary>Reads comment lines and the header, and fixes the delimiter and field count from the first data line. Returns where edge parsing starts.</summary>
    private int ReadPreamble(int from, int to)
    {
        var p = from;
        var headerSeen = false;
        while (p < to)
        {
            var lineEnd = p + _buffer.AsSpan(p, to - p).IndexOf((byte)'\n');
            var line = TrimLine(_buffer.AsSpan(p, lineEnd - p));
            var lineNumber = _linesBefore + 1;
            if (line.IsEmpty)
            {
                p = lineEnd + 1;
                _linesBefore++;
                continue;
            }
            if (line[0] == (byte)'#')
            {
                ReadComment(line, lineNumber);
                p = lineEnd + 1;
                _linesBefore++;
                continue;
            }
            if (_layout.Delimiter is null)
            {
                _delimiter = line.Contains((byte)',') ? (byte)',' : (byte)0;
            }
            var count = SplitFields(line, lineNumber);
            if (!headerSeen && IsHeader(line, count))
            {
                if (count is < 2 or > 3)
                {
                    throw new GraphFormatException(_fileName, lineNumber,
                        $"the header names {count} columns; an edge list has source, target and an optional weight column");
                }
                // A third column is the weight, whatever the header calls it.
                _fieldCount = count;
                headerSeen = true;
                p = lineEnd + 1;
                _linesBefore++;
                continue;
            }
            if (_fieldCount == 0)
            {
                if (count is < 2 or > 3)
                {
                    throw new GraphFormatException(_fileName, lineNumber,
                        $"expected 2 fields (source, target) or 3 (source, target, weight), found {count}");
                }
                _fieldCount = count;
            }
            _preambleDone = true;
            _edges = new EdgeBuffer(_fieldCount == 3, EstimateEdges(line.Length));
            return p; // the data line itself is parsed by the edge parser
        }
        return p;
    }

    private int EstimateEdges(int firstLineLength) =>
        ExpectedBytes <= 0 ? 1024 : (int)Math.Clamp(ExpectedBytes / Math.Max(4, firstLineLength) * 5 / 4, 1024, Array.MaxLength);

    private bool IsHeader(ReadOnlySpan<byte> line, int count)
    {
        if (_layout.HasHeader is { } explicitHeader)
        {
            return explicitHeader;
        }
        if (count < 2)
        {
            return false;
        }
        return IsHeaderName(FieldText(line, 0)) && IsHeaderName(FieldText(line, 1));
    }

    private static bool IsHeaderName(string name) =>
        Array.Exists(HeaderNames, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    private void ReadComment(ReadOnlySpan<byte> line, long lineNumber)
    {
        var kind = ParseDeclaration(line, out var nodes, out var directed, out var problem);
        if (kind == DeclarationKind.None)
        {
            return;
        }
        if (kind == DeclarationKind.Invalid)
        {
            throw new GraphFormatException(_fileName, lineNumber, problem!);
        }
        if (_declaredNodes >= 0 && (_declaredNodes != nodes || (directed is not null && _declaredDirected is not null && directed != _declaredDirected)))
        {
            throw new GraphFormatException(_fileName, lineNumber,
                $"this '# nodes' line contradicts the one on line {_declarationLine}");
        }
        DeclaredSize.Check(nodes, _fileName, lineNumber, "'# nodes'");
        _declaredNodes = nodes;
        _declaredDirected ??= directed;
        _declarationLine = lineNumber;
    }

    internal enum DeclarationKind
    {
        /// <summary>An ordinary comment.</summary>
        None,

        /// <summary>A well-formed <c># nodes N</c> line.</summary>
        Valid,

        /// <summary>A <c># nodes</c> line whose values are wrong: an error, never a comment to skip.</summary>
        Invalid,
    }

    /// <summary>
    /// Recognises <c># nodes N</c>, optionally followed by <c>edges M</c> and <c>directed True|False</c>. A comment
    /// whose first word is <c>nodes</c> is a declaration when its second word starts like a number or its third is
    /// <c>edges</c> or <c>directed</c> (so "# nodes are residents" stays a comment); a declaration with a count that is
    /// not a non-negative integer in range, an <c>edges</c> value that is not one, a <c>directed</c> value other than
    /// True/False (1/0, yes/no), or any other word after the count, is <see cref="DeclarationKind.Invalid"/>: skipping
    /// it would silently drop the file's direction or its isolates.
    /// </summary>
    internal static DeclarationKind ParseDeclaration(ReadOnlySpan<byte> line, out long nodes, out bool? directed, out string? problem)
    {
        nodes = -1;
        directed = null;
        problem = null;
        var words = System.Text.Encoding.ASCII.GetString(line.TrimStart((byte)'#')).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || !string.Equals(words[0], "nodes", StringComparison.OrdinalIgnoreCase))
        {
            return DeclarationKind.None;
        }
        var looksNumeric = words[1][0] is (>= '0' and <= '9') or '-' or '+';
        var namesFields = words.Length > 2 && (string.Equals(words[2], "edges", StringComparison.OrdinalIgnoreCase) || string.Equals(words[2], "directed", StringComparison.OrdinalIgnoreCase));
        if (!looksNumeric && !namesFields)
        {
            return DeclarationKind.None;
        }
        if (!GraphIdText.TryParseCanonicalInteger(words[1], out nodes) || nodes < 0)
        {
            nodes = -1;
            problem = IsDigits(words[1])
                ? $"'# nodes {Printable(words[1])}' is beyond the largest node count (2,147,483,647)"
                : $"'# nodes {Printable(words[1])}': the node count must be a non-negative integer";
            return DeclarationKind.Invalid;
        }
        if (nodes > int.MaxValue)
        {
            problem = $"'# nodes {nodes}' is beyond the largest node count (2,147,483,647)";
            nodes = -1;
            return DeclarationKind.Invalid;
        }
        long? edges = null;
        for (var i = 2; i < words.Length; i += 2)
        {
            var key = words[i];
            var isEdges = string.Equals(key, "edges", StringComparison.OrdinalIgnoreCase);
            if (!isEdges && !string.Equals(key, "directed", StringComparison.OrdinalIgnoreCase))
            {
                // A typo such as "directd True" must not quietly leave the graph undirected.
                problem = $"'# nodes {nodes}' may go on only with 'edges M' and 'directed True|False', not '{Printable(key)}'";
                return DeclarationKind.Invalid;
            }
            if (i + 1 >= words.Length)
            {
                problem = isEdges ? "'edges' needs a value: the edge count" : "'directed' needs a value: True or False";
                return DeclarationKind.Invalid;
            }
            var text = words[i + 1];
            if (isEdges)
            {
                // Informative only, but a value that is not a count means the line is not what the reader thinks it is.
                if (!GraphIdText.TryParseCanonicalInteger(text, out var count) || count < 0)
                {
                    problem = $"'edges {Printable(text)}': the edge count must be a non-negative integer";
                    return DeclarationKind.Invalid;
                }
                if (edges is not null && edges != count)
                {
                    problem = "the line says 'edges' twice, with different values";
                    return DeclarationKind.Invalid;
                }
                edges = count;
                continue;
            }
            bool? value = text.ToUpperInvariant() switch
            {
                "TRUE" or "1" or "YES" => true,
                "FALSE" or "0" or "NO" => false,
                _ => null,
            };
            if (value is null)
            {
                problem = $"'directed {Printable(text)}' must be True or False";
                return DeclarationKind.Invalid;
            }
            if (directed is not null && directed != value)
            {
                problem = "the line says 'directed' twice, with different values";
                return DeclarationKind.Invalid;
            }
            directed = value;
        }
        return DeclarationKind.Valid;
    }

    private static bool IsDigits(string text) => text.TrimStart('+').Length > 0 && text.TrimStart('+').All(char.IsAsciiDigit);

    // ---------------------------------------------------------------- edges

    private void ParseRegion(int from, int to)
    {
        if (_ids is null)
        {
            ParseFast(from, to);
        }
        else
        {
            ParseGeneral(from, to);
        }
    }

    private struct PartResult
    {
        public int Start;
        public int End;
        public int Lines;
        public int Edges;
        public int MaxId;
        public bool Stopped;   // the fast path met a line it does not take
        public int StopOffset; // absolute buffer offset of that line
        public int StopLine;   // lines of the part before it
        public bool Declared;  // the part holds a '# nodes' line
        public int DeclarationLine;
    }

    private void ParseFast(int from, int to)
    {
        var parts = to - from >= ParallelThreshold ? Math.Min(ParallelWork.MaxWorkers, 8) : 1;
        var results = new PartResult[parts];
        var cut = from;
        long lines = 0;
        for (var i = 0; i < parts; i++)
        {
            var end = i == parts - 1 ? to : Math.Max(cut, from + (int)((long)(to - from) * (i + 1) / parts));
            if (end < to)
            {
                var nl = _buffer.AsSpan(end, to - end).IndexOf((byte)'\n');
                end = nl < 0 ? to : end + nl + 1;
            }
            results[i].Start = cut;
            results[i].End = end;
            results[i].Lines = _buffer.AsSpan(cut, end - cut).Count((byte)'\n');
            results[i].MaxId = -1;
            lines += results[i].Lines;
            cut = end;
        }
        var edges = _edges!;
        edges.EnsureCapacity(edges.Count + lines);
        var bases = new int[parts];
        var next = edges.Count;
        for (var i = 0; i < parts; i++)
        {
            bases[i] = next;
            next += results[i].Lines;
        }
        if (parts == 1)
        {
            ParseFastPart(ref results[0], bases[0]);
        }
        else
        {
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, i => ParseFastPart(ref results[i], bases[i]));
        }

        // Join the parts in file order.
        var write = edges.Count;
        var lineBase = _linesBefore;
        for (var i = 0; i < parts; i++)
        {
            ref var r = ref results[i];
            edges.MoveDown(bases[i], write, r.Edges);
            write += r.Edges;
            _maxRawId = Math.Max(_maxRawId, r.MaxId);
            if (r.Declared)
            {
                var at = r.DeclarationLine;
                var lineSpan = LineAt(r.Start, at);
                ReadComment(TrimLine(lineSpan), lineBase + at + 1);
            }
            if (r.Stopped)
            {
                edges.Count = write;
                _linesBefore = lineBase + r.StopLine;
                SwitchToGeneral();
                ParseGeneral(r.StopOffset, to);
                return;
            }
            lineBase += r.Lines;
        }
        edges.Count = write;
        _linesBefore = lineBase;
    }

    private ReadOnlySpan<byte> LineAt(int partStart, int lineIndex)
    {
        var p = partStart;
        for (var i = 0; i < lineIndex; i++)
        {
            p += _buffer.AsSpan(p).IndexOf((byte)'\n') + 1;
        }
        var length = _buffer.AsSpan(p).IndexOf((byte)'\n');
        return _buffer.AsSpan(p, length);
    }

    /// <summary>
    /// Parses lines of canonical integer ids (and a weight when the file has three fields) until the part ends or a line
    /// needs the general parser. Relies on every line ending in '\n', which the buffering guarantees. Fully optimised
    /// from the first call: a one-off load should not spend its first blocks in unoptimised code.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private unsafe void ParseFastPart(ref PartResult r, int writeAt)
    {
        var delimiter = _delimiter;
        var weighted = _fieldCount == 3;
        var edges = _edges!;
        var edgeCount = 0;
        var line = 0;
        var maxId = -1;
        fixed (byte* bufferStart = _buffer)
        fixed (int* sources = edges.Sources)
        fixed (int* targets = edges.Targets)
        fixed (double* weights = edges.Weights)
        {
            var p = bufferStart + r.Start;
            var end = bufferStart + r.End;
            while (p < end)
            {
                var lineStart = p;
                while (*p == ' ' || *p == '\t')
                {
                    p++;
                }
                var c = *p;
                if (c == '\n' || (c == '\r' && p[1] == '\n'))
                {
                    p += c == '\n' ? 1 : 2;
                    line++;
                    continue;
                }
                if (c == '#')
                {
                    var length = new ReadOnlySpan<byte>(p, (int)(end - p)).IndexOf((byte)'\n');
                    if (ParseDeclaration(TrimLine(new ReadOnlySpan<byte>(p, length)), out _, out _, out _) != DeclarationKind.None)
                    {
                        if (r.Declared)
                        {
                            goto Stop; // a second declaration: let the general parser compare them
                        }
                        r.Declared = true;
                        r.DeclarationLine = line;
                    }
                    p += length + 1;
                    line++;
                    continue;
                }

                // Source id.
                var d = (uint)(c - '0');
                if (d > 9 || (d == 0 && (uint)(p[1] - '0') <= 9))
                {
                    goto Stop;
                }
                long v = d;
                p++;
                while ((d = (uint)(*p - '0')) <= 9)
                {
                    v = (v * 10) + d;
                    if (v > MaxFastId)
                    {
                        goto Stop;
                    }
                    p++;
                }
                var source = (int)v;

                // Separator.
                if (delimiter == 0)
                {
                    if (*p != ' ' && *p != '\t')
                    {
                        goto Stop;
                    }
                    do
                    {
                        p++;
                    }
                    while (*p == ' ' || *p == '\t');
                }
                else
                {
                    while (*p == ' ' || *p == '\t')
                    {
                        p++;
                    }
                    if (*p != delimiter)
                    {
                        goto Stop;
                    }
                    p++;
                    while (*p == ' ' || *p == '\t')
                    {
                        p++;
                    }
                }

                // Target id.
                c = *p;
                d = (uint)(c - '0');
                if (d > 9 || (d == 0 && (uint)(p[1] - '0') <= 9))
                {
                    goto Stop;
                }
                v = d;
                p++;
                while ((d = (uint)(*p - '0')) <= 9)
                {
                    v = (v * 10) + d;
                    if (v > MaxFastId)
                    {
                        goto Stop;
                    }
                    p++;
                }
                var target = (int)v;

                // Optional weight, then the end of the line.
                var weight = 1.0;
                if (weighted)
                {
                    if (delimiter == 0)
                    {
                        if (*p != ' ' && *p != '\t')
                        {
                            goto Stop;
                        }
                        while (*p == ' ' || *p == '\t')
                        {
                            p++;
                        }
                    }
                    else
                    {
                        while (*p == ' ' || *p == '\t')
                        {
                            p++;
                        }
                        if (*p != delimiter)
                        {
                            goto Stop;
                        }
                        p++;
                        while (*p == ' ' || *p == '\t')
                        {
                            p++;
                        }
                    }
                    var weightStart = p;
                    while (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n' && *p != delimiter)
                    {
                        p++;
                    }
                    if (!double.TryParse(new ReadOnlySpan<byte>(weightStart, (int)(p - weightStart)), NumberStyles.Float, CultureInfo.InvariantCulture, out weight)
                        || !double.IsFinite(weight))
                    {
                        goto Stop;
                    }
                }
                while (*p == ' ' || *p == '\t')
                {
                    p++;
                }
                if (*p == '\r')
                {
                    p++;
                }
                if (*p != '\n')
                {
                    goto Stop;
                }
                p++;
                sources[writeAt + edgeCount] = source;
                targets[writeAt + edgeCount] = target;
                if (weighted)
                {
                    weights[writeAt + edgeCount] = weight;
                }
                edgeCount++;
                line++;
                maxId = Math.Max(maxId, Math.Max(source, target));
                continue;

            Stop:
                r.Stopped = true;
                r.StopOffset = (int)(lineStart - bufferStart);
                r.StopLine = line;
                break;
            }
        }
        r.Edges = edgeCount;
        r.MaxId = maxId;
        if (!r.Stopped)
        {
            r.Lines = line;
        }
    }

    /// <summary>Leaves the fast path: the raw integer ids read so far become first-seen entries of a <see cref="NodeIdMap"/>.</summary>
    private void SwitchToGeneral()
    {
        var ids = new NodeIdMap();
        var edges = _edges!;
        for (var i = 0; i < edges.Count; i++)
        {
            edges.Sources[i] = ids.GetOrAdd((long)edges.Sources[i]);
            edges.Targets[i] = ids.GetOrAdd((long)edges.Targets[i]);
        }
        _ids = ids;
    }

    private void ParseGeneral(int from, int to)
    {
        var p = from;
        while (p < to)
        {
            var lineEnd = p + _buffer.AsSpan(p, to - p).IndexOf((byte)'\n');
            var line = TrimLine(_buffer.AsSpan(p, lineEnd - p));
            _linesBefore++;
            p = lineEnd + 1;
            if (line.IsEmpty)
            {
                continue;
            }
            if (line[0] == (byte)'#')
            {
                ReadComment(line, _linesBefore);
                continue;
            }
            ParseGeneralLine(line, _linesBefore);
        }
    }

    private void ParseGeneralLine(ReadOnlySpan<byte> line, long lineNumber)
    {
        var count = SplitFields(line, lineNumber);
        if (count != _fieldCount)
        {
            var expected = _fieldCount == 3 ? "3 fields (source, target, weight)" : "2 fields (source, target)";
            throw new GraphFormatException(_fileName, lineNumber, $"expected {expected} like the first edge line, found {count}");
        }
        var source = NodeFromField(line, 0, lineNumber);
        var target = NodeFromField(line, 1, lineNumber);
        var weight = 1.0;
        if (_fieldCount == 3)
        {
            var text = FieldBytes(line, 2);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out weight))
            {
                throw new GraphFormatException(_fileName, lineNumber, $"the weight '{Printable(text)}' is not a number", field: 3);
            }
            if (!double.IsFinite(weight))
            {
                throw new GraphFormatException(_fileName, lineNumber, $"the weight '{Printable(text)}' is not a finite number", field: 3);
            }
        }
        _edges!.Add(source, target, weight);
    }

    private int NodeFromField(ReadOnlySpan<byte> line, int field, long lineNumber)
    {
        var token = FieldBytes(line, field);
        if (token.IsEmpty)
        {
            throw new GraphFormatException(_fileName, lineNumber, "the node id is empty", field: field + 1);
        }
        int node;
        try
        {
            node = _ids!.GetOrAdd(token);
        }
        catch (FormatException)
        {
            throw new GraphFormatException(_fileName, lineNumber, "the node id is not valid UTF-8 text (is the file in another encoding?)", field: field + 1);
        }
        if (node < 0)
        {
            throw new GraphFormatException(_fileName, lineNumber, $"the node id '{Printable(token)}' is not in the node table {_knownNodesSource}", field: field + 1);
        }
        return node;
    }

    // ---------------------------------------------------------------- fields

    internal static ReadOnlySpan<byte> TrimLine(ReadOnlySpan<byte> line) => line.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r']);

    /// <summary>Splits a trimmed line into <see cref="_fields"/>; returns the field count. CSV fields may be quoted ("" escapes a quote).</summary>
    private int SplitFields(ReadOnlySpan<byte> line, long lineNumber)
    {
        var count = 0;
        var p = 0;
        if (_delimiter == 0)
        {
            while (p < line.Length)
            {
                var start = p;
                while (p < line.Length && line[p] != ' ' && line[p] != '\t')
                {
                    p++;
                }
                AddField(ref count, start, p - start, escaped: false);
                while (p < line.Length && (line[p] == ' ' || line[p] == '\t'))
                {
                    p++;
                }
            }
            return count;
        }
        while (true)
        {
            while (p < line.Length && (line[p] == ' ' || line[p] == '\t'))
            {
                p++;
            }
            if (p < line.Length && line[p] == '"')
            {
                var start = ++p;
                var escaped = false;
                while (true)
                {
                    if (p >= line.Length)
                    {
                        throw new GraphFormatException(_fileName, lineNumber, "a quoted field is not closed on this line", field: count + 1);
                    }
                    if (line[p] == '"')
                    {
                        if (p + 1 < line.Length && line[p + 1] == '"')
                        {
                            escaped = true;
                            p += 2;
                            continue;
                        }
                        break;
                    }
                    p++;
                }
                AddField(ref count, start, p - start, escaped);
                p++;
                while (p < line.Length && (line[p] == ' ' || line[p] == '\t'))
                {
                    p++;
                }
                if (p < line.Length && line[p] != _delimiter)
                {
                    throw new GraphFormatException(_fileName, lineNumber, "unexpected text after a closing quote", field: count);
                }
            }
            else
            {
                var start = p;
                while (p < line.Length && line[p] != _delimiter)
                {
                    p++;
                }
                var field = line[start..p].TrimEnd((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t']);
                AddField(ref count, start, field.Length, escaped: false);
            }
            if (p >= line.Length)
            {
                return count;
            }
            p++; // the delimiter
        }
    }

    private void AddField(ref int count, int start, int length, bool escaped)
    {
        if (count < MaxFields)
        {
            _fields[count] = (start, length, escaped);
        }
        count++;
    }

    private ReadOnlySpan<byte> FieldBytes(ReadOnlySpan<byte> line, int field)
    {
        var (start, length, escaped) = _fields[field];
        var raw = line.Slice(start, length);
        if (!escaped)
        {
            return raw;
        }
        if (_unescaped.Length < raw.Length)
        {
            _unescaped = new byte[raw.Length * 2];
        }
        var n = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            _unescaped[n++] = raw[i];
            if (raw[i] == '"')
            {
                i++; // skip the second quote of a pair
            }
        }
        return _unescaped.AsSpan(0, n);
    }

    private string FieldText(ReadOnlySpan<byte> line, int field) => System.Text.Encoding.UTF8.GetString(FieldBytes(line, field));

    private static string Printable(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static string Printable(ReadOnlySpan<byte> text)
    {
        var s = System.Text.Encoding.UTF8.GetString(text[..Math.Min(text.Length, 40)]);
        return text.Length > 40 ? s + "…" : s;
    }
}
