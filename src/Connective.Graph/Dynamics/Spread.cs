using Connective.Graph.Generators;

namespace Connective.Graph.Dynamics;

/// <summary>
/// Many independent, seeded runs of a spread process (SIR, SIS, independent cascade, linear threshold, complex contagion)
/// on a graph, in parallel. Run r draws only from its own generator derived from (seed, r) and writes only its own rows,
/// so the result is the same on any number of workers.
/// </summary>
public static class Spread
{
    /// <summary>Simulates <see cref="SpreadOptions.Runs"/> runs and summarises their final sizes and time series.</summary>
    /// <exception cref="ArgumentException">When an option is out of range or a per-node or per-edge array has the wrong length.</exception>
    public static SpreadResult Simulate(CsrGraph graph, SpreadOptions options, IProgress<int>? runsDone = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        var model = SpreadModelRun.Prepare(graph, options);
        var runs = options.Runs;
        var points = options.TimePoints;
        var finalSizes = new int[runs];
        var ever = new int[runs];
        var durations = new double[runs];
        var active = new int[runs][];
        var cumulative = new int[runs][];
        var done = 0;
        ParallelWork.ForChunks(runs, 1, () => new SpreadModelRun(model), (start, end, run) =>
        {
            for (var r = start; r < end; r++)
            {
                var outcome = run.Execute(new SeededRandom(TaskSeeds.For(options.Seed, r)));
                finalSizes[r] = outcome.FinalSize;
                ever[r] = outcome.EverActive;
                durations[r] = outcome.Duration;
                active[r] = outcome.Active;
                cumulative[r] = outcome.Cumulative;
                if (runsDone is not null)
                {
                    runsDone.Report(Interlocked.Increment(ref done));
                }
            }
        });
        var times = new double[points];
        for (var k = 0; k < points; k++)
        {
            times[k] = model.GridStep * k;
        }
        return new SpreadResult(
            options.Model,
            graph.NodeCount,
            finalSizes,
            ever,
            durations,
            Estimate.Of(Array.ConvertAll(finalSizes, s => (double)s)),
            times,
            Column(active, points),
            Column(cumulative, points));
    }

    /// <summary>Per-edge values in adjacency order (for <see cref="SpreadOptions.EdgeTransmission"/>) taken from the graph's edge weights.</summary>
    /// <exception cref="ArgumentException">When the graph has no edge weights.</exception>
    public static double[] EdgeParametersFromWeights(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.EdgeWeights is { } weights
            ? (double[])weights.Clone()
            : throw new ArgumentException("The graph has no edge weights to use as per-edge parameters.", nameof(graph));
    }

    private static Estimate[] Column(int[][] rows, int points)
    {
        var result = new Estimate[points];
        var column = new double[rows.Length];
        for (var k = 0; k < points; k++)
        {
            for (var r = 0; r < rows.Length; r++)
            {
                column[r] = rows[r][k];
            }
            result[k] = Estimate.Of(column);
        }
        return result;
    }
}

/// <summary>What one run produced: the final size, the number ever active, the duration and its time series on the grid.</summary>
internal readonly record struct RunOutcome(int FinalSize, int EverActive, double Duration, int[] Active, int[] Cumulative);

/// <summary>The validated, shared inputs of every run of one simulation.</summary>
internal sealed record PreparedSpread(
    CsrGraph Graph,
    SpreadOptions Options,
    FixedNodeState[] Fixed,
    int[] Adopted,
    int[] FreeNodes,
    double GridStep);
