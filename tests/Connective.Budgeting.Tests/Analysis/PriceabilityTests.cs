using Connective.Budgeting.Analysis;
using Connective.Budgeting.Numerics;
using Connective.Budgeting.Pabulib;
using Connective.Budgeting.Rules;
using Connective.TestSupport;

namespace Connective.Budgeting.Tests.Analysis;

public sealed class PriceabilityTests
{
    // Ten voters, budget 10. Voters 1–6 approve A (cost 10); voters 7–10 approve B (cost 4).
    // Greedy by votes funds A (6 votes) and then nothing fits. No endowment b makes that priceable:
    // A needs 6b ≥ 10, so b ≥ 5/3, and then B's four supporters hold 4b ≥ 20/3 > 4 = cost(B) (condition C5).
    internal const string MajorityTakesAll = """
        META
        key;value
        description;majority takes all
        num_projects;2
        num_votes;10
        budget;10
        vote_type;approval
        PROJECTS
        project_id;cost;name
        A;10;big
        B;4;small
        VOTES
        voter_id;vote
        1;A
        2;A
        3;A
        4;A
        5;A
        6;A
        7;B
        8;B
        9;B
        10;B

        """;

    private static Election Read(string text) => PbReader.Read(new StringReader(text), "synthetic.pb");

    private static Rational R(long numerator, long denominator = 1) => Rational.Create(numerator, denominator);

    private static List<Payment> EachSupporterPays(Election election, string projectId, Rational amount)
    {
        var project = election.FindProject(projectId)!;
        return [.. election.Voters.Select((v, i) => (v, i)).Where(x => x.v.ProjectIndices.Contains(project.Index)).Select(x => new Payment(x.i, project.Index, amount))];
    }

    [Fact]
    public void Greedy_outcome_is_funded_by_votes_but_not_priceable_at_the_equal_share()
    {
        var election = Read(MajorityTakesAll);
        var greedy = BudgetingRules.Count(election, new RuleOptions { Rule = RuleKind.Greedy });
        Assert.Equal(["A"], greedy.SelectedIdsSorted);
        var a = election.FindProject("A")!.Index;

        // At b = budget ÷ voters = 1, A's six supporters can raise only 6 of its cost 10.
        var report = Priceability.Check(election, [a], R(1), EachSupporterPays(election, "A", R(1)));

        Assert.False(report.IsPriceable);
        Assert.Contains(report.Violations, v => v.Condition == PriceCondition.SelectedPaidInFull && v.ProjectId == "A");
    }

    [Fact]
    public void Greedy_outcome_is_not_priceable_even_with_the_endowment_that_pays_for_it()
    {
        var election = Read(MajorityTakesAll);
        var a = election.FindProject("A")!.Index;

        var report = Priceability.Check(election, [a], R(5, 3), EachSupporterPays(election, "A", R(5, 3)));

        Assert.False(report.IsPriceable);
        var violation = Assert.Single(report.Violations);
        Assert.Equal(PriceCondition.NoAffordableUnselected, violation.Condition);
        Assert.Equal("B", violation.ProjectId);
    }

    [Fact]
    public void Equal_shares_on_the_same_election_is_priceable()
    {
        var election = Read(MajorityTakesAll);
        var mes = BudgetingRules.Count(election, new RuleOptions { Rule = RuleKind.EqualShares });

        var explanation = Explanations.Explain(election, mes);

        Assert.Equal(["B"], mes.SelectedIdsSorted);
        Assert.NotNull(explanation.Priceability);
        Assert.True(explanation.Priceability.IsPriceable, string.Join("; ", explanation.Priceability.Violations.Select(v => v.Detail)));
    }

