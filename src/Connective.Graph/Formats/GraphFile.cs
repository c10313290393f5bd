namespace Connective.Graph.Formats;

/// <summary>
/// Reads and writes graphs in edge lists, CSV tables, GraphML, GEXF, GML and Pajek. Gzip-compressed input is
/// recognised by its content; output is compressed when the path ends in .gz.
/// </summary>
/// <example>
/// <code>
/// var graph = GraphFile.Read("hep-th.edgelist");
/// GraphFile.Write(graph, "hep-th.graphml");
/// </code>
/// </example>
public static class GraphFile
{
    /// <summary>Reads a graph from a file, choosing the format from <see cref="GraphReadOptions.Format"/> or the extension.</summary>
    /// <exception cref="GraphFormatException">The file is not a valid graph in that format (the message names the line and the problem).</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static CsrGraph Read(string path, GraphReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new GraphReadOptions();
        var format = options.Format ?? FormatOf(path)
            ?? throw new GraphFormatException(path, null, "cannot tell the format from the file extension; name it (edge list, csv, graphml, gexf, gml, pajek)");
        var parsed = format == GraphFormat.CsvTables ? CsvTables.Read(path, options) : ReadParsed(path, format, options);
        return GraphAssembly.Build(parsed, options, path);
    }

    /// <summary>Reads a graph in <paramref name="format"/> from a stream (decompressing gzip when the stream starts with its magic bytes).</summary>
    /// <param name="stream">The data; it is read to the end but not closed.</param>
    /// <param name="format">The format; <see cref="GraphFormat.CsvTables"/> reads only the edge table.</param>
    /// <param name="options">Reading options (the format member is ignored).</param>
    /// <param name="streamName">The name used in error messages.</param>
    /// <exception cref="GraphFormatException">The data is not a valid graph in that format.</exception>
    public static CsrGraph Read(Stream stream, GraphFormat format, GraphReadOptions? options = null, string streamName = "input")
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new GraphReadOptions();
        var input = InputText.Decompressed(stream);
        var parsed = Parse(input, streamName, format, options, expectedBytes: 0);
        return GraphAssembly.Build(parsed, options, streamName);
    }

    /// <summary>Writes <paramref name="graph"/> to a file in <paramref name="format"/> (or the one its extension names), gzip-compressed when the path ends in .gz.</summary>
    /// <remarks><see cref="GraphFormat.CsvTables"/> writes two files: the edge table at <paramref name="path"/> and the node table <c>NAME.nodes.csv</c> beside it.</remarks>
    /// <exception cref="NotSupportedException">The graph cannot be expressed in the format (for example text ids with spaces in an edge list).</exception>
    public static void Write(CsrGraph graph, string path, GraphFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(path);
        var chosen = format ?? FormatOf(path)
            ?? throw new ArgumentException($"Cannot tell the format of {path} from its extension; name it.", nameof(path));
        var gzip = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        if (chosen == GraphFormat.CsvTables)
        {
            WriteFile(path, gzip, output => CsvTables.WriteEdges(graph, output));
            WriteFile(CsvTables.NodeTablePathFor(path), gzip: false, output => CsvTables.WriteNodes(graph, output));
            return;
        }
        WriteFile(path, gzip, output => WriteTo(graph, output, chosen));
    }

    /// <summary>Writes <paramref name="graph"/> to a stream in <paramref name="format"/> (UTF-8; for <see cref="GraphFormat.CsvTables"/> only the edge table). The stream is left open.</summary>
    public static void Write(CsrGraph graph, Stream stream, GraphFormat format)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(stream);
        using var output = new GraphTextWriter(new NonClosingStream(stream), gzip: false);
        if (format == GraphFormat.CsvTables)
        {
            CsvTables.WriteEdges(graph, output);
        }
        else
        {
            WriteTo(graph, output, format);
        }
    }

    /// <summary>The format a file name implies (a trailing .gz is ignored), or null when the extension is not known.</summary>
    public static GraphFormat? FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(InputText.WithoutGzipExtension(path)).ToUpperInvariant() switch
        {
            ".EDGELIST" or ".EDGES" or ".EL" or ".TXT" or ".TSV" or ".DAT" => GraphFormat.EdgeList,
            ".CSV" => GraphFormat.CsvTables,
            ".GRAPHML" or ".XML" => GraphFormat.GraphML,
            ".GEXF" => GraphFormat.Gexf,
            ".GML" => GraphFormat.Gml,
            ".NET" or ".PAJEK" => GraphFormat.Pajek,
            _ => null,
        };
    }

    /// <summary>Parses a format name as the CLI accepts it ("edgelist", "csv", "graphml", "gexf", "gml", "pajek"/"net").</summary>
    public static bool TryParseFormatName(string name, out GraphFormat format)
    {
        ArgumentNullException.ThrowIfNull(name);
        GraphFormat? found = name.Trim().ToUpperInvariant() switch
        {
            "EDGELIST" or "EDGE-LIST" or "EDGES" or "TXT" or "TSV" => GraphFormat.EdgeList,
            "CSV" or "CSVTABLES" => GraphFormat.CsvTables,
            "GRAPHML" => GraphFormat.GraphML,
            "GEXF" => GraphFormat.Gexf,
            "GML" => GraphFormat.Gml,
            "PAJEK" or "NET" => GraphFormat.Pajek,
            _ => null,
        };
        format = found ?? default;
        return found is not null;
    }

    private static ParsedGraph ReadParsed(string path, GraphFormat format, GraphReadOptions options)
    {
        using var stream = InputText.OpenRead(path);
        return Parse(stream, path, format, options, new FileInfo(path).Length);
    }

    private static ParsedGraph Parse(Stream input, string name, GraphFormat format, GraphReadOptions options, long expectedBytes) => format switch
    {
        GraphFormat.EdgeList => new EdgeListReader(input, name, new EdgeListLayout(options.Delimiter, options.HasHeader), expectedBytes).Read(),
        GraphFormat.CsvTables => new EdgeListReader(input, name, new EdgeListLayout(options.Delimiter ?? ',', options.HasHeader ?? true), expectedBytes).Read(),
        GraphFormat.GraphML => GraphMLFormat.Read(input, name),
        GraphFormat.Gexf => GexfFormat.Read(input, name),
        GraphFormat.Gml => GmlFormat.Read(input, name),
        GraphFormat.Pajek => PajekFormat.Read(input, name),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown graph format."),
    };

    private static void WriteTo(CsrGraph graph, GraphTextWriter output, GraphFormat format)
    {
        switch (format)
        {
            case GraphFormat.EdgeList:
                EdgeListWriter.Write(graph, output);
                break;
            case GraphFormat.GraphML:
                XmlSafe(() => GraphMLFormat.Write(graph, output));
                break;
            case GraphFormat.Gexf:
                XmlSafe(() => GexfFormat.Write(graph, output));
                break;
            case GraphFormat.Gml:
                GmlFormat.Write(graph, output);
                break;
            case GraphFormat.Pajek:
                PajekFormat.Write(graph, output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown graph format.");
        }
    }

    /// <summary>XML cannot hold some characters (most control characters); say so instead of failing obscurely.</summary>
    private static void XmlSafe(Action write)
    {
        try
        {
            write();
        }
        catch (ArgumentException e)
        {
            throw new NotSupportedException($"The graph holds text that XML cannot represent ({e.Message}); write CSV instead.", e);
        }
    }

    /// <summary>
    /// Writes a regular file (or a new one) through a temporary file beside it and a rename, so a failed write never
    /// leaves a half-written file. Anything else is written in place: a symlink is followed to its target (which is
    /// written the same way when it is a regular file), and a device or a pipe (/dev/stdout, a FIFO) is opened and
    /// written, because renaming over them would replace the link or the device node instead of writing to it. A link
    /// under /dev or /proc (/dev/stdout → /proc/self/fd/1 → a pipe or the file the shell redirected to) is always
    /// written through: its text names no file that could be replaced (pipe:[…]), or names one the process's own
    /// descriptor points at, which a rename would leave writing to a deleted file.
    /// </summary>
    private static void WriteFile(string path, bool gzip, Action<GraphTextWriter> write)
    {
        var (target, throughProcess) = ResolveLinks(path);
        if (throughProcess || (File.Exists(target) && !FileKind.IsRegular(target)))
        {
            WriteInPlace(throughProcess ? path : target, gzip, write);
            return;
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(target))!;
        var temporary = Path.Combine(directory, "." + Path.GetFileName(target) + "." + Environment.ProcessId + ".tmp");
        try
        {
            using (var output = new GraphTextWriter(new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), gzip))
            {
                write(output);
            }
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Opens what <paramref name="path"/> names (the kernel following any links) and writes into it.</summary>
    private static void WriteInPlace(string path, bool gzip, Action<GraphTextWriter> write)
    {
        // A regular file reached through /proc (stdout redirected to a file) is truncated as GNU tools' -o does; a
        // device or a pipe cannot be, and /dev/null refuses it.
        var mode = FileKind.IsRegular(path) ? FileMode.Create : FileMode.Open;
        using var output = new GraphTextWriter(new FileStream(path, mode, FileAccess.Write, FileShare.ReadWrite, 1 << 16), gzip);
        write(output);
    }

    /// <summary>
    /// The final target of a chain of symlinks (the path itself when it is not a link or does not exist), and whether
    /// the chain passes through /dev or /proc, whose links name process descriptors rather than files.
    /// </summary>
    private static (string Target, bool ThroughProcess) ResolveLinks(string path)
    {
        var current = Path.GetFullPath(path);
        var throughProcess = false;
        for (var hop = 0; hop < 40; hop++)
        {
            var link = new FileInfo(current).LinkTarget;
            if (link is null)
            {
                return (current, throughProcess);
            }
            throughProcess |= IsProcessPath(current);
            current = Path.GetFullPath(link, Path.GetDirectoryName(current)!);
            throughProcess |= IsProcessPath(current);
        }
        throw new IOException($"{path}: too many levels of symbolic links");
    }

    private static bool IsProcessPath(string fullPath) =>
        !OperatingSystem.IsWindows() && (fullPath.StartsWith("/proc/", StringComparison.Ordinal) || fullPath.StartsWith("/dev/", StringComparison.Ordinal));

    /// <summary>Lets a writer be disposed (flushing it) without closing the caller's stream.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);
    }
}
