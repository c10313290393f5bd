using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Connective.Graph.Formats;

/// <summary>Shared plumbing for the writers: UTF-8 text, '\n' line ends, gzip by extension, ids and numbers formatted without allocation.</summary>
internal sealed class GraphTextWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly TextWriter _writer;
    private readonly char[] _scratch = new char[64];

    public GraphTextWriter(Stream stream, bool gzip)
    {
        Stream target = gzip ? new GZipStream(stream, CompressionLevel.Fastest) : stream;
        _writer = new StreamWriter(target, Utf8NoBom, 1 << 16) { NewLine = "\n" };
    }

    /// <summary>The underlying text writer, for XML writers layered on top.</summary>
    public TextWriter Text => _writer;

    public void Write(string text) => _writer.Write(text);

    public void Write(char c) => _writer.Write(c);

    public void Line(string text) => _writer.WriteLine(text);

    public void Line() => _writer.WriteLine();

    public void Integer(long value)
    {
        value.TryFormat(_scratch, out var n, default, CultureInfo.InvariantCulture);
        _writer.Write(_scratch.AsSpan(0, n));
    }

    /// <summary>A double in its shortest round-trip form ("1", "0.5", "1E-05").</summary>
    public void Number(double value)
    {
        value.TryFormat(_scratch, out var n, "R", CultureInfo.InvariantCulture);
        _writer.Write(_scratch.AsSpan(0, n));
    }

    /// <summary>Writes the external id of <paramref name="node"/>, integers without allocating.</summary>
    public void Label(NodeLabels labels, int node)
    {
        if (labels.IsInteger)
        {
            Integer(labels.IntegerId(node));
        }
        else
        {
            _writer.Write(labels[node]);
        }
    }

    public void Dispose() => _writer.Dispose();

    public static string NumberText(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>Visiting each edge once: undirected edges from their smaller endpoint, arcs from their source.</summary>
internal static class GraphEdges
{
    public delegate void EdgeVisitor(int source, int target, double weight);

    public static void ForEach(CsrGraph graph, EdgeVisitor visit)
    {
        for (var u = 0; u < graph.NodeCount; u++)
        {
            var neighbors = graph.Neighbors(u);
            var weights = graph.Weights(u);
            for (var i = 0; i < neighbors.Length; i++)
            {
                var v = neighbors[i];
                if (graph.IsDirected || v >= u)
                {
                    visit(u, v, weights.IsEmpty ? 1.0 : weights[i]);
                }
            }
        }
    }

    /// <summary>True when the labels are exactly the integers 0..N−1, so a <c># nodes N</c> line declares them all.</summary>
    public static bool HasIdentityLabels(CsrGraph graph) =>
        graph.Labels.IsInteger && (graph.NodeCount == 0 || graph.Labels.IntegerId(graph.NodeCount - 1) == graph.NodeCount - 1);
}
