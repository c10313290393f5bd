using System.Buffers;

namespace Connective.Graph;

/// <summary>Turns an edge list of dense ids into compressed sparse rows, applying the duplicate and self-loop policies.</summary>
internal static class CsrConstruction
{
    public static Graph Build(
        int nodeCount,
        bool directed,
        EdgeList edges,
        DuplicateEdgePolicy duplicates,
        bool dropSelfLoops,
        NodeLabels labels,
        NodeAttributes? attributes)
    {
        // The "half" CSR stores each edge once: under its source when directed, under its smaller endpoint when
        // undirected (so (u, v) and (v, u) land in the same row and merge as repeats).
        var (offsets, targets, weights, selfLoops) = Scatter(nodeCount, directed, edges, dropSelfLoops);
        var (repeated, mergedLengths) = SortRows(offsets, targets, weights, duplicates);
        if (mergedLengths is not null && repeated)
        {
            (targets, weights) = Compact(offsets, targets, weights, mergedLengths);
            repeated = false;
        }
        long edgeCount = offsets[nodeCount];
        var shape = new GraphShape(selfLoops, repeated);
        if (directed)
        {
            var (inOffsets, inTargets, inWeights) = Transpose(offsets, targets, weights, nodeCount);
            return new Graph(true, offsets, targets, weights, inOffsets, inTargets, inWeights, edgeCount, shape, labels, attributes);
        }
        var (fullOffsets, fullTargets, fullWeights) = Symmetrise(offsets, targets, weights, nodeCount);
        return new Graph(false, fullOffsets, fullTargets, fullWeights, null, null, null, edgeCount, shape, labels, attributes);
    }

