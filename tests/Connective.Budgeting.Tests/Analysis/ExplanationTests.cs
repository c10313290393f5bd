using System.Text.Json;
using Connective.Budgeting.Analysis;
using Connective.Budgeting.Pabulib;
using Connective.Budgeting.Rules;
using Connective.TestSupport;

namespace Connective.Budgeting.Tests.Analysis;

public sealed class ExplanationTests
{
    public static TheoryData<string> GoldenFiles()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Golden())
        {
            data.Add(entry.GetProperty("file").GetString()!);
        }
        return data;
    }

    // Written by bench/peers/pabutools/golden_effective_support.py from pabutools' calculate_effective_supports.
    private static List<JsonElement> Golden()
    {
        var path = Path.Combine(RepositoryPaths.RepositoryRoot, "tests", "Connective.Budgeting.Tests", "Analysis", "effective-support.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Effective_support_of_unfunded_projects_matches_pabutools(string file)
    {
        var golden = Golden().Single(e => e.GetProperty("file").GetString() == file);
        var election = PbReader.Read(RepositoryPaths.SharedFile("pabulib", file));
        var result = BudgetingRules.Count(election, new RuleOptions { Rule = RuleKind.EqualShares });

        var explanation = Explanations.Explain(election, result);

        Assert.Equal(golden.GetProperty("selected").EnumerateArray().Select(x => x.GetString()), result.SelectedIdsSorted);
        foreach (var project in explanation.Projects)
        {
            var percent = golden.GetProperty("effective_support_percent").GetProperty(project.Id).GetInt32();
            if (project.Outcome == ProjectOutcome.Funded)
            {
                // pabutools reports max(support without the project, 100) for funded projects.
                Assert.True(percent >= 100, $"{file} {project.Id}: pabutools gives {percent}% to a funded project");
                Assert.Equal(1, project.EffectiveSupport);
                continue;
            }
            // pabutools truncates to whole percent.
            var ours = project.EffectiveSupport!.Value * 100;
            Assert.True(ours >= percent - 1e-9 && ours < percent + 1, $"{file} {project.Id}: pabutools {percent}%, Connective {ours:F4}%");
        }
    }

    [Fact]
    public void Greedy_explanation_names_the_round_and_reason_for_every_project()
    {
        var election = PbReader.Read(RepositoryPaths.SharedFile("pabulib", "Poland_Warszawa_2026_Rakowiec.pb"));
        var result = BudgetingRules.Count(election, new RuleOptions { Rule = RuleKind.Greedy, GreedyVariant = GreedyVariant.Threshold });

        var explanation = Explanations.Explain(election, result);

        Assert.Equal(election.Projects.Count, explanation.Projects.Count);
        Assert.Null(explanation.Priceability);
        var funded = explanation.Projects.Where(p => p.Outcome == ProjectOutcome.Funded).Select(p => p.Id);
        Assert.Equal(result.SelectedIdsSorted.Order(), funded.Order());
        foreach (var project in explanation.Projects.Where(p => p.Outcome == ProjectOutcome.TooExpensive))
        {
            var round = result.Rounds.Single(r => r.Project.Id == project.Id);
            Assert.True(round.RemainingBudget < project.Cost, $"{project.Id} was skipped with {round.RemainingBudget} left for cost {project.Cost}");
        }
        Assert.All(explanation.Projects, p => Assert.False(string.IsNullOrWhiteSpace(p.Reason)));
    }

    [Fact]
    public void Voter_satisfaction_counts_funded_projects_on_each_ballot()
    {
        var election = PbReader.Read(new StringReader("""
            META
            key;value
            num_projects;3
            num_votes;4
            budget;30
            vote_type;approval
            PROJECTS
            project_id;cost
            a;10
            b;20
            c;25
            VOTES
            voter_id;vote
            1;a,b
            2;a
            3;c
            4;b,c

            """), "tiny.pb");
        var result = BudgetingRules.Count(election, new RuleOptions { Rule = RuleKind.Greedy });
        Assert.Equal(["a", "b"], result.SelectedIdsSorted);

        var summaries = Explanations.VoterSatisfaction(election, result);

        var cost = summaries.Single(s => s.Utility == "cost");
        var cardinality = summaries.Single(s => s.Utility == "cardinality");
        // Cost satisfaction per voter: 30, 10, 0, 20; cardinality: 2, 1, 0, 1.
        Assert.Equal(0.25, cost.ShareWithNothingFunded);
        Assert.Equal(15, cost.AverageSatisfaction);
        Assert.Equal(SatisfactionSummary.GiniOf([30, 10, 0, 20]), cost.Gini);
        Assert.Equal(1, cardinality.AverageSatisfaction);
        Assert.Equal((1 + 1 + 0 + 0.5) / 4, cardinality.AverageRelativeSatisfaction);
    }

    [Fact]
    public void Markdown_and_json_carry_rounds_projects_voters_and_priceability()
    {
        var election = PbReader.Read(RepositoryPaths.SharedFile("pabulib", "Poland_Warszawa_2026_Rakowiec.pb"));
        var explanation = Explanations.Explain(election, BudgetingRules.Count(election, new RuleOptions { Rule = RuleKind.EqualShares }));

        var markdown = ExplanationRendering.ToMarkdown(explanation);
        using var json = JsonDocument.Parse(ExplanationRendering.ToJson(explanation));

        Assert.Contains("## Rounds", markdown, StringComparison.Ordinal);
        Assert.Contains("## Priceability", markdown, StringComparison.Ordinal);
        var root = json.RootElement;
        Assert.Equal(explanation.Result.Rounds.Count, root.GetProperty("rounds").GetArrayLength());
        var first = root.GetProperty("rounds")[0];
        Assert.True(first.GetProperty("price_factor").GetDouble() > 0);
        var paidTotal = first.GetProperty("payments").EnumerateArray().Sum(g => g.GetProperty("voters").GetInt32() * g.GetProperty("payment").GetDouble());
        Assert.Equal((double)explanation.Result.Rounds[0].Project.Cost, paidTotal, 6);
        Assert.True(root.GetProperty("priceability").GetProperty("priceable").GetBoolean());
        Assert.Equal(election.Projects.Count, root.GetProperty("projects").GetArrayLength());
    }
}
