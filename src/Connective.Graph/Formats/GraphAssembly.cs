using System.Globalization;

namespace Connective.Graph.Formats;

/// <summary>Turns what a reader parsed into a <see cref="CsrGraph"/>: final dense ids, labels, attributes, CSR.</summary>
internal static class GraphAssembly
{
    public static CsrGraph Build(ParsedGraph parsed, GraphReadOptions options, string fileName)
    {
        var directed = options.Directed ?? parsed.Directed ?? false;
        var edges = parsed.Edges;
        NodeLabels labels;
        int[]? firstSeenToDense = null;
        if (parsed.Ids is null)
        {
            RefuseIdsBeyondDeclaration(parsed, parsed.MaxRawId, fileName);
            labels = DenseFromRawIntegers(parsed);
        }
        else
        {
            (labels, firstSeenToDense) = DenseFromIdMap(parsed, fileName);
            if (firstSeenToDense is not null)
            {
                Remap(edges.Sources, edges.Count, firstSeenToDense);
                Remap(edges.Targets, edges.Count, firstSeenToDense);
            }
        }
        var attributes = BuildAttributes(parsed.Attributes, labels.Count, firstSeenToDense);
        var list = new EdgeList(edges.Sources, edges.Targets, edges.Weights, edges.Count);
        return CsrConstruction.Build(labels.Count, directed, list, options.DuplicateEdges, options.SelfLoops == SelfLoopPolicy.Drop, labels, attributes);
    }

    /// <summary>
    /// A <c># nodes N</c> line says the nodes are ids 0..N−1; an edge naming a larger id means the
    /// count is wrong, and quietly adding the node would report a graph of another size than the file declares.
    /// </summary>
    private static void RefuseIdsBeyondDeclaration(ParsedGraph parsed, long largestId, string fileName)
    {
        if (parsed.DeclaredNodes < 0)
        {
            return;
        }
        if (largestId >= parsed.DeclaredNodes)
        {
            throw new GraphFormatException(fileName, parsed.DeclarationLine, string.Create(CultureInfo.InvariantCulture,
                $"'# nodes {parsed.DeclaredNodes}' declares the ids 0..{parsed.DeclaredNodes - 1}, but an edge names node {largestId}"));
        }
    }

    /// <summary>Raw integer endpoints become ranks among the ids present (ids 0..N−1 map to themselves).</summary>
    private static NodeLabels DenseFromRawIntegers(ParsedGraph parsed)
    {
        var edges = parsed.Edges;
        var declared = (int)Math.Max(0, parsed.DeclaredNodes);
        var size = Math.Max((long)parsed.MaxRawId + 1, declared);
        if (size == 0)
        {
            return NodeLabels.Identity(0);
        }
        // A rank table over 0..max costs 4 bytes per possible id; beyond a few times the endpoint count, sort instead.
        if (size > (4L * edges.Count) + declared + 4096)
        {
            return DenseBySorting(parsed, declared);
        }
        var rank = new int[size];
        Array.Fill(rank, 1, 0, declared);
        MarkPresent(rank, edges.Sources, edges.Count);
        MarkPresent(rank, edges.Targets, edges.Count);
        var present = 0;
        for (var i = 0; i < rank.Length; i++)
        {
            if (rank[i] != 0)
            {
                rank[i] = present++;
            }
            else
            {
                rank[i] = -1;
            }
        }
        if (present == size)
        {
            return NodeLabels.Identity(present);
        }
        var ids = new long[present];
        for (var i = 0; i < rank.Length; i++)
        {
            if (rank[i] >= 0)
            {
                ids[rank[i]] = i;
            }
        }
        Remap(edges.Sources, edges.Count, rank);
        Remap(edges.Targets, edges.Count, rank);
        return NodeLabels.FromIntegers(ids);
    }

    private static void MarkPresent(int[] present, int[] ids, int count)
    {
        for (var i = 0; i < count; i++)
        {
            present[ids[i]] = 1;
        }
    }

