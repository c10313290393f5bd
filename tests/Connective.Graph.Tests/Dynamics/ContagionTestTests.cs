using Connective.Graph.Dynamics;
using Connective.Graph.Generators;
using Connective.Graph.Tests.Algorithms;
using Connective.Graph.Tests.Reference;
using Xunit.Abstractions;

namespace Connective.Graph.Tests.Dynamics;

public sealed class ContagionTestTests(ITestOutputHelper output)
{
    private static readonly ContagionTestOptions Quick = new() { MaxDistance = 1, Shuffles = 199 };

    /// <summary>The share of seeds whose onset test rejects at 5%, for traits made by <paramref name="mechanism"/>.</summary>
    private static (int Rejections, int Seeds) RejectionRate(TraitMechanism mechanism, int seeds, bool stratify, double strength = 0.3)
    {
        var rejections = 0;
        for (var s = 0; s < seeds; s++)
        {
            var (graph, groups) = SyntheticTruth.Network(400, 8, meanDegree: 6, withinShare: 0.8, seed: (ulong)s);
            var (before, after) = SyntheticTruth.Traits(graph, groups, mechanism, seed: (ulong)(10_000 + s), strength);
            var report = ContagionTest.Run(graph, before, after, Quick with { Strata = stratify ? groups : null, Seed = (ulong)s });
            rejections += report.Onset!.PValue < 0.05 ? 1 : 0;
        }
        return (rejections, seeds);
    }

    [Fact]
    public void Under_pure_homophily_the_stratified_test_keeps_its_false_positive_rate_and_the_unstratified_one_does_not()
    {
        var (stratified, seeds) = RejectionRate(TraitMechanism.Homophily, 100, stratify: true, strength: 0.4);
        var (unstratified, _) = RejectionRate(TraitMechanism.Homophily, 100, stratify: false, strength: 0.4);

        output.WriteLine($"homophily, 100 seeds: stratified {stratified}%, unstratified {unstratified}%");
        // 100 seeds: at a true 5% rate, 10 or more rejections happen with probability about 3%.
        Assert.True(stratified <= 10, $"stratified false-positive rate {stratified}/{seeds}");
        Assert.True(unstratified >= 30, $"without strata, homophily should look like contagion ({unstratified}/{seeds})");
    }

    [Fact]
    public void Under_pure_shared_environment_the_stratified_test_keeps_its_false_positive_rate()
    {
        var (stratified, seeds) = RejectionRate(TraitMechanism.SharedEnvironment, 100, stratify: true, strength: 0.4);
        var (unstratified, _) = RejectionRate(TraitMechanism.SharedEnvironment, 100, stratify: false, strength: 0.4);

        output.WriteLine($"shared environment, 100 seeds: stratified {stratified}%, unstratified {unstratified}%");
        Assert.True(stratified <= 10, $"stratified false-positive rate {stratified}/{seeds}");
        Assert.True(unstratified > stratified);
    }

    [Fact]
    public void Under_pure_contagion_the_stratified_test_has_power()
    {
        var (rejections, seeds) = RejectionRate(TraitMechanism.Contagion, 50, stratify: true, strength: 0.3);

        output.WriteLine($"contagion (strength 0.3), 50 seeds: power {rejections * 2}%");
        Assert.True(rejections >= 25, $"power {rejections}/{seeds}");
    }

    [SlowFact]
    public void False_positive_rate_under_pure_homophily_with_stratification_over_1000_seeds_is_at_most_6_5_percent()
    {
        var (stratified, seeds) = RejectionRate(TraitMechanism.Homophily, 1000, stratify: true, strength: 0.4);
        var (power, powerSeeds) = RejectionRate(TraitMechanism.Contagion, 1000, stratify: true, strength: 0.3);

        output.WriteLine($"1000 seeds, 400 people, 8 groups, 199 shuffles: false-positive rate under homophily {stratified / 10.0:F1}%, power under contagion (strength 0.3) {power / 10.0:F1}%");
        Assert.True(stratified <= 65, $"{stratified}/{seeds}");
        Assert.True(power >= 500, $"{power}/{powerSeeds}");
    }

    [Fact]
    public void Association_by_distance_finds_clustering_near_a_contagious_trait_and_none_for_a_random_one()
    {
        var (graph, groups) = SyntheticTruth.Network(600, 6, meanDegree: 6, withinShare: 0.5, seed: 3);
        var (_, after) = SyntheticTruth.Traits(graph, groups, TraitMechanism.Contagion, seed: 4, strength: 0.6);
        var random = new SeededRandom(5);
        var noise = Enumerable.Range(0, 600).Select(_ => random.NextBool(0.3)).ToArray();

        var options = new ContagionTestOptions { MaxDistance = 3, Shuffles = 199 };
        var contagious = ContagionTest.Run(graph, after, options: options).ByDistance;
        var none = ContagionTest.Run(graph, noise, options: options).ByDistance;

        Assert.Equal([1, 2, 3], contagious.Select(d => d.Distance));
        Assert.True(contagious[0].PValue < 0.05 && contagious[0].RelativeIncrease > 0.1, $"{contagious[0]}");
        Assert.True(none[0].PValue > 0.05, $"{none[0]}");
        Assert.InRange(none[0].RelativeIncrease, -0.15, 0.15);
        Assert.All(contagious, d => Assert.True(d.Pairs > 0));
    }

