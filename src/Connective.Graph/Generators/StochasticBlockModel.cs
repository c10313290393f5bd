namespace Connective.Graph.Generators;

/// <summary>The stochastic block model: nodes in blocks, edges independent with a probability set by the two blocks.</summary>
public static class StochasticBlockModel
{
    /// <summary>
    /// Generates an undirected simple graph whose nodes are numbered block by block (block 0 holds ids
    /// 0..sizes[0]−1, and so on); each pair of distinct nodes in blocks a and b is an edge with probability
    /// <c>probabilities[a][b]</c>. Time is proportional to nodes + edges (geometric skipping), not to n².
    /// </summary>
    /// <param name="blockSizes">Number of nodes in each block.</param>
    /// <param name="probabilities">A symmetric matrix of edge probabilities in [0, 1], one row per block.</param>
    /// <param name="seed">Seed for <see cref="SeededRandom"/>.</param>
    public static CsrGraph Generate(IReadOnlyList<int> blockSizes, IReadOnlyList<IReadOnlyList<double>> probabilities, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(blockSizes);
        ArgumentNullException.ThrowIfNull(probabilities);
        var blocks = blockSizes.Count;
        if (probabilities.Count != blocks)
        {
            throw new ArgumentException($"The probability matrix has {probabilities.Count} rows but there are {blocks} blocks.", nameof(probabilities));
        }
        var starts = new int[blocks + 1];
        for (var a = 0; a < blocks; a++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(blockSizes[a], $"{nameof(blockSizes)}[{a}]");
            starts[a + 1] = checked(starts[a] + blockSizes[a]);
            if (probabilities[a].Count != blocks)
            {
                throw new ArgumentException($"Row {a} of the probability matrix has {probabilities[a].Count} entries but there are {blocks} blocks.", nameof(probabilities));
            }
            for (var b = 0; b < blocks; b++)
            {
                var p = probabilities[a][b];
                if (!(p >= 0 && p <= 1))
                {
                    throw new ArgumentException($"Probability [{a}][{b}] is {p}; it must be between 0 and 1.", nameof(probabilities));
                }
                if (p != probabilities[b][a])
                {
                    throw new ArgumentException($"The probability matrix must be symmetric: [{a}][{b}] is {p} but [{b}][{a}] is {probabilities[b][a]}.", nameof(probabilities));
                }
            }
        }

        var random = new SeededRandom(seed);
        var edges = new EdgeBuffer(1024);
        var within = new EdgeBuffer(1024);
        for (var a = 0; a < blocks; a++)
        {
            for (var b = a; b < blocks; b++)
            {
                var p = probabilities[a][b];
                if (p <= 0)
                {
                    continue;
                }
                if (a == b)
                {
                    AddWithinBlock(random, p, starts[a], blockSizes[a], edges, within);
                }
                else
                {
                    AddBetweenBlocks(random, p, starts[a], blockSizes[a], starts[b], blockSizes[b], edges);
                }
            }
        }
        return GeneratedGraph.Build(starts[blocks], edges);
    }

    private static void AddWithinBlock(SeededRandom random, double p, int start, int size, EdgeBuffer edges, EdgeBuffer scratch)
    {
        if (p >= 1)
        {
            for (var v = 1; v < size; v++)
            {
                for (var w = 0; w < v; w++)
                {
                    edges.Add(start + w, start + v);
                }
            }
            return;
        }
        scratch.Clear();
        ErdosRenyi.AddGeometricSkips(random, p, scratch, size);
        var sources = scratch.Sources;
        var targets = scratch.Targets;
        for (var i = 0; i < sources.Length; i++)
        {
            edges.Add(start + sources[i], start + targets[i]);
        }
    }

    private static void AddBetweenBlocks(SeededRandom random, double p, int startA, int sizeA, int startB, int sizeB, EdgeBuffer edges)
    {
        // Pairs are enumerated as index = i·sizeB + j; skipping a geometric number of them per draw.
        var pairs = (long)sizeA * sizeB;
        if (p >= 1)
        {
            for (long index = 0; index < pairs; index++)
            {
                edges.Add(startA + (int)(index / sizeB), startB + (int)(index % sizeB));
            }
            return;
        }
        var logOneMinusP = Math.Log(1 - p);
        long position = -1;
        while (true)
        {
            var skip = Math.Log(1 - random.NextDouble()) / logOneMinusP;
            if (skip >= pairs - position - 1)
            {
                return;
            }
            position += 1 + (long)skip;
            edges.Add(startA + (int)(position / sizeB), startB + (int)(position % sizeB));
        }
    }
}