    private static NodeLabels DenseBySorting(ParsedGraph parsed, int declared)
    {
        var edges = parsed.Edges;
        var distinct = new HashSet<int>();
        for (var i = 0; i < declared; i++)
        {
            distinct.Add(i);
        }
        for (var i = 0; i < edges.Count; i++)
        {
            distinct.Add(edges.Sources[i]);
            distinct.Add(edges.Targets[i]);
        }
        var sorted = distinct.ToArray();
        Array.Sort(sorted);
        var index = new Dictionary<int, int>(sorted.Length);
        for (var i = 0; i < sorted.Length; i++)
        {
            index[sorted[i]] = i;
        }
        for (var i = 0; i < edges.Count; i++)
        {
            edges.Sources[i] = index[edges.Sources[i]];
            edges.Targets[i] = index[edges.Targets[i]];
        }
        return NodeLabels.FromIntegers(Array.ConvertAll(sorted, id => (long)id));
    }

    /// <summary>Integer ids are renumbered in ascending order (returning the first-seen → dense map); text ids keep first-seen order.</summary>
    private static (NodeLabels Labels, int[]? FirstSeenToDense) DenseFromIdMap(ParsedGraph parsed, string fileName)
    {
        var ids = parsed.Ids!;
        if (parsed.DeclaredNodes >= 0)
        {
            if (!ids.IsInteger)
            {
                var example = ids.StringLabels.First(s => !GraphIdText.TryParseCanonicalInteger(s, out _));
                throw new GraphFormatException(fileName, null,
                    $"'# nodes {parsed.DeclaredNodes}' declares integer ids 0..{parsed.DeclaredNodes - 1}, but the file also names nodes by text ids such as '{example}'");
            }
            RefuseIdsBeyondDeclaration(parsed, ids.IntegerLabels.Count == 0 ? -1 : ids.IntegerLabels.Max(), fileName);
            for (var i = 0L; i < parsed.DeclaredNodes; i++)
            {
                ids.GetOrAdd(i);
            }
        }
        if (!ids.IsInteger)
        {
            return (NodeLabels.FromStrings([.. ids.StringLabels]), null);
        }
        var labels = ids.IntegerLabels.ToArray();
        var order = new int[labels.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var sortedLabels = (long[])labels.Clone();
        Array.Sort(sortedLabels, order);
        var firstSeenToDense = new int[order.Length];
        for (var dense = 0; dense < order.Length; dense++)
        {
            firstSeenToDense[order[dense]] = dense;
        }
        return (NodeLabels.FromIntegers(sortedLabels), firstSeenToDense);
    }

    private static void Remap(int[] ids, int count, int[] map)
    {
        if (count < 1 << 16)
        {
            for (var i = 0; i < count; i++)
            {
                ids[i] = map[ids[i]];
            }
            return;
        }
        const int Chunk = 1 << 16;
        Parallel.For(0, (count + Chunk - 1) / Chunk, c =>
        {
            var end = Math.Min(count, (c + 1) * Chunk);
            for (var i = c * Chunk; i < end; i++)
            {
                ids[i] = map[ids[i]];
            }
        });
    }

    private static NodeAttributes? BuildAttributes(List<ParsedAttribute> parsed, int nodeCount, int[]? firstSeenToDense)
    {
        if (parsed.Count == 0)
        {
            return null;
        }
        var columns = new NodeAttributeColumn[parsed.Count];
        for (var c = 0; c < parsed.Count; c++)
        {
            var attribute = parsed[c];
            var texts = new string?[nodeCount];
            for (var i = 0; i < attribute.Values.Count; i++)
            {
                texts[firstSeenToDense is null ? i : firstSeenToDense[i]] = attribute.Values[i];
            }
            var kind = attribute.DeclaredKind ?? (texts.All(t => t is null || IsNumber(t)) ? NodeAttributeKind.Number : NodeAttributeKind.Text);
            if (kind == NodeAttributeKind.Number)
            {
                var numbers = new double[nodeCount];
                for (var i = 0; i < nodeCount; i++)
                {
                    numbers[i] = texts[i] is { } t && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
                }
                columns[c] = new NodeAttributeColumn(attribute.Name, numbers);
            }
            else
            {
                columns[c] = new NodeAttributeColumn(attribute.Name, texts);
            }
        }
        return new NodeAttributes(columns);
    }

    internal static bool IsNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v);
}