    /// <summary>The rows of <paramref name="offsets"/>/<paramref name="targets"/> read as arcs, transposed: rows come out sorted.</summary>
    public static (int[] Offsets, int[] Targets, double[]? Weights) Transpose(int[] offsets, int[] targets, double[]? weights, int nodeCount)
    {
        var inOffsets = new int[nodeCount + 1];
        foreach (var t in targets.AsSpan(0, offsets[nodeCount]))
        {
            inOffsets[t + 1]++;
        }
        for (var i = 0; i < nodeCount; i++)
        {
            inOffsets[i + 1] += inOffsets[i];
        }
        var inTargets = new int[offsets[nodeCount]];
        var inWeights = weights is null ? null : new double[inTargets.Length];
        var cursor = inOffsets.AsSpan(0, nodeCount).ToArray();
        // Visiting sources in ascending order leaves every transposed row sorted without a sort.
        for (var u = 0; u < nodeCount; u++)
        {
            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                var slot = cursor[targets[e]]++;
                inTargets[slot] = u;
                if (inWeights is not null)
                {
                    inWeights[slot] = weights![e];
                }
            }
        }
        return (inOffsets, inTargets, inWeights);
    }

    private static (int[] Offsets, int[] Targets, double[]? Weights, bool SelfLoops) Scatter(int nodeCount, bool directed, EdgeList edges, bool dropSelfLoops)
    {
        var offsets = new int[nodeCount + 1];
        var kept = 0;
        var selfLoops = false;
        for (var i = 0; i < edges.Count; i++)
        {
            var (a, b) = (edges.Sources[i], edges.Targets[i]);
            if (a == b)
            {
                if (dropSelfLoops)
                {
                    continue;
                }
                selfLoops = true;
            }
            offsets[(directed || a < b ? a : b) + 1]++;
            kept++;
        }
        for (var u = 0; u < nodeCount; u++)
        {
            offsets[u + 1] += offsets[u];
        }
        var targets = new int[kept];
        var weights = edges.Weights is null ? null : new double[kept];
        var cursor = offsets.AsSpan(0, nodeCount).ToArray();
        for (var i = 0; i < edges.Count; i++)
        {
            var (a, b) = (edges.Sources[i], edges.Targets[i]);
            if (a == b && dropSelfLoops)
            {
                continue;
            }
            if (!directed && a > b)
            {
                (a, b) = (b, a);
            }
            var slot = cursor[a]++;
            targets[slot] = b;
            if (weights is not null)
            {
                weights[slot] = edges.Weights![i];
            }
        }
        return (offsets, targets, weights, selfLoops);
    }

    /// <summary>
    /// Sorts every row by target, stably (so weights of repeats stay in input order), and merges repeats in place
    /// unless the policy keeps them. Returns whether a repeat was seen and, when merging, each row's merged length.
    /// </summary>
    private static (bool Repeated, int[]? MergedLengths) SortRows(int[] offsets, int[] targets, double[]? weights, DuplicateEdgePolicy duplicates)
    {
        // Rows per parallel work item: large enough to amortise scheduling.
        const int RowsPerChunk = 4096;
        var nodeCount = offsets.Length - 1;
        var chunks = (nodeCount + RowsPerChunk - 1) / RowsPerChunk;
        var repeatedInChunk = new bool[chunks];
        var newLengths = duplicates == DuplicateEdgePolicy.Keep ? null : new int[nodeCount];
        Parallel.For(0, chunks, chunk =>
        {
            long[]? keys = null;
            double[]? weightCopy = null;
            var repeated = false;
            var end = Math.Min(nodeCount, (chunk + 1) * RowsPerChunk);
            for (var u = chunk * RowsPerChunk; u < end; u++)
            {
                var start = offsets[u];
                var length = offsets[u + 1] - start;
                var row = targets.AsSpan(start, length);
                if (weights is null)
                {
                    if (!IsSorted(row))
                    {
                        row.Sort();
                    }
                }
                else if (!IsSorted(row))
                {
                    StableSortWithWeights(row, weights.AsSpan(start, length), ref keys, ref weightCopy);
                }
                var rowRepeated = HasAdjacentRepeat(row);
                repeated |= rowRepeated;
                if (newLengths is not null)
                {
                    newLengths[u] = rowRepeated ? MergeRepeats(row, weights is null ? [] : weights.AsSpan(start, length), duplicates) : length;
                }
            }
            if (keys is not null)
            {
                ArrayPool<long>.Shared.Return(keys);
            }
            if (weightCopy is not null)
            {
                ArrayPool<double>.Shared.Return(weightCopy);
            }
            repeatedInChunk[chunk] = repeated;
        });
        return (Array.IndexOf(repeatedInChunk, true) >= 0, newLengths);
    }

    /// <summary>Copies every row's first <paramref name="lengths"/>[u] entries into fresh arrays and rewrites the offsets.</summary>
    private static (int[] Targets, double[]? Weights) Compact(int[] offsets, int[] targets, double[]? weights, int[] lengths)
    {
        var nodeCount = offsets.Length - 1;
        var total = 0;
        foreach (var length in lengths)
        {
            total += length;
        }
        var newTargets = new int[total];
        var newWeights = weights is null ? null : new double[total];
        var write = 0;
        for (var u = 0; u < nodeCount; u++)
        {
            var start = offsets[u];
            targets.AsSpan(start, lengths[u]).CopyTo(newTargets.AsSpan(write));
            weights?.AsSpan(start, lengths[u]).CopyTo(newWeights.AsSpan(write));
            offsets[u] = write;
            write += lengths[u];
        }
        offsets[nodeCount] = write;
        return (newTargets, newWeights);
    }

    /// <summary>Full undirected rows from the half rows (each edge under its smaller endpoint); a self-loop stays once.</summary>
    public static (int[] Offsets, int[] Targets, double[]? Weights) Symmetrise(int[] half, int[] targets, double[]? weights, int nodeCount)
    {
        var lower = new int[nodeCount];
        for (var e = 0; e < half[nodeCount]; e++)
        {
            lower[targets[e]]++;
        }
        for (var u = 0; u < nodeCount; u++)
        {
            // Self-loops sit in the half row already; they must not be mirrored.
            var row = targets.AsSpan(half[u], half[u + 1] - half[u]);
            if (!row.IsEmpty && row[0] == u)
            {
                lower[u] -= CountLeading(row, u);
            }
        }
        var offsets = new int[nodeCount + 1];
        for (var u = 0; u < nodeCount; u++)
        {
            offsets[u + 1] = offsets[u] + lower[u] + (half[u + 1] - half[u]);
        }
        var full = new int[offsets[nodeCount]];
        var fullWeights = weights is null ? null : new double[full.Length];
        var cursor = offsets.AsSpan(0, nodeCount).ToArray();
        // Smaller neighbours first, in ascending order because v ascends; then the node's own half row (targets ≥ u).
        for (var v = 0; v < nodeCount; v++)
        {
            for (var e = half[v]; e < half[v + 1]; e++)
            {
                var t = targets[e];
                if (t == v)
                {
                    continue;
                }
                var slot = cursor[t]++;
                full[slot] = v;
                if (fullWeights is not null)
                {
                    fullWeights[slot] = weights![e];
                }
            }
        }
        for (var u = 0; u < nodeCount; u++)
        {
            var length = half[u + 1] - half[u];
            targets.AsSpan(half[u], length).CopyTo(full.AsSpan(cursor[u]));
            weights?.AsSpan(half[u], length).CopyTo(fullWeights.AsSpan(cursor[u]));
        }
        return (offsets, full, fullWeights);
    }

    private static int CountLeading(ReadOnlySpan<int> row, int value)
    {
        var count = 0;
        while (count < row.Length && row[count] == value)
        {
            count++;
        }
        return count;
    }

    private static bool IsSorted(ReadOnlySpan<int> row)
    {
        for (var i = 1; i < row.Length; i++)
        {
            if (row[i - 1] > row[i])
            {
                return false;
            }
        }
        return true;
    }

    private static bool HasAdjacentRepeat(ReadOnlySpan<int> row)
    {
        for (var i = 1; i < row.Length; i++)
        {
            if (row[i - 1] == row[i])
            {
                return true;
            }
        }
        return false;
    }

    private static void StableSortWithWeights(Span<int> row, Span<double> weights, ref long[]? keys, ref double[]? weightCopy)
    {
        if (keys is null || keys.Length < row.Length)
        {
            if (keys is not null)
            {
                ArrayPool<long>.Shared.Return(keys);
                ArrayPool<double>.Shared.Return(weightCopy!);
            }
            keys = ArrayPool<long>.Shared.Rent(row.Length);
            weightCopy = ArrayPool<double>.Shared.Rent(row.Length);
        }
        // Target in the high half, input position in the low half: unique keys, so any sort is stable.
        var keySpan = keys.AsSpan(0, row.Length);
        for (var i = 0; i < row.Length; i++)
        {
            keySpan[i] = ((long)row[i] << 32) | (uint)i;
        }
        keySpan.Sort();
        weights.CopyTo(weightCopy);
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = (int)(keySpan[i] >> 32);
            weights[i] = weightCopy![(int)(uint)keySpan[i]];
        }
    }

    /// <summary>Merges runs of equal targets in a sorted row in place; returns the new length.</summary>
    private static int MergeRepeats(Span<int> row, Span<double> weights, DuplicateEdgePolicy duplicates)
    {
        var write = 0;
        for (var read = 0; read < row.Length; read++)
        {
            if (write > 0 && row[write - 1] == row[read])
            {
                if (!weights.IsEmpty)
                {
                    weights[write - 1] = duplicates == DuplicateEdgePolicy.SumWeights ? weights[write - 1] + weights[read] : weights[read];
                }
                continue;
            }
            row[write] = row[read];
            if (!weights.IsEmpty)
            {
                weights[write] = weights[read];
            }
            write++;
        }
        return write;
    }
}
