using Connective.Budgeting.Analysis;

namespace Connective.Budgeting.Tests.Analysis;

public sealed class SatisfactionSummaryTests
{
    [Fact]
    public void Equal_satisfaction_has_gini_zero()
    {
        Assert.Equal(0, SatisfactionSummary.GiniOf([3, 3, 3, 3]));
    }

    [Fact]
    public void One_voter_with_everything_has_gini_of_n_minus_one_over_n()
    {
        // Σ(2i − n − 1)xᵢ / (nΣx) with x = (0, 0, 0, 8): (2·4 − 5)·8 / (4·8) = 3/4.
        Assert.Equal(0.75, SatisfactionSummary.GiniOf([0, 8, 0, 0]), 12);
    }

    [Fact]
    public void Gini_matches_the_mean_absolute_difference_definition()
    {
        double[] values = [1, 2, 3, 10];
        var pairs = 0.0;
        foreach (var a in values)
        {
            foreach (var b in values)
            {
                pairs += Math.Abs(a - b);
            }
        }
        var expected = pairs / (2 * values.Length * values.Sum());

        Assert.Equal(expected, SatisfactionSummary.GiniOf(values), 12);
    }

    [Fact]
    public void Summary_counts_voters_with_nothing_and_averages()
    {
        var summary = SatisfactionSummary.Compute("cost", [0, 100, 300, 0], [50, 200, 300, 0]);

        Assert.Equal(4, summary.Voters);
        Assert.Equal(0.5, summary.ShareWithNothingFunded);
        Assert.Equal(100, summary.AverageSatisfaction);
        Assert.Equal((0 + 0.5 + 1 + 0) / 4, summary.AverageRelativeSatisfaction);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => SatisfactionSummary.Compute("cost", [1, 2], [1]));
    }
}
