using System.Buffers;
using System.Runtime.CompilerServices;

namespace Connective.Graph;

/// <summary>Turns an edge list of dense ids into compressed sparse rows, applying the duplicate and self-loop policies.</summary>
internal static class CsrConstruction
{
    public static CsrGraph Build(
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
            return new CsrGraph(true, offsets, targets, weights, inOffsets, inTargets, inWeights, edgeCount, shape, labels, attributes);
        }
        var (fullOffsets, fullTargets, fullWeights) = Symmetrise(offsets, targets, weights, nodeCount);
        return new CsrGraph(false, fullOffsets, fullTargets, fullWeights, null, null, null, edgeCount, shape, labels, attributes);
    }

    /// <summary>The rows of <paramref name="offsets"/>/<paramref name="targets"/> read as arcs, transposed: rows come out sorted.</summary>
    public static (int[] Offsets, int[] Targets, double[]? Weights) Transpose(int[] offsets, int[] targets, double[]? weights, int nodeCount)
    {
        var parts = SourceParts(offsets, nodeCount);
        var counts = CountByTarget(offsets, targets, parts, nodeCount, skipLoops: false);
        var inOffsets = new int[nodeCount + 1];
        SumCounts(counts, inOffsets, nodeCount);
        for (var i = 0; i < nodeCount; i++)
        {
            inOffsets[i + 1] += inOffsets[i];
        }
        var inTargets = new int[offsets[nodeCount]];
        var inWeights = weights is null ? null : new double[inTargets.Length];
        FillByTarget(offsets, targets, weights, parts, counts, inOffsets, inTargets, inWeights, skipLoops: false);
        return (inOffsets, inTargets, inWeights);
    }

    /// <summary>
    /// Bounds of the contiguous ranges of source rows that are scattered in parallel, with about equal numbers of
    /// entries: one range below <see cref="ParallelWork.SequentialWork"/> entries or on one core. Each range counts and
    /// places its own entries, after the entries of the ranges before it, so the output is the same for any split.
    /// </summary>
    private static int[] SourceParts(int[] offsets, int nodeCount)
    {
        long total = offsets[nodeCount];
        var parts = total < ParallelWork.SequentialWork ? 1 : Math.Min(ParallelWork.MaxWorkers, 8);
        var bounds = new int[parts + 1];
        var u = 0;
        for (var p = 1; p < parts; p++)
        {
            var goal = total * p / parts;
            while (u < nodeCount && offsets[u] < goal)
            {
                u++;
            }
            bounds[p] = u;
        }
        bounds[parts] = nodeCount;
        return bounds;
    }

    /// <summary>counts[p][t] = entries with target t in the rows of part p (self-loops left out when asked).</summary>
    private static int[][] CountByTarget(int[] offsets, int[] targets, int[] parts, int nodeCount, bool skipLoops)
    {
        var counts = new int[parts.Length - 1][];
        Parallel.For(0, counts.Length, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (p) =>
        {
            var count = counts[p] = new int[nodeCount];
            for (var u = parts[p]; u < parts[p + 1]; u++)
            {
                foreach (var t in targets.AsSpan(offsets[u], offsets[u + 1] - offsets[u]))
                {
                    count[t] += skipLoops && t == u ? 0 : 1;
                }
            }
        });
        return counts;
    }

    /// <summary>Adds every part's count of row t into rowSizes[t + 1] (in parallel over rows).</summary>
    private static void SumCounts(int[][] counts, int[] rowSizes, int nodeCount)
    {
        ParallelWork.ForRanges(nodeCount, (long)nodeCount * counts.Length, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, end) =>
        {
            foreach (var count in counts)
            {
                for (var t = start; t < end; t++)
                {
                    rowSizes[t + 1] += count[t];
                }
            }
        });
    }

    /// <summary>
    /// Places the entries of every part under their targets, starting each row t at rowStart[t] and each part after the
    /// parts before it; within a part, sources ascend. The counts become the parts' write cursors.
    /// </summary>
    private static void FillByTarget(int[] offsets, int[] targets, double[]? weights, int[] parts, int[][] counts, int[] rowStart, int[] output, double[]? outputWeights, bool skipLoops)
    {
        var nodeCount = offsets.Length - 1;
        ParallelWork.ForRanges(nodeCount, (long)nodeCount * counts.Length, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, end) =>
        {
            for (var t = start; t < end; t++)
            {
                var cursor = rowStart[t];
                foreach (var count in counts)
                {
                    var c = count[t];
                    count[t] = cursor;
                    cursor += c;
                }
            }
        });
        Parallel.For(0, counts.Length, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (p) =>
        {
            var cursor = counts[p];
            for (var u = parts[p]; u < parts[p + 1]; u++)
            {
                for (var e = offsets[u]; e < offsets[u + 1]; e++)
                {
                    var t = targets[e];
                    if (skipLoops && t == u)
                    {
                        continue;
                    }
                    var slot = cursor[t]++;
                    output[slot] = u;
                    if (outputWeights is not null)
                    {
                        outputWeights[slot] = weights![e];
                    }
                }
            }
        });
    }

    /// <summary>
    /// The half rows in input order within each row. Edges are split into consecutive ranges that count and place
    /// their own edges in parallel, each after the ranges before it, so the rows are the same for any split.
    /// </summary>
    private static (int[] Offsets, int[] Targets, double[]? Weights, bool SelfLoops) Scatter(int nodeCount, bool directed, EdgeList edges, bool dropSelfLoops)
    {
        var parts = edges.Count < ParallelWork.SequentialWork ? 1 : Math.Min(ParallelWork.MaxWorkers, 8);
        var counts = new int[parts][];
        var loopsInPart = new bool[parts];
        Parallel.For(0, parts, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (p) =>
        {
            var (first, end) = EdgeRange(edges.Count, parts, p);
            var count = counts[p] = new int[nodeCount];
            var selfLoops = false;
            for (var i = first; i < end; i++)
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
                count[directed || a < b ? a : b]++;
            }
            loopsInPart[p] = selfLoops;
        });
        var offsets = new int[nodeCount + 1];
        SumCounts(counts, offsets, nodeCount);
        for (var u = 0; u < nodeCount; u++)
        {
            offsets[u + 1] += offsets[u];
        }
        var targets = new int[offsets[nodeCount]];
        var weights = edges.Weights is null ? null : new double[targets.Length];
        ParallelWork.ForRanges(nodeCount, (long)nodeCount * parts, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, end) =>
        {
            for (var u = start; u < end; u++)
            {
                var cursor = offsets[u];
                foreach (var count in counts)
                {
                    var c = count[u];
                    count[u] = cursor;
                    cursor += c;
                }
            }
        });
        Parallel.For(0, parts, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (p) =>
        {
            var (first, end) = EdgeRange(edges.Count, parts, p);
            var cursor = counts[p];
            for (var i = first; i < end; i++)
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
        });
        return (offsets, targets, weights, Array.IndexOf(loopsInPart, true) >= 0);
    }

    private static (int First, int End) EdgeRange(int count, int parts, int part) =>
        ((int)((long)count * part / parts), (int)((long)count * (part + 1) / parts));

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
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = ParallelWork.MaxWorkers }, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (chunk) =>
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
        // Row t = its smaller neighbours (the half rows that hold t, ascending) then its own half row (targets ≥ t).
        // Self-loops sit in the half row already; they are not mirrored.
        var parts = SourceParts(half, nodeCount);
        var counts = CountByTarget(half, targets, parts, nodeCount, skipLoops: true);
        var offsets = new int[nodeCount + 1];
        SumCounts(counts, offsets, nodeCount);
        for (var u = 0; u < nodeCount; u++)
        {
            offsets[u + 1] += offsets[u] + (half[u + 1] - half[u]);
        }
        var full = new int[offsets[nodeCount]];
        var fullWeights = weights is null ? null : new double[full.Length];
        FillByTarget(half, targets, weights, parts, counts, offsets, full, fullWeights, skipLoops: true);
        ParallelWork.ForRanges(nodeCount, full.Length, (start, end) =>
        {
            for (var u = start; u < end; u++)
            {
                var length = half[u + 1] - half[u];
                var at = offsets[u + 1] - length;
                targets.AsSpan(half[u], length).CopyTo(full.AsSpan(at));
                weights?.AsSpan(half[u], length).CopyTo(fullWeights.AsSpan(at));
            }
        });
        return (offsets, full, fullWeights);
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