    [Fact]
    public void Distance_pairs_and_probabilities_match_a_hand_count_on_a_path()
    {
        // Path 0-1-2-3 with the trait on 0 and 1. Distance 1 ordered pairs: (0,1) (1,0) (1,2) (2,1) (2,3) (3,2).
        // Alter has trait: (1,0) (0,1) (2,1): 3 pairs, ego also has it in 2 → 2/3.
        var graph = SharedNetworks.FromEdges(4, false, (0, 1), (1, 2), (2, 3));
        var report = ContagionTest.Run(graph, [true, true, false, false], options: new ContagionTestOptions { MaxDistance = 2, Shuffles = 99 });

        Assert.Equal(6, report.ByDistance[0].Pairs);
        Assert.Equal(2.0 / 3, report.ByDistance[0].Observed, 12);
        // Distance 2: (0,2) (2,0) (1,3) (3,1); alter has trait in (2,0) and (3,1); ego has it in neither → 0.
        Assert.Equal(4, report.ByDistance[1].Pairs);
        Assert.Equal(0, report.ByDistance[1].Observed);
    }

    [Fact]
    public void The_report_never_claims_causation_and_lists_the_alternatives()
    {
        var (graph, groups) = SyntheticTruth.Network(400, 8, meanDegree: 6, withinShare: 0.8, seed: 1);
        var (before, after) = SyntheticTruth.Traits(graph, groups, TraitMechanism.Contagion, seed: 2, strength: 0.5);
        var (placeboBefore, placeboAfter) = SyntheticTruth.Traits(graph, groups, TraitMechanism.Homophily, seed: 3);

        var report = ContagionTest.Run(graph, before, after, Quick with { Strata = groups, MaxDistance = 2 }, placeboBefore, placeboAfter);

        Assert.NotNull(report.Lagged);
        Assert.True(report.Lagged![2].Low > 0, "the contact's earlier trait raises the odds");
        Assert.True(report.EValue > 1);
        Assert.NotNull(report.Placebo);
        Assert.Contains(report.Findings, f => f.Contains("consistent with contagion", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Findings, f => f.Contains(" causes ", StringComparison.Ordinal) && !f.StartsWith("None of these", StringComparison.Ordinal));
        Assert.Equal(ContagionTest.StandingAlternatives, report.Alternatives);
    }

    [Fact]
    public void On_a_directed_network_the_directionality_contrast_is_reported()
    {
        // Contagion along nominations: ego takes the trait from those it named.
        var random = new SeededRandom(8);
        var builder = new GraphBuilder(directed: true);
        builder.DeclareNodes(1500);
        for (var v = 0; v < 1500; v++)
        {
            for (var i = 0; i < 4; i++)
            {
                var u = random.NextInt(1500);
                if (u != v)
                {
                    builder.AddEdge(v, u);
                }
            }
        }
        var graph = builder.Build();
        var before = Enumerable.Range(0, 1500).Select(_ => random.NextBool(0.3)).ToArray();
        var after = new bool[1500];
        for (var v = 0; v < 1500; v++)
        {
            var named = graph.Neighbors(v);
            var share = named.Length == 0 ? 0 : named.ToArray().Count(u => before[u]) / (double)named.Length;
            after[v] = before[v] ? random.NextBool(0.7) : random.NextBool(0.05 + (0.6 * share));
        }

        var report = ContagionTest.Run(graph, before, after, Quick);

        Assert.NotNull(report.Directionality);
        Assert.True(report.Directionality!.Low > 0, $"{report.Directionality}");
    }

    [Fact]
    public void Bad_input_gets_a_clear_message()
    {
        var graph = SharedNetworks.FromEdges(3, false, (0, 1));

        Assert.Contains("2 values", Assert.Throws<ArgumentException>(() => ContagionTest.Run(graph, [true, false])).Message);
        Assert.Contains("MaxDistance", Assert.Throws<ArgumentException>(() => ContagionTest.Run(graph, [true, false, true], options: new ContagionTestOptions { MaxDistance = 5 })).Message);
    }
}

/// <summary>Permutation results do not depend on the number of workers.</summary>
[Collection(WorkerCountSetting.Name)]
public sealed class ContagionWorkerCountTests
{
    [Fact]
    public void Permutation_nulls_are_the_same_on_one_two_and_five_workers()
    {
        var (graph, groups) = SyntheticTruth.Network(500, 5, meanDegree: 6, withinShare: 0.7, seed: 2);
        var (before, after) = SyntheticTruth.Traits(graph, groups, TraitMechanism.Contagion, seed: 3);
        var reports = new List<ContagionReport>();
        foreach (var workers in new[] { 1, 2, 5 })
        {
            using (new WorkerLimit(workers))
            {
                reports.Add(ContagionTest.Run(graph, before, after, new ContagionTestOptions { MaxDistance = 3, Shuffles = 100, Strata = groups }));
            }
        }

        Assert.All(reports, r => Assert.Equal(reports[0].ByDistance, r.ByDistance));
        Assert.All(reports, r => Assert.Equal(reports[0].Onset, r.Onset));
    }
}
