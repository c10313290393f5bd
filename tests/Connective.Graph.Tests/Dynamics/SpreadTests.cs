using Connective.Graph.Dynamics;
using Connective.Graph.Generators;
using Connective.Graph.Tests.Algorithms;

namespace Connective.Graph.Tests.Dynamics;

public sealed class SpreadTests
{
    // On one fixed graph the mean final size differs from the large-population theory by that graph's own offset, of order
    // √N (a quenched fluctuation a single graph's runs cannot average away), so these tests draw a fresh graph for every few
    // runs and compare the mean of (simulated − predicted for that graph) with 0, using the interval of that mean.
    private const int Graphs = 80;
    private const int RunsPerGraph = 3;
    private const int Nodes = 10_000;

    [Fact]
    public void Continuous_SIR_final_size_on_Erdos_Renyi_graphs_matches_bond_percolation_within_the_confidence_interval()
    {
        // β = γ = 1: T = β / (β + γ) = 1/2 and R0 = T·mean excess degree ≈ 2.
        AssertMatchesPercolation(
            g => ErdosRenyi.Gnp(Nodes, 4.0 / (Nodes - 1), seed: (ulong)g),
            new SpreadOptions { Model = SpreadModel.SirContinuous, Transmission = 1, Recovery = 1, Runs = RunsPerGraph },
            transmissibility: 0.5);
    }

