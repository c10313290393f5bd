using Connective.Budgeting.Rules;

namespace Connective.Budgeting.Tests.Rules;

/// <summary>The certified floating-point fast path gives the same outcomes as exact rational arithmetic throughout.</summary>
public sealed class ArithmeticTests
{
    public static TheoryData<string> Files => new()
    {
        "Netherlands_Assen_2024.pb",
        "Poland_Czestochowa_2020_Grabowka.pb",
        "Worldwide_Mechanical_Turk_Threshold_8.pb",
        "US_Stanford_Dataset_PB_Chicago_33rd_Ward_2020_vote_knapsacks.pb",
        "France_Toulouse_2022_19_-_Casselardit_Fontaine-Bayonne_Cartoucherie.pb",
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Exact_fast_path_and_exact_only_agree(string file)
    {
        var election = ReferenceCases.Read(file);
        foreach (var rule in new[] { RuleKind.EqualShares, RuleKind.Phragmen })
        {
            if (rule == RuleKind.Phragmen && election.VoteType == VoteType.Cumulative)
            {
                continue;
            }
            var fast = BudgetingRules.Count(election, new RuleOptions { Rule = rule });
            var exact = BudgetingRules.Count(election, new RuleOptions { Rule = rule, Arithmetic = ArithmeticMode.ExactOnly });
            var screening = BudgetingRules.Count(election, new RuleOptions { Rule = rule, Arithmetic = ArithmeticMode.FloatingPoint });

            Assert.Equal(exact.Selected.Select(p => p.Id), fast.Selected.Select(p => p.Id));
            Assert.Equal(exact.Selected.Select(p => p.Id), screening.Selected.Select(p => p.Id));
            var replayed = fast.WithExactTrace();
            Assert.Equal(exact.Rounds.Select(r => r.ExactPriceFactor), replayed.Rounds.Select(r => r.ExactPriceFactor));
        }
    }

    [Theory]
    [InlineData(UtilityKind.Cost)]
    [InlineData(UtilityKind.Cardinality)]
    public void The_guided_exact_recheck_gives_the_exact_rules_rounds_where_floating_point_is_unsure(UtilityKind utility)
    {
        // Budapest 2025 VIII: the floating-point pass meets close decisions, so the exact rerun (guided by it) decides.
        var election = ReferenceCases.Read("Hungary_Budapest_2025_VIII_Jozsefvaros.pb");

        var guided = BudgetingRules.Count(election, new RuleOptions { Rule = RuleKind.EqualShares, Utility = utility });
        var exact = BudgetingRules.Count(election, new RuleOptions { Rule = RuleKind.EqualShares, Utility = utility, Arithmetic = ArithmeticMode.ExactOnly });

        Assert.True(guided.RecheckedExactly);
        Assert.Equal(exact.Selected.Select(p => p.Id), guided.Selected.Select(p => p.Id));
        Assert.Equal(exact.Rounds.Select(r => r.ExactPriceFactor), guided.Rounds.Select(r => r.ExactPriceFactor));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_equal_shares_round_collects_exactly_the_cost(string file)
    {
        var election = ReferenceCases.Read(file);

        var result = BudgetingRules.Count(election, new RuleOptions()).WithExactTrace();

        Assert.NotEmpty(result.Rounds);
        foreach (var round in result.Rounds)
        {
            var collected = round.Payments.Aggregate(Budgeting.Numerics.Rational.Zero, (sum, g) => sum + (Budgeting.Numerics.Rational.FromLong(g.Voters) * g.ExactPayment!.Value));
            Assert.Equal(Budgeting.Numerics.Rational.FromDecimal(round.Project.Cost), collected);
            Assert.All(round.Endowments, g => Assert.True(g.ExactEndowment!.Value.Sign > 0 || g.FundedProjectsSupported.Count == 0));
        }
    }
}
