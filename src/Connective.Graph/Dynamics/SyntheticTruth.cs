using Connective.Graph.Generators;

namespace Connective.Graph.Dynamics;

/// <summary>The mechanism that produces a synthetic trait, for checking what the contagion tests can tell apart.</summary>
public enum TraitMechanism
{
    /// <summary>Pure homophily: the trait depends only on the person's group, and ties form mostly within groups; no one influences anyone.</summary>
    Homophily,

    /// <summary>Pure shared environment: between the two time points each group meets its own shock that changes everyone's chance of taking the trait up.</summary>
    SharedEnvironment,

    /// <summary>Pure contagion: the trait is random at t1; the chance of taking it up by t2 grows with the share of contacts who had it.</summary>
    Contagion,
}

/// <summary>Synthetic truth for the contagion tests: one network and traits made by a known mechanism on it.</summary>
public static class SyntheticTruth
{
    /// <summary>
    /// A network of <paramref name="people"/> in <paramref name="groups"/> equal groups (wards, age bands, …) where a share
    /// <paramref name="withinShare"/> of each person's expected <paramref name="meanDegree"/> ties fall within their group
    /// (a stochastic block model), with each person's group.
    /// </summary>
    public static (CsrGraph Graph, int[] Groups) Network(int people, int groups, double meanDegree, double withinShare, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(people, 2 * groups);
        var sizes = new int[groups];
        for (var g = 0; g < groups; g++)
        {
            sizes[g] = (people / groups) + (g < people % groups ? 1 : 0);
        }
        var size = people / (double)groups;
        var within = Math.Min(1, withinShare * meanDegree / (size - 1));
        var between = Math.Min(1, (1 - withinShare) * meanDegree / (people - size));
        var probabilities = new double[groups][];
        for (var a = 0; a < groups; a++)
        {
            probabilities[a] = new double[groups];
            for (var b = 0; b < groups; b++)
            {
                probabilities[a][b] = a == b ? within : between;
            }
        }
        var graph = StochasticBlockModel.Generate(sizes, probabilities, seed);
        var membership = new int[people];
        var v = 0;
        for (var g = 0; g < groups; g++)
        {
            for (var i = 0; i < sizes[g]; i++)
            {
                membership[v++] = g;
            }
        }
        return (graph, membership);
    }

    /// <summary>
    /// A trait at two time points made by <paramref name="mechanism"/> alone. Persistence is 70% between the time points in
    /// every mechanism; <paramref name="strength"/> is the contagion effect (added chance of onset when every contact had the
    /// trait), the spread of group prevalences under homophily, or the size of the groups' shocks under shared environment.
    /// </summary>
    public static (bool[] Before, bool[] After) Traits(CsrGraph graph, int[] groups, TraitMechanism mechanism, ulong seed, double strength = 0.3)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(groups);
        var n = graph.NodeCount;
        if (groups.Length != n)
        {
            throw new ArgumentException("Groups must have one value per node.", nameof(groups));
        }
        var random = new SeededRandom(seed);
        var groupCount = groups.Length == 0 ? 0 : groups.Max() + 1;
        var before = new bool[n];
        var after = new bool[n];
        const double persistence = 0.7;
        switch (mechanism)
        {
            case TraitMechanism.Homophily:
            {
                // Group prevalences spread evenly around 25%; at t2 a person keeps the trait or redraws it from the group's prevalence.
                var prevalence = Enumerable.Range(0, groupCount).Select(g => Math.Clamp(0.25 + (strength * ((g / (double)Math.Max(1, groupCount - 1)) - 0.5)), 0.01, 0.99)).ToArray();
                for (var v = 0; v < n; v++)
                {
                    before[v] = random.NextBool(prevalence[groups[v]]);
                    after[v] = random.NextBool(persistence) ? before[v] : random.NextBool(prevalence[groups[v]]);
                }
                break;
            }
            case TraitMechanism.SharedEnvironment:
            {
                var shock = Enumerable.Range(0, groupCount).Select(_ => strength * (random.NextDouble() - 0.3)).ToArray();
                for (var v = 0; v < n; v++)
                {
                    before[v] = random.NextBool(0.25);
                    var onset = Math.Clamp(0.08 + shock[groups[v]], 0, 1);
                    after[v] = before[v] ? random.NextBool(persistence) : random.NextBool(onset);
                }
                break;
            }
            case TraitMechanism.Contagion:
            {
                for (var v = 0; v < n; v++)
                {
                    before[v] = random.NextBool(0.25);
                }
                for (var v = 0; v < n; v++)
                {
                    var contacts = graph.Neighbors(v);
                    var exposed = 0;
                    foreach (var u in contacts)
                    {
                        exposed += before[u] ? 1 : 0;
                    }
                    var share = contacts.Length == 0 ? 0 : exposed / (double)contacts.Length;
                    after[v] = before[v] ? random.NextBool(persistence) : random.NextBool(0.08 + (strength * share));
                }
                break;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(mechanism));
        }
        return (before, after);
    }
}
