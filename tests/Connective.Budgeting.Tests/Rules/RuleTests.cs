using Connective.Budgeting.Numerics;
using Connective.Budgeting.Rules;
using Connective.Budgeting.Tests.Pabulib;

namespace Connective.Budgeting.Tests.Rules;

public sealed class RuleTests
{
    // Three voters, budget 300 (100 each). C (150) is approved by all three, A (200) by voters 1 and 2, B (100) by voter 3.
    internal const string ThreeVoters = """
        META
        key;value
        num_projects;3
        num_votes;3
        budget;300
        vote_type;approval
        PROJECTS
        project_id;cost;votes
        A;200;2
        B;100;1
        C;150;3
        VOTES
        voter_id;vote
        1;A,C
        2;A,C
        3;B,C
        """;

    private static RuleResult Count(string text, RuleOptions options) => BudgetingRules.Count(PbReaderTests.ReadText(text), options);

    private static string[] Ids(RuleResult result) => [.. result.SelectedIdsSorted];

    [Fact]
    public void Equal_shares_funds_the_project_everyone_shares_and_records_each_group_payment()
    {
        var result = Count(ThreeVoters, new RuleOptions()).WithExactTrace();

        Assert.Equal(["C"], Ids(result));
        var round = Assert.Single(result.Rounds);
        Assert.Equal(Rational.Create(1, 3), round.ExactPriceFactor);
        var group = Assert.Single(round.Payments);
        Assert.Equal(3, group.Voters);
        Assert.Equal(Rational.FromLong(50), group.ExactPayment);
        Assert.Equal(100, group.EndowmentBefore);
        var left = Assert.Single(round.Endowments);
        Assert.Equal((3, 50.0), (left.Voters, left.Endowment));
        Assert.Equal(["C"], left.FundedProjectsSupported);
        Assert.Equal(UtilityKind.Cost, result.Options.Utility);
        Assert.Equal("id", result.Options.TieBreaking.ToString());
    }

    [Fact]
    public void Add1_stops_before_an_outcome_over_budget_and_add1u_tops_up_by_votes()
    {
        // At 150 per voter Equal Shares would fund C and A (350 > 300), so add1 keeps the outcome of 149.
        var add1 = Count(ThreeVoters, RuleOptions.PabutoolsAdd1);
        var official = Count(ThreeVoters, RuleOptions.PabulibOfficialAdd1);
        var add1u = Count(ThreeVoters, RuleOptions.PabutoolsAdd1 with { Completion = CompletionKind.Add1Utilitarian });

        Assert.Equal(["C"], Ids(add1));
        Assert.Equal(51, add1.Add1Runs);
        Assert.Equal(149, add1.Endowment);
        Assert.Equal(["C"], Ids(official));
        Assert.Equal(["B", "C"], Ids(add1u));
        Assert.Equal(RoundAction.FundedByCompletion, add1u.Rounds[^1].Action);
    }

    [Fact]
    public void Add1_floor_start_rounds_the_share_down()
    {
        var text = ThreeVoters.Replace("budget;300", "budget;301", StringComparison.Ordinal);

        var exact = Count(text, RuleOptions.PabutoolsAdd1 with { Completion = CompletionKind.Add1 });
        var floor = Count(text, RuleOptions.PabutoolsAdd1 with { Add1 = new Add1Options(Add1Start.Floor) });

        Assert.Equal(301.0 / 3 + 49, exact.Endowment!.Value, 9);
        Assert.Equal(149, floor.Endowment);
    }

    [Fact]
    public void Greedy_skips_what_does_not_fit_and_no_skip_stops_there()
    {
        var skip = Count(ThreeVoters, new RuleOptions { Rule = RuleKind.Greedy });
        var noSkip = Count(ThreeVoters, new RuleOptions { Rule = RuleKind.Greedy, GreedyVariant = GreedyVariant.NoSkip });

        Assert.Equal(["B", "C"], Ids(skip));
        Assert.Equal(RoundAction.SkippedTooExpensive, skip.Rounds[1].Action);
        Assert.Equal(["C"], Ids(noSkip));
        Assert.Equal(RoundAction.Stopped, noSkip.Rounds[^1].Action);
    }

    // Budget 1000: A (600, 3 votes) fits, B (500, 2 votes) does not: 400 left is 80% of 500, so the reserve funds B.
    // C (100, 1 vote) would fit but the count has ended. With B at 501 the 400 left is 79.8%: B is not funded.
    private static string ReserveElection(string costOfB) => $"""
        META
        key;value
        num_projects;3
        num_votes;3
        budget;1000
        vote_type;approval
        rule;greedy-custom
        PROJECTS
        project_id;cost
        A;600
        B;{costOfB}
        C;100
        VOTES
        voter_id;vote
        1;A,B,C
        2;A,B
        3;A
        """;

