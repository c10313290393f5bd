using Connective.Graph.Algorithms;
using FsCheck.Xunit;
using static Connective.Graph.Tests.Algorithms.SharedNetworks;

namespace Connective.Graph.Tests.Algorithms;

public sealed class BrokerageTests
{
    [Fact]
    public void Karate_constraint_matches_networkx()
    {
        AssertClose(ReferenceValues.KarateConstraint, Brokerage.Constraint(Load("karate")));
    }

    [Fact]
    public void Karate_effective_size_matches_networkx()
    {
        AssertClose(ReferenceValues.KarateEffectiveSize, Brokerage.EffectiveSize(Load("karate")));
    }

    [Fact]
    public void Florentine_isolate_gets_nan_like_networkx()
    {
        var graph = Load("florentine");

        AssertClose(ReferenceValues.FlorentineConstraint, Brokerage.Constraint(graph));
        AssertClose(ReferenceValues.FlorentineEffectiveSize, Brokerage.EffectiveSize(graph));
    }

    [Fact]
    public void Directed_measures_use_mutual_weights_over_both_directions()
    {
        var graph = Directed();

        AssertClose(ReferenceValues.DirectedConstraint, Brokerage.Constraint(graph));
        AssertClose(ReferenceValues.DirectedEffectiveSize, Brokerage.EffectiveSize(graph));
    }

    [Fact]
    public void Weighted_measures_match_networkx_with_weight()
    {
        var graph = Weighted();

        AssertClose(ReferenceValues.WeightedConstraint, Brokerage.Constraint(graph, useWeights: true));
        AssertClose(ReferenceValues.WeightedEffectiveSize, Brokerage.EffectiveSize(graph, useWeights: true));
    }

    // Effective size counts non-redundant contacts: between 1 and the number of distinct neighbours.
    [Property(MaxTest = 100)]
    public bool Effective_size_is_between_one_and_the_number_of_contacts(int[] endpoints)
    {
        var graph = GraphViews.Simple(RandomGraphs.FromEndpoints(endpoints, directed: false));
        var sizes = Brokerage.EffectiveSize(graph);
        for (var v = 0; v < graph.NodeCount; v++)
        {
            var contacts = graph.Degree(v);
            if (contacts == 0 ? !double.IsNaN(sizes[v]) : sizes[v] < 1 - 1e-12 || sizes[v] > contacts + 1e-12)
            {
                return false;
            }
        }
        return true;
    }
}