    [Fact]
    public void Paying_for_a_project_one_did_not_vote_for_or_beyond_the_endowment_is_reported()
    {
        var election = Read(MajorityTakesAll);
        var b = election.FindProject("B")!.Index;
        var payments = EachSupporterPays(election, "B", R(1));
        payments[0] = payments[0] with { Amount = R(2) };   // voter 7 pays twice the endowment of 1
        payments.Add(new Payment(0, b, R(0)));              // a zero payment by a non-supporter is harmless
        payments[1] = payments[1] with { Amount = R(0) };
        payments.Add(new Payment(1, b, R(1)));              // voter 2 (approves only A) pays for B

        var report = Priceability.Check(election, [b], R(1), payments);

        Assert.False(report.IsPriceable);
        Assert.Contains(report.Violations, v => v.Condition == PriceCondition.WithinEndowment && v.VoterId == "7");
        Assert.Contains(report.Violations, v => v.Condition == PriceCondition.PaysOnlyForSupported && v.VoterId == "2");
        Assert.DoesNotContain(report.Violations, v => v.VoterId == "1");
    }

    [Fact]
    public void Paying_for_an_unselected_project_and_overspending_the_budget_are_reported()
    {
        var election = Read(MajorityTakesAll);
        var a = election.FindProject("A")!.Index;
        var b = election.FindProject("B")!.Index;

        var report = Priceability.Check(election, [a, b], R(10), [.. EachSupporterPays(election, "A", R(10, 6)), .. EachSupporterPays(election, "B", R(1))]);
        var unselected = Priceability.Check(election, [], R(1), EachSupporterPays(election, "B", R(1)));

        Assert.Contains(report.Violations, v => v.Condition == PriceCondition.WithinBudget);
        Assert.Contains(unselected.Violations, v => v.Condition == PriceCondition.UnselectedUnpaid && v.ProjectId == "B");
    }

    [Theory]
    [InlineData("Poland_Warszawa_2026_Rakowiec.pb", "mes")]
    [InlineData("Netherlands_Amsterdam_522.pb", "mes")]
    [InlineData("Poland_Czestochowa_2020_Grabowka.pb", "mes")]
    [InlineData("Poland_Warszawa_2026_Rakowiec.pb", "mes_cardinality")]
    [InlineData("Poland_Gdynia_2025_Redlowo__small.pb", "mes_add1")]
    public void Equal_shares_payments_on_real_elections_form_a_price_system(string file, string field)
    {
        var election = PbReader.Read(RepositoryPaths.SharedFile("pabulib", file));
        var options = field switch
        {
            "mes_cardinality" => new RuleOptions { Rule = RuleKind.EqualShares, Utility = UtilityKind.Cardinality },
            "mes_add1" => RuleOptions.PabutoolsAdd1,
            _ => new RuleOptions { Rule = RuleKind.EqualShares },
        };
        var result = BudgetingRules.Count(election, options);

        var report = Explanations.Explain(election, result).Priceability;

        Assert.NotNull(report);
        Assert.True(report.IsPriceable, string.Join("; ", report.Violations.Select(v => $"{v.Condition} {v.ProjectId} {v.VoterId} {v.Detail}")));
    }

    [Fact]
    public void Utilitarian_top_up_after_add1_is_reported_as_not_paid_by_the_price_system()
    {
        // In Assen 2024, add1 leaves enough unspent for the utilitarian top-up to fund another project.
        var election = PbReader.Read(RepositoryPaths.SharedFile("pabulib", "Netherlands_Assen_2024.pb"));
        var result = BudgetingRules.Count(election, RuleOptions.PabutoolsAdd1 with { Completion = CompletionKind.Add1Utilitarian });
        var toppedUp = result.Rounds.Where(r => r.Action == RoundAction.FundedByCompletion).Select(r => r.Project.Id).ToList();
        Assert.NotEmpty(toppedUp);

        var report = Explanations.Explain(election, result).Priceability!;

        // Every top-up project shows up as not paid in full; nothing else is wrong.
        Assert.Equal(toppedUp.Order(), report.Violations.Where(v => v.Condition == PriceCondition.SelectedPaidInFull).Select(v => v.ProjectId!).Order());
        Assert.False(report.IsPriceable);
        Assert.Equal(toppedUp.Count, report.ViolationCount);
    }
}
