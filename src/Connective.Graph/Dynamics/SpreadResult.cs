namespace Connective.Graph.Dynamics;

/// <summary>A mean over runs with its spread and a 95% confidence interval for the mean (normal approximation).</summary>
/// <param name="Mean">The sample mean.</param>
/// <param name="StandardDeviation">The sample standard deviation (n − 1 in the denominator).</param>
/// <param name="Low">The lower end of the 95% confidence interval for the mean.</param>
/// <param name="High">The upper end of the 95% confidence interval for the mean.</param>
/// <param name="Count">How many values.</param>
public sealed record Estimate(double Mean, double StandardDeviation, double Low, double High, int Count)
{
    /// <summary>The mean, standard deviation and 95% interval (mean ± 1.96 standard errors) of <paramref name="values"/>, summed in order.</summary>
    public static Estimate Of(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        if (n == 0)
        {
            return new Estimate(double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }
        var mean = sum / n;
        var squares = 0.0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }
        var sd = n > 1 ? Math.Sqrt(squares / (n - 1)) : 0;
        var half = 1.959963984540054 * sd / Math.Sqrt(n);
        return new Estimate(mean, sd, mean - half, mean + half, n);
    }
}

/// <summary>What many runs of a spread process produced.</summary>
/// <param name="Model">The process simulated.</param>
/// <param name="NodeCount">The number of nodes in the graph.</param>
/// <param name="FinalSizes">
/// Per run, in run order: the number of nodes ever active (SIR, cascade, threshold models: the final size, initial and
/// adopted nodes included), or the number active when the run stopped (SIS).
/// </param>
/// <param name="EverActive">Per run: the number of nodes active at some time (equal to the final size except for SIS).</param>
/// <param name="Durations">Per run: the time (or step) of the last event.</param>
/// <param name="FinalSize">The final size's mean, standard deviation and 95% interval for the mean.</param>
/// <param name="Times">The reporting times (steps for discrete models).</param>
/// <param name="Active">The mean number active at each reporting time, with its 95% interval.</param>
/// <param name="Cumulative">The mean number ever active by each reporting time, with its 95% interval.</param>
public sealed record SpreadResult(
    SpreadModel Model,
    int NodeCount,
    int[] FinalSizes,
    int[] EverActive,
    double[] Durations,
    Estimate FinalSize,
    double[] Times,
    Estimate[] Active,
    Estimate[] Cumulative)
{
    /// <summary>The number of runs.</summary>
    public int Runs => FinalSizes.Length;

    /// <summary>The empirical <paramref name="q"/>-quantile (0 ≤ q ≤ 1) of the final sizes, by the nearest-rank rule.</summary>
    public int FinalSizeQuantile(double q)
    {
        if (FinalSizes.Length == 0)
        {
            return 0;
        }
        var sorted = (int[])FinalSizes.Clone();
        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(Math.Clamp(q, 0, 1) * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>
    /// The final sizes of the runs that became major outbreaks (final size at least <paramref name="fractionOfNodes"/> of the nodes),
    /// with the share of runs that did, and the 95% (Wilson) interval of that share.
    /// </summary>
    public (Estimate Size, double Probability, double ProbabilityLow, double ProbabilityHigh) MajorOutbreaks(double fractionOfNodes)
    {
        var cut = fractionOfNodes * NodeCount;
        var major = FinalSizes.Where(s => s >= cut).Select(s => (double)s).ToArray();
        var (low, high) = Proportions.Wilson(major.Length, FinalSizes.Length);
        return (Estimate.Of(major), FinalSizes.Length == 0 ? double.NaN : (double)major.Length / FinalSizes.Length, low, high);
    }
}

/// <summary>Intervals for proportions.</summary>
internal static class Proportions
{
    /// <summary>The 95% Wilson score interval for <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    public static (double Low, double High) Wilson(int successes, int trials)
    {
        if (trials == 0)
        {
            return (double.NaN, double.NaN);
        }
        const double z = 1.959963984540054;
        var p = (double)successes / trials;
        var denominator = 1 + (z * z / trials);
        var centre = (p + (z * z / (2 * trials))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / trials) + (z * z / (4.0 * trials * trials))) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}

/// <summary>Seeds for independent sub-tasks: a fixed function of (seed, index), so task i's draws do not depend on which worker runs it.</summary>
internal static class TaskSeeds
{
    public static ulong For(ulong seed, long index)
    {
        // Two rounds of the SplitMix64 finaliser: seeds that differ in one bit, or consecutive indexes, give unrelated streams
        // (adding the index to the seed would only shift SplitMix64's own sequence and make neighbouring runs overlap).
        return Finalise(seed ^ Finalise((ulong)index + 0x9E3779B97F4A7C15UL));
    }

    private static ulong Finalise(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
