using System.Diagnostics;
using Connective.Graph.Dynamics;
using Connective.Graph.Tests.Algorithms;
using Connective.Graph.Tests.Reference;
using Xunit.Abstractions;

namespace Connective.Graph.Tests.Dynamics;

public sealed class InterventionTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("karate")]
    [InlineData("dolphins")]
    [InlineData("polbooks")]
    [InlineData("football")]
    [InlineData("netscience")]
    public void IMM_spreads_at_least_as_far_as_CELF_within_epsilon_on_the_shared_networks(string name)
    {
        var graph = SharedNetworks.Load(name);
        var options = new SeedingOptions(K: 5, Probability: 0.1, Epsilon: 0.1, Worlds: 500, Seed: 7);

        var imm = Seeding.Choose(graph, SeedingMethod.Imm, options);
        var celf = Seeding.Choose(graph, SeedingMethod.Celf, options);
        var immSpread = Seeding.EvaluateSpread(graph, imm.Seeds, options);
        var celfSpread = Seeding.EvaluateSpread(graph, celf.Seeds, options);
        var random = Seeding.EvaluateSpread(graph, Seeding.Choose(graph, SeedingMethod.Random, options).Seeds, options);

        output.WriteLine($"{name}: IMM {immSpread.Mean:F2} ({imm.Samples} RR sets, own estimate {imm.EstimatedSpread:F2}), CELF {celfSpread.Mean:F2}, random {random.Mean:F2}");
        Assert.True(immSpread.High >= (1 - options.Epsilon) * celfSpread.Low, $"IMM {immSpread.Mean:F2} against CELF {celfSpread.Mean:F2}");
        Assert.True(immSpread.Mean > random.Mean);
        // IMM's own estimate from its RR sets is close to the independent Monte Carlo figure.
        Assert.InRange(imm.EstimatedSpread, immSpread.Mean * 0.9, immSpread.Mean * 1.1);
        Assert.Equal(5, imm.Gains.Length);
        Assert.True(imm.Gains.Zip(imm.Gains.Skip(1)).All(p => p.First >= p.Second), "greedy gains must not increase");
    }

    [Fact]
    public void Baselines_give_k_distinct_nodes_and_high_degree_takes_the_hubs()
    {
        var graph = SharedNetworks.Load("karate");
        foreach (var method in new[] { SeedingMethod.HighDegree, SeedingMethod.Random, SeedingMethod.FriendNomination })
        {
            var seeds = Seeding.Choose(graph, method, new SeedingOptions(K: 6, Seed: 3)).Seeds;
            Assert.Equal(6, seeds.Distinct().Count());
        }

        // Nodes 3 and 31 both have degree 6: the tie goes to the smaller id.
        Assert.Equal([33, 0, 32, 2, 1, 3], Seeding.Choose(graph, SeedingMethod.HighDegree, new SeedingOptions(K: 6)).Seeds);
    }

    [Fact]
    public void Friend_nomination_reaches_better_connected_people_than_random_choice()
    {
        // The friendship paradox: a random friend has a higher expected degree than a random person.
        var graph = SharedNetworks.Load("netscience");
        var options = new SeedingOptions(K: 200, Seed: 5);
        double MeanDegree(SeedingMethod method) => Seeding.Choose(graph, method, options).Seeds.Average(v => graph.Degree(v));

        Assert.True(MeanDegree(SeedingMethod.FriendNomination) > 1.3 * MeanDegree(SeedingMethod.Random));
    }

    [Fact]
    public void Introductions_report_each_gain_and_connect_the_isolated_to_supporters()
    {
        // Supporter 0 with friend 1. Isolated: 2 (alone), 3-4-5 a little chain of isolated people, 6 alone.
        var graph = SharedNetworks.FromEdges(7, false, (0, 1), (3, 4), (4, 5));
        var isolated = new[] { false, false, true, true, true, true, true };
        var supporters = new[] { true, false, false, false, false, false, false };

        var plan = Introductions.Choose(graph, isolated, supporters, k: 2, capacity: 5);

        // Introducing 4 reaches 3, 4 and 5 at once; then 2 (or 6) adds one.
        Assert.Equal(0, plan.ReachedBefore);
        Assert.Equal(4, plan.Introductions[0].Person);
        Assert.Equal(0, plan.Introductions[0].Supporter);
        Assert.Equal([3, 4, 5], plan.Introductions[0].NewlyReached);
        Assert.Equal(1, plan.Introductions[1].Gain);
        Assert.Equal(2, plan.Introductions[1].Person);
        Assert.Equal(4, plan.ReachedAfter);
        Assert.Equal(5, plan.IsolatedCount);
    }

    [Fact]
    public void Introductions_respect_supporter_capacity_and_prefer_the_nearest_supporter()
    {
        // Person 3 is a friend of a friend of supporter 1 (3-2-1) and far from supporter 5.
        var graph = SharedNetworks.FromEdges(7, false, (1, 2), (2, 3), (3, 4), (5, 6));
        var isolated = new[] { false, false, false, false, true, false, false };
        var supporters = new[] { false, true, false, false, false, true, false };
        isolated[0] = true;

        var limited = Introductions.Choose(graph, isolated, supporters, k: 2, capacity: 1);
        var open = Introductions.Choose(graph, isolated, supporters, k: 2, capacity: 5);

        // Every candidate gains one, so 0 goes first (smaller id), to supporter 1 (no supporter is connected to 0: the smaller id).
        Assert.Equal((0, 1), (limited.Introductions[0].Person, limited.Introductions[0].Supporter));
        // Then 3 (a neighbour of isolated 4): supporter 1 is two steps away but full, so 5.
        Assert.Equal((3, 5), (limited.Introductions[1].Person, limited.Introductions[1].Supporter));
        Assert.Equal([4], limited.Introductions[1].NewlyReached);
        Assert.Equal(2, limited.ReachedAfter);
        // Without the limit 3 meets the nearer supporter, 1 (a friend of a friend).
        Assert.Equal((3, 1), (open.Introductions[1].Person, open.Introductions[1].Supporter));
    }

    [Fact]
    public void Greedy_protection_reduces_the_sampled_spread_at_least_as_much_as_protecting_the_hubs()
    {
        var graph = SharedNetworks.Load("netscience");
        var options = new ProtectionOptions(K: 10, Probability: 0.3, InitialCount: 3, Worlds: 100, Candidates: 60, Seed: 2);

        var greedy = Protection.Choose(graph, ProtectionMethod.Greedy, options);
        var hubs = Protection.Choose(graph, ProtectionMethod.HighDegree, options);
        double Evaluate(int[] protectedNodes)
        {
            var states = new FixedNodeState[graph.NodeCount];
            foreach (var v in protectedNodes)
            {
                states[v] = FixedNodeState.Immune;
            }
            return Spread.Simulate(graph, new SpreadOptions
            {
                Model = SpreadModel.IndependentCascade, Transmission = 0.3, InitialCount = 3, FixedStates = states, Runs = 2_000, Seed = 99,
            }).FinalSize.Mean;
        }

        Assert.True(greedy.MeanReachedAfter[^1] < greedy.MeanReachedBefore);
        Assert.True(Evaluate(greedy.Protected) <= Evaluate(hubs.Protected) * 1.02);
        Assert.True(Evaluate(greedy.Protected) < Evaluate([]));
    }

    [SlowFact]
    public void IMM_on_as_22july06_with_k_50_finishes_and_matches_CELF_within_epsilon()
    {
        var graph = SharedNetworks.Load("as-22july06");
        var options = new SeedingOptions(K: 50, Probability: 0.01, Epsilon: 0.1, Worlds: 200, Seed: 1);
        var clock = Stopwatch.StartNew();
        var imm = Seeding.Choose(graph, SeedingMethod.Imm, options);
        var immSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var celf = Seeding.Choose(graph, SeedingMethod.Celf, options);
        var celfSeconds = clock.Elapsed.TotalSeconds;
        var immSpread = Seeding.EvaluateSpread(graph, imm.Seeds, options);
        var celfSpread = Seeding.EvaluateSpread(graph, celf.Seeds, options);

        output.WriteLine($"IMM {immSeconds:F2} s, {imm.Samples} RR sets, spread {immSpread.Mean:F2} [{immSpread.Low:F2}, {immSpread.High:F2}]; CELF {celfSeconds:F2} s, spread {celfSpread.Mean:F2} [{celfSpread.Low:F2}, {celfSpread.High:F2}]");
        Assert.True(immSpread.High >= (1 - options.Epsilon) * celfSpread.Low);
    }
}

/// <summary>IMM's seeds do not depend on the number of workers.</summary>
[Collection(WorkerCountSetting.Name)]
public sealed class SeedingWorkerCountTests
{
    [Fact]
    public void IMM_and_CELF_choose_the_same_seeds_on_one_two_and_five_workers()
    {
        var graph = SharedNetworks.Load("netscience");
        var options = new SeedingOptions(K: 5, Probability: 0.1, Worlds: 100, Seed: 4);
        var results = new List<(int[] Imm, int[] Celf)>();
        foreach (var workers in new[] { 1, 2, 5 })
        {
            using (new WorkerLimit(workers))
            {
                results.Add((Seeding.Choose(graph, SeedingMethod.Imm, options).Seeds, Seeding.Choose(graph, SeedingMethod.Celf, options).Seeds));
            }
        }

        Assert.All(results, r => Assert.Equal(results[0].Imm, r.Imm));
        Assert.All(results, r => Assert.Equal(results[0].Celf, r.Celf));
    }
}