    [Fact]
    public void Greedy_custom_funds_the_stopping_project_from_the_reserve_when_80_percent_of_its_cost_is_left()
    {
        var options = new RuleOptions { Rule = RuleKind.Greedy, GreedyVariant = GreedyVariant.NoSkipWithReserve };

        var atEightyPercent = Count(ReserveElection("500"), options);
        var justBelow = Count(ReserveElection("501"), options);

        Assert.Equal(["A", "B"], Ids(atEightyPercent));
        Assert.Equal(RoundAction.FundedFromReserve, atEightyPercent.Rounds[^1].Action);
        Assert.Equal(2, atEightyPercent.Rounds.Count);
        Assert.Equal(["A"], Ids(justBelow));
        Assert.Equal(RoundAction.Stopped, justBelow.Rounds[^1].Action);
    }

    [Fact]
    public void Greedy_custom_is_the_official_rule_only_where_the_comment_states_it()
    {
        var poznan = PbReaderTests.ReadText(ReserveElection("500").Replace("rule;greedy-custom", "rule;greedy-custom\nunit;Poznań", StringComparison.Ordinal));
        var elsewhere = PbReaderTests.ReadText(ReserveElection("500"));

        Assert.Equal(GreedyVariant.NoSkipWithReserve, OfficialCounts.Options(poznan)!.GreedyVariant);
        Assert.Null(OfficialCounts.Options(elsewhere));
    }

    [Fact]
    public void Phragmen_stops_when_a_tied_project_does_not_fit()
    {
        // After C (load 50 each), A and B tie at load 150; A does not fit, so pabutools stops.
        var result = Count(ThreeVoters, new RuleOptions { Rule = RuleKind.Phragmen, TieBreaking = TieBreaking.ByCostThenVotes });

        Assert.Equal(["C"], Ids(result));
        Assert.Equal(50, result.Rounds[0].PriceFactor);
        Assert.Equal(RoundAction.Stopped, result.Rounds[^1].Action);
    }

    [Fact]
    public void Max_welfare_finds_the_best_feasible_set()
    {
        var cost = Count(ThreeVoters, new RuleOptions { Rule = RuleKind.MaxWelfare });
        var cardinality = Count(ThreeVoters, new RuleOptions { Rule = RuleKind.MaxWelfare, Utility = UtilityKind.Cardinality });

        Assert.Equal(["B", "C"], Ids(cost));
        Assert.Equal(["B", "C"], Ids(cardinality));
    }

    internal const string Ties = """
        META
        key;value
        num_projects;3
        num_votes;3
        budget;250
        vote_type;approval
        min_project_score_threshold;2
        PROJECTS
        project_id;cost;name
        9;100;Bench
        10;100;Bench
        2;50;Lamp
        VOTES
        voter_id;vote
        a;9,10
        b;9,10,2
        c;
        """;

    [Fact]
    public void Ties_are_broken_by_id_as_strings_by_default()
    {
        var text = Ties.Replace("budget;250", "budget;150", StringComparison.Ordinal);

        var result = Count(text, new RuleOptions { Rule = RuleKind.Greedy });

        Assert.Equal("10", result.Selected[0].Id);
        Assert.Equal(["2", "10"], Ids(result));
    }

    [Fact]
    public void Cost_votes_tie_breaking_prefers_the_cheaper_project()
    {
        var text = Ties.Replace("budget;250", "budget;150", StringComparison.Ordinal).Replace("9;100;Bench", "9;90;Bench", StringComparison.Ordinal);

        var result = Count(text, new RuleOptions { Rule = RuleKind.Greedy, TieBreaking = TieBreaking.Parse("cost-votes") });

        Assert.Equal("9", result.Selected[0].Id);
        Assert.Equal("cost-votes", result.Options.TieBreaking.ToString());
    }