    [Fact]
    public void Continuous_SIR_final_size_on_configuration_model_graphs_matches_bond_percolation_within_the_confidence_interval()
    {
        // Degrees 2, 5 and 10 in proportions 5:3:2; β = 0.5, γ = 1 gives T = 1/3 and R0 ≈ 1.85.
        AssertMatchesPercolation(
            g => DynamicsGraphs.ConfigurationModel(Nodes, v => (v % 10) switch { < 5 => 2, < 8 => 5, _ => 10 }, seed: (ulong)g),
            new SpreadOptions { Model = SpreadModel.SirContinuous, Transmission = 0.5, Recovery = 1, Runs = RunsPerGraph },
            transmissibility: 1.0 / 3);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.1)]
    public void Discrete_SIR_matches_its_percolation_prediction_and_approaches_the_continuous_one_as_the_step_shrinks(double step)
    {
        var tau = 1 - Math.Exp(-step);
        var g = 1 - Math.Exp(-step);
        var discreteT = DynamicsGraphs.DiscreteTransmissibility(tau, g);

        AssertMatchesPercolation(
            seed => ErdosRenyi.Gnp(Nodes, 4.0 / (Nodes - 1), seed: (ulong)seed),
            new SpreadOptions { Model = SpreadModel.SirDiscrete, Transmission = tau, Recovery = g, Runs = RunsPerGraph, MaxSteps = 1_000_000 },
            discreteT);
        // The discrete transmissibility tends to the continuous β / (β + γ) = 1/2 as the step shrinks.
        Assert.True(Math.Abs(discreteT - 0.5) < (step / 2) + 1e-9, $"T = {discreteT} at step {step}");
    }

    private static void AssertMatchesPercolation(Func<int, CsrGraph> graphs, SpreadOptions options, double transmissibility)
    {
        var differences = new List<double>();
        var predictions = new List<double>();
        var majorRuns = 0;
        for (var g = 0; g < Graphs; g++)
        {
            var graph = graphs(g);
            var predicted = DynamicsGraphs.PercolationFinalSize(graph, transmissibility) * graph.NodeCount;
            var (size, _, _, _) = Spread.Simulate(graph, options with { Seed = (ulong)(1000 + g) }).MajorOutbreaks(0.05);
            if (size.Count > 0)
            {
                differences.Add(size.Mean - predicted);
                predictions.Add(predicted);
                majorRuns += size.Count;
            }
        }
        var gap = Estimate.Of([.. differences]);

        Assert.True(majorRuns >= 100, $"only {majorRuns} major outbreaks");
        Assert.True(gap.Low <= 0 && gap.High >= 0,
            $"simulated − predicted = {gap.Mean:F1} [{gap.Low:F1}, {gap.High:F1}] nodes (prediction ≈ {predictions.Average():F0}) over {differences.Count} graphs");
    }

    [Fact]
    public void Independent_cascade_with_certain_edges_reaches_the_whole_component_and_nothing_else()
    {
        var graph = SharedNetworks.FromEdges(6, false, (0, 1), (1, 2), (2, 3), (4, 5));
        var result = Spread.Simulate(graph, new SpreadOptions
        {
            Model = SpreadModel.IndependentCascade, Transmission = 1, InitialNodes = [0], Runs = 5, TimePoints = 5, MaxSteps = 4,
        });

        Assert.All(result.FinalSizes, s => Assert.Equal(4, s));
        Assert.Equal([1, 2, 3, 4, 4], result.Cumulative.Select(e => (int)e.Mean));
    }

    [Fact]
    public void Complex_contagion_needs_two_adopted_neighbours_and_fractional_thresholds_use_the_degree()
    {
        // 0 and 1 adopted; 2 touches both, 3 touches only 2, 4 touches 2 and 3.
        var graph = SharedNetworks.FromEdges(5, false, (0, 2), (1, 2), (2, 3), (2, 4), (3, 4));
        var absolute = Spread.Simulate(graph, new SpreadOptions { Model = SpreadModel.ComplexContagion, Threshold = 2, InitialNodes = [0, 1], Runs = 3 });
        var fractional = Spread.Simulate(graph, new SpreadOptions
        {
            Model = SpreadModel.ComplexContagion, Threshold = 0.5, FractionalThreshold = true, InitialNodes = [0, 1], Runs = 3,
        });

        // Threshold 2: 2 adopts (0 and 1), then 4 has only 2 → stops at 3 nodes. Fraction 1/2: 2 (2 of 4), then 3 (1 of 2), then 4.
        Assert.All(absolute.FinalSizes, s => Assert.Equal(3, s));
        Assert.All(fractional.FinalSizes, s => Assert.Equal(5, s));
    }

    [Fact]
    public void Immune_nodes_are_never_infected_and_block_the_spread_and_adopted_nodes_always_count()
    {
        // A path 0-1-2-3-4 with 2 immunised: from 0 nothing beyond 1 can be reached; 4 is already adopted.
        var graph = SharedNetworks.FromEdges(5, false, (0, 1), (1, 2), (2, 3), (3, 4));
        var fixedStates = new FixedNodeState[5];
        fixedStates[2] = FixedNodeState.Immune;
        fixedStates[4] = FixedNodeState.Adopted;
        foreach (var model in new[] { SpreadModel.SirContinuous, SpreadModel.SirDiscrete, SpreadModel.IndependentCascade })
        {
            var result = Spread.Simulate(graph, new SpreadOptions
            {
                Model = model, Transmission = 1, Recovery = 0, InitialNodes = [0], FixedStates = fixedStates, Runs = 20, MaxSteps = 50,
            });

            // 0, 1 (through the edge), 4 (adopted) and 3 (from 4, which never recovers): never 2.
            Assert.All(result.FinalSizes, s => Assert.Equal(4, s));
        }
    }

    [Fact]
    public void Linear_threshold_with_fixed_thresholds_is_deterministic()
    {
        // Node 2 has in-neighbours 0 and 1, weight 1/2 each: threshold 0.6 needs both, 0.4 needs one; node 1 (threshold above 1) never adopts.
        var graph = SharedNetworks.FromEdges(3, false, (0, 2), (1, 2));
        Assert.Equal(1, Spread.Simulate(graph, new SpreadOptions { Model = SpreadModel.LinearThreshold, NodeThresholds = [1, 1.5, 0.6], InitialNodes = [0], Runs = 2 }).FinalSizes[0]);
        Assert.Equal(2, Spread.Simulate(graph, new SpreadOptions { Model = SpreadModel.LinearThreshold, NodeThresholds = [1, 1.5, 0.4], InitialNodes = [0], Runs = 2 }).FinalSizes[0]);
    }

    [Fact]
    public void SIS_above_threshold_reaches_an_endemic_level_and_below_it_dies_out()
    {
        var graph = ErdosRenyi.Gnp(2_000, 10.0 / 1_999, seed: 2);
        var endemic = Spread.Simulate(graph, new SpreadOptions { Model = SpreadModel.SisContinuous, Transmission = 0.3, Recovery = 1, InitialCount = 50, Runs = 20, MaxTime = 30 });
        var dying = Spread.Simulate(graph, new SpreadOptions { Model = SpreadModel.SisContinuous, Transmission = 0.02, Recovery = 1, InitialCount = 50, Runs = 20, MaxTime = 30 });
        var discrete = Spread.Simulate(graph, new SpreadOptions { Model = SpreadModel.SisDiscrete, Transmission = 0.03, Recovery = 0.1, InitialCount = 50, Runs = 20, MaxSteps = 300 });

        // Mean-field prevalence for β·k/γ = 3 is 1 − 1/3 ≈ 0.67; heterogeneity moves it a little.
        Assert.InRange(endemic.FinalSize.Mean / 2_000, 0.55, 0.75);
        Assert.Equal(0, dying.FinalSize.Mean);
        Assert.InRange(discrete.FinalSize.Mean / 2_000, 0.5, 0.8);
        Assert.True(endemic.EverActive.Min() > 1_500);
    }

    [Fact]
    public void Same_seed_gives_the_same_result_and_a_different_seed_a_different_one()
    {
        var graph = ErdosRenyi.Gnp(1_000, 0.005, seed: 1);
        var options = new SpreadOptions { Model = SpreadModel.SirContinuous, Transmission = 1, Recovery = 1, Runs = 30, Seed = 9 };

        Assert.Equal(Spread.Simulate(graph, options).FinalSizes, Spread.Simulate(graph, options).FinalSizes);
        Assert.NotEqual(Spread.Simulate(graph, options).FinalSizes, Spread.Simulate(graph, options with { Seed = 10 }).FinalSizes);
    }

    [Fact]
    public void Bad_options_get_a_clear_message()
    {
        var graph = SharedNetworks.FromEdges(3, false, (0, 1));

        Assert.Contains("Transmission", Assert.Throws<ArgumentException>(() => Spread.Simulate(graph, new SpreadOptions { Model = SpreadModel.SirDiscrete, Transmission = 2 })).Message);
        Assert.Contains("EdgeTransmission has 1 values", Assert.Throws<ArgumentException>(() => Spread.Simulate(graph, new SpreadOptions { Model = SpreadModel.IndependentCascade, EdgeTransmission = [0.5] })).Message);
        Assert.Contains("Initial node 7", Assert.Throws<ArgumentException>(() => Spread.Simulate(graph, new SpreadOptions { Model = SpreadModel.IndependentCascade, InitialNodes = [7] })).Message);
    }
}

