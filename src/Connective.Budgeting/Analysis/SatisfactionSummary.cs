namespace Connective.Budgeting.Analysis;

/// <summary>
/// How an outcome is felt across voters under one utility: the share of voters with none of their projects funded,
/// the average satisfaction and how unequally satisfaction is spread (the Gini coefficient).
/// </summary>
/// <param name="Utility">Which satisfaction is measured: "cost" (money spent on a voter's funded projects, points-weighted
/// for points ballots) or "cardinality" (how many of a voter's projects are funded).</param>
/// <param name="Voters">Number of voters measured.</param>
/// <param name="ShareWithNothingFunded">Fraction of voters whose satisfaction is zero, between 0 and 1.</param>
/// <param name="AverageSatisfaction">Mean satisfaction per voter, in the utility's unit.</param>
/// <param name="AverageRelativeSatisfaction">Mean of each voter's satisfaction divided by the most they could get
/// from all projects they support (voters supporting nothing count as 0), between 0 and 1.</param>
/// <param name="Gini">Gini coefficient of satisfaction: 0 when everyone is equally satisfied, near 1 when a few get everything.</param>
public sealed record SatisfactionSummary(
    string Utility,
    int Voters,
    double ShareWithNothingFunded,
    double AverageSatisfaction,
    double AverageRelativeSatisfaction,
    double Gini)
{
    /// <summary>Summarises per-voter satisfaction values and the most each voter could have had.</summary>
    /// <param name="utility">Name of the utility the values are measured in.</param>
    /// <param name="satisfaction">Each voter's satisfaction with the outcome (non-negative).</param>
    /// <param name="maximum">Each voter's satisfaction if every project they support were funded, same order.</param>
    public static SatisfactionSummary Compute(string utility, ReadOnlySpan<double> satisfaction, ReadOnlySpan<double> maximum)
    {
        ArgumentNullException.ThrowIfNull(utility);
        if (satisfaction.Length != maximum.Length)
        {
            throw new ArgumentException("Satisfaction and maximum must have one value per voter each.", nameof(maximum));
        }
        var voters = satisfaction.Length;
        if (voters == 0)
        {
            return new SatisfactionSummary(utility, 0, 0, 0, 0, 0);
        }

        var nothing = 0;
        var total = 0.0;
        var relative = 0.0;
        for (var i = 0; i < voters; i++)
        {
            if (satisfaction[i] < 0)
            {
                throw new ArgumentException($"Voter {i} has negative satisfaction {satisfaction[i]}.", nameof(satisfaction));
            }
            if (satisfaction[i] == 0)
            {
                nothing++;
            }
            total += satisfaction[i];
            relative += maximum[i] > 0 ? satisfaction[i] / maximum[i] : 0;
        }
        return new SatisfactionSummary(utility, voters, (double)nothing / voters, total / voters, relative / voters, GiniOf(satisfaction));
    }

    /// <summary>Gini coefficient of non-negative values: Σ (2i − n − 1)·xᵢ / (n·Σx) over the values sorted ascending (i from 1).</summary>
    public static double GiniOf(ReadOnlySpan<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var n = sorted.Length;
        var sum = 0.0;
        var weighted = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += sorted[i];
            weighted += (2.0 * (i + 1) - n - 1) * sorted[i];
        }
        // Everyone at zero is perfect equality, not an undefined ratio.
        return sum == 0 ? 0 : weighted / (n * sum);
    }
}
