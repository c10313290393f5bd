using Connective.Budgeting.Rules;

namespace Connective.Budgeting.Tests.Rules;

/// <summary>Branch and bound against brute force over every subset, on real files with few projects.</summary>
public sealed class MaxWelfareTests
{
    internal static List<string> SmallFiles(int maxProjects) =>
        [.. ReferenceCases.All
            .Where(e => e.GetProperty("num_projects").GetInt32() <= maxProjects && e.GetProperty("vote_type").GetString() != "ordinal")
            .Select(e => e.GetProperty("file").GetString()!)];

    [Fact]
    public void Matches_brute_force_on_files_with_at_most_10_projects()
    {
        foreach (var file in SmallFiles(10))
        {
            AssertMatchesBruteForce(file);
        }
    }

    internal static void AssertMatchesBruteForce(string file)
    {
        var election = ReferenceCases.Read(file);
        foreach (var utility in new[] { UtilityKind.Auto, UtilityKind.Cardinality })
        {
            var result = BudgetingRules.Count(election, new RuleOptions { Rule = RuleKind.MaxWelfare, Utility = utility });
            var expected = BruteForce(election, utility);
            Assert.True(expected.SequenceEqual(result.SelectedIdsSorted), $"{file} {utility}: expected [{string.Join(',', expected)}] got [{string.Join(',', result.SelectedIdsSorted)}]");
        }
    }

    /// <summary>Every subset; the best total utility, ties to the set funding the earliest project in id order where they differ.</summary>
    private static List<string> BruteForce(Election election, UtilityKind utility)
    {
        var projects = election.Projects.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
        var m = projects.Length;
        var value = new decimal[m];
        for (var i = 0; i < m; i++)
        {
            foreach (var voter in election.Voters)
            {
                var k = voter.ProjectIndices.ToList().IndexOf(projects[i].Index);
                if (k < 0)
                {
                    continue;
                }
                value[i] += utility == UtilityKind.Cardinality ? 1m
                    : voter.Points is { } points ? points[k]
                    : projects[i].Cost;
            }
        }
        var bestValue = -1m;
        var bestMask = 0L;
        // Bit (m − 1 − i) stands for the i-th project in id order, so a larger mask is earlier in that order.
        for (var mask = 0L; mask < 1L << m; mask++)
        {
            decimal cost = 0, total = 0;
            for (var i = 0; i < m; i++)
            {
                if ((mask >> (m - 1 - i) & 1) != 0)
                {
                    cost += projects[i].Cost;
                    total += value[i];
                }
            }
            if (cost <= election.Budget && (total > bestValue || (total == bestValue && mask > bestMask)))
            {
                bestValue = total;
                bestMask = mask;
            }
        }
        return ReferenceCases.Sorted(Enumerable.Range(0, m).Where(i => (bestMask >> (m - 1 - i) & 1) != 0).Select(i => projects[i].Id));
    }
}