/// <summary>Every model gives the same runs on one, two and five workers.</summary>
[Collection(WorkerCountSetting.Name)]
public sealed class SpreadWorkerCountTests
{
    public static TheoryData<SpreadModel> Models() =>
    [
        SpreadModel.SirContinuous, SpreadModel.SirDiscrete, SpreadModel.SisContinuous, SpreadModel.SisDiscrete,
        SpreadModel.IndependentCascade, SpreadModel.LinearThreshold, SpreadModel.ComplexContagion,
    ];

    [Theory]
    [MemberData(nameof(Models))]
    public void Results_do_not_depend_on_the_number_of_workers(SpreadModel model)
    {
        var graph = ErdosRenyi.Gnp(3_000, 6.0 / 2_999, seed: 4);
        var options = new SpreadOptions
        {
            Model = model, Transmission = model is SpreadModel.SirContinuous or SpreadModel.SisContinuous ? 0.5 : 0.2,
            Recovery = model is SpreadModel.SirContinuous or SpreadModel.SisContinuous ? 1 : 0.3,
            Threshold = 0.3, FractionalThreshold = true, InitialCount = 20, Runs = 40, MaxTime = 10, MaxSteps = 50, Seed = 77,
        };
        SpreadResult[] results = new SpreadResult[3];
        var workers = new[] { 1, 2, 5 };
        for (var i = 0; i < 3; i++)
        {
            using (new WorkerLimit(workers[i]))
            {
                results[i] = Spread.Simulate(graph, options);
            }
        }

        Assert.True(results[0].FinalSize.Mean > 20);
        foreach (var other in results.Skip(1))
        {
            Assert.Equal(results[0].FinalSizes, other.FinalSizes);
            Assert.Equal(results[0].Durations, other.Durations);
            Assert.Equal(results[0].Active.Select(a => a.Mean), other.Active.Select(a => a.Mean));
        }
    }
}