    [Fact]
    public void A_lot_is_reproducible_from_its_seed_and_recorded()
    {
        var text = Ties.Replace("budget;250", "budget;150", StringComparison.Ordinal);
        var firsts = new HashSet<string>();
        for (ulong seed = 0; seed < 16; seed++)
        {
            var options = new RuleOptions { Rule = RuleKind.Greedy, TieBreaking = TieBreaking.Parse($"lot:{seed}") };
            var one = Count(text, options);
            var again = Count(text, options);
            Assert.Equal(Ids(one), Ids(again));
            Assert.Equal($"lot:{seed}", one.Options.TieBreaking.ToString());
            firsts.Add(one.Selected[0].Id);
        }

        Assert.Equal(["10", "9"], firsts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Threshold_and_exclusive_variants()
    {
        var plain = Count(Ties, new RuleOptions { Rule = RuleKind.Greedy });
        var threshold = Count(Ties, new RuleOptions { Rule = RuleKind.Greedy, GreedyVariant = GreedyVariant.Threshold });
        var exclusive = Count(Ties, new RuleOptions { Rule = RuleKind.Greedy, GreedyVariant = GreedyVariant.Exclusive });

        Assert.Equal(["2", "9", "10"], Ids(plain));
        Assert.Equal(["9", "10"], Ids(threshold));
        Assert.Equal(RoundAction.SkippedBelowThreshold, threshold.Rounds[^1].Action);
        Assert.Equal(["2", "10"], Ids(exclusive));
        Assert.Contains(exclusive.Rounds, r => r.Action == RoundAction.SkippedExclusive && r.Project.Id == "9");
    }

    [Fact]
    public void Ordinal_ballots_score_by_position()
    {
        const string text = """
            META
            key;value
            num_projects;3
            num_votes;3
            budget;100
            vote_type;ordinal
            max_length;3
            PROJECTS
            project_id;cost
            x;60
            y;60
            z;40
            VOTES
            voter_id;vote
            1;x,z
            2;y,x,z
            3;y
            """;

        // Scores: x = 3 + 2 = 5, y = 3 + 3 = 6, z = 2 + 1 = 3.
        var result = Count(text, new RuleOptions { Rule = RuleKind.Greedy });

        Assert.Equal(["y", "x", "z"], result.Rounds.Select(r => r.Project.Id));
        Assert.Equal([6.0, 5.0, 3.0], result.Rounds.Select(r => r.Score));
        Assert.Equal(["y", "z"], Ids(result));
    }

    [Fact]
    public void Cumulative_points_are_the_utilities_of_equal_shares_and_utilitarian_greedy()
    {
        const string text = """
            META
            key;value
            num_projects;2
            num_votes;2
            budget;100
            vote_type;cumulative
            PROJECTS
            project_id;cost
            p;60
            q;50
            VOTES
            voter_id;vote;points
            1;p,q;1,9
            2;p;10
            """;

        // Points per cost: p 11/60, q 9/50 = 10.8/60, so p first; then q (50 > 40) does not fit.
        var density = Count(text, new RuleOptions { Rule = RuleKind.GreedyDensity });
        var shares = Count(text, new RuleOptions()).WithExactTrace();

        Assert.Equal(["p"], Ids(density));
        Assert.Equal(UtilityKind.Points, shares.Options.Utility);
        // p: voter 2 (10 points) cannot pay 10 × 60/11 > 50, so pays 50 and voter 1 pays the last 10: ρ = 10.
        // q: voter 1 (9 points) pays 50 at ρ = 50/9 < 10, and is then spent, so p can no longer be paid for.
        Assert.Equal(Rational.Create(50, 9), shares.Rounds[0].ExactPriceFactor);
        Assert.Equal(["q"], Ids(shares));
    }

    [Fact]
    public void Phragmen_refuses_points_ballots()
    {
        var text = RuleTestsText.Cumulative;

        Assert.Throws<ArgumentException>(() => Count(text, new RuleOptions { Rule = RuleKind.Phragmen }));
    }

    [Fact]
    public void Presets_and_tie_breaking_parse_by_name()
    {
        Assert.Equal(Add1Stop.BeforeExceedingBudget, RuleOptions.Preset("pabulib-official").Add1.Stop);
        Assert.Equal(Add1Stop.ExhaustiveOverSupported, RuleOptions.Preset("pabutools").Add1.Stop);
        Assert.Throws<ArgumentException>(() => RuleOptions.Preset("other"));
        Assert.Throws<FormatException>(() => TieBreaking.Parse("lot:x"));
        Assert.Equal(new TieBreaking(TieBreakingKind.Lot, 12), TieBreaking.Parse("lot:12"));
    }
}

internal static class RuleTestsText
{
    public const string Cumulative = """
        META
        key;value
        num_projects;1
        num_votes;1
        budget;100
        vote_type;cumulative
        PROJECTS
        project_id;cost
        p;60
        VOTES
        voter_id;vote;points
        1;p;3
        """;
}
