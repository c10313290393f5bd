using Connective.Graph.Generators;

namespace Connective.Graph.Tests.Generators;

public sealed class CommunityGeneratorTests
{
    [Theory]
    [InlineData(5_000)]
    [InlineData(100_000)]
    public void Generated_network_meets_the_demo_borough_bars(int people)
    {
        var graph = CommunityGenerator.Generate(people, seed: 20_260_101);

        var stats = NetworkStatistics.Of(graph);

        Assert.Equal(people, graph.PersonCount);
        Assert.InRange(stats.MeanDegree, 8.0, 12.0);
        Assert.True(stats.FriendClustering >= 0.1, $"average clustering of friendships {stats.FriendClustering:F3} < 0.1");
        Assert.True(stats.Percentile99Degree >= 3 * stats.MedianDegree, $"p99 degree {stats.Percentile99Degree} < 3 × median {stats.MedianDegree}");
        Assert.True(stats.FriendAgeAssortativity >= 0.3, $"age assortativity of friendships {stats.FriendAgeAssortativity:F3} < 0.3");
        Assert.InRange(stats.ShareOfOver75sWithNoTies, 0.05, 0.15);
    }

    [Fact]
    public void Same_seed_gives_the_same_graph_and_another_seed_a_different_one()
    {
        var first = Hash(CommunityGenerator.Generate(5_000, seed: 7));
        var again = Hash(CommunityGenerator.Generate(5_000, seed: 7));
        var other = Hash(CommunityGenerator.Generate(5_000, seed: 8));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Ties_are_ordered_distinct_pairs_and_households_are_complete()
    {
        var graph = CommunityGenerator.Generate(3_000, seed: 3);

        for (var i = 0; i < graph.TieCount; i++)
        {
            Assert.True(graph.TieU[i] < graph.TieV[i], $"tie {i} is not (u < v)");
            if (i > 0)
            {
                var previous = ((long)graph.TieU[i - 1] << 32) | (uint)graph.TieV[i - 1];
                var current = ((long)graph.TieU[i] << 32) | (uint)graph.TieV[i];
                Assert.True(previous < current, $"ties {i - 1} and {i} are not sorted and distinct");
            }
            var sameHousehold = graph.PersonHousehold[graph.TieU[i]] == graph.PersonHousehold[graph.TieV[i]];
            Assert.Equal(sameHousehold, graph.TieKinds[i] == CommunityTieKind.Household);
        }
        var householdTies = graph.TieKinds.Count(kind => kind == CommunityTieKind.Household);
        var expected = 0;
        for (var h = 0; h < graph.HouseholdCount; h++)
        {
            var size = graph.HouseholdStart[h + 1] - graph.HouseholdStart[h];
            expected += size * (size - 1) / 2;
        }
        Assert.Equal(expected, householdTies);
    }

    [Fact]
    public void Every_household_and_ward_is_populated_and_located_near_the_centre()
    {
        var graph = CommunityGenerator.Generate(5_000, seed: 11, centreLatitude: 52.41, centreLongitude: -1.52);

        var wardPeople = new int[graph.WardCount];
        for (var p = 0; p < graph.PersonCount; p++)
        {
            wardPeople[graph.WardOf(p)]++;
        }
        Assert.All(wardPeople, count => Assert.True(count > 0));
        Assert.All(graph.HouseholdLatitudes, latitude => Assert.InRange(latitude, 52.3, 52.52));
        Assert.All(graph.HouseholdLongitudes, longitude => Assert.InRange(longitude, -1.7, -1.34));
        Assert.Equal(graph.PersonCount, graph.HouseholdStart[^1]);
    }

    private static ulong Hash(GeneratedCommunity graph)
    {
        // FNV-1a over every array the generator produces.
        var hash = 14695981039346656037UL;
        void Mix(long value)
        {
            hash = (hash ^ (ulong)value) * 1099511628211UL;
        }
        foreach (var age in graph.Ages) { Mix(age); }
        foreach (var household in graph.PersonHousehold) { Mix(household); }
        foreach (var ward in graph.HouseholdWard) { Mix(ward); }
        foreach (var latitude in graph.HouseholdLatitudes) { Mix(BitConverter.DoubleToInt64Bits(latitude)); }
        foreach (var longitude in graph.HouseholdLongitudes) { Mix(BitConverter.DoubleToInt64Bits(longitude)); }
        for (var i = 0; i < graph.TieCount; i++)
        {
            Mix(graph.TieU[i]);
            Mix(graph.TieV[i]);
            Mix((long)graph.TieKinds[i]);
        }
        return hash;
    }

    /// <summary>The bars' statistics, computed here from the generator's arrays independently of its code.</summary>
    private sealed record NetworkStatistics(
        double MeanDegree, double MedianDegree, double Percentile99Degree, double FriendClustering,
        double FriendAgeAssortativity, double ShareOfOver75sWithNoTies)
    {
        public static NetworkStatistics Of(GeneratedCommunity graph)
        {
            var n = graph.PersonCount;
            var degrees = new int[n];
            for (var i = 0; i < graph.TieCount; i++)
            {
                degrees[graph.TieU[i]]++;
                degrees[graph.TieV[i]]++;
            }
            var sorted = degrees.Order().ToArray();

            var over75 = 0;
            var over75Alone = 0;
            for (var p = 0; p < n; p++)
            {
                if (graph.Ages[p] >= 75)
                {
                    over75++;
                    over75Alone += degrees[p] == 0 ? 1 : 0;
                }
            }

            var friends = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
            var ageX = new List<double>();
            var ageY = new List<double>();
            for (var i = 0; i < graph.TieCount; i++)
            {
                if (graph.TieKinds[i] != CommunityTieKind.Friend)
                {
                    continue;
                }
                var (u, v) = (graph.TieU[i], graph.TieV[i]);
                friends[u].Add(v);
                friends[v].Add(u);
                // Both directions, as NetworkX's numeric assortativity counts an undirected edge.
                ageX.Add(graph.Ages[u]);
                ageY.Add(graph.Ages[v]);
                ageX.Add(graph.Ages[v]);
                ageY.Add(graph.Ages[u]);
            }

            return new NetworkStatistics(
                degrees.Average(),
                Percentile(sorted, 0.5),
                Percentile(sorted, 0.99),
                AverageClustering(friends),
                Pearson(ageX, ageY),
                over75 == 0 ? 0 : (double)over75Alone / over75);
        }

        /// <summary>NetworkX's average_clustering over every person: people with fewer than two friends count as 0.</summary>
        private static double AverageClustering(List<int>[] adjacency)
        {
            var marked = new bool[adjacency.Length];
            var total = 0.0;
            foreach (var neighbours in adjacency)
            {
                var degree = neighbours.Count;
                if (degree < 2)
                {
                    continue;
                }
                foreach (var v in neighbours)
                {
                    marked[v] = true;
                }
                long links = 0;
                foreach (var v in neighbours)
                {
                    foreach (var w in adjacency[v])
                    {
                        links += marked[w] ? 1 : 0;
                    }
                }
                foreach (var v in neighbours)
                {
                    marked[v] = false;
                }
                total += links / (double)(degree * (long)(degree - 1));
            }
            return total / adjacency.Length;
        }

        private static double Percentile(int[] sorted, double q) => sorted[(int)Math.Ceiling(q * sorted.Length) - 1];

        private static double Pearson(List<double> x, List<double> y)
        {
            var meanX = x.Average();
            var meanY = y.Average();
            double covariance = 0, varianceX = 0, varianceY = 0;
            for (var i = 0; i < x.Count; i++)
            {
                covariance += (x[i] - meanX) * (y[i] - meanY);
                varianceX += (x[i] - meanX) * (x[i] - meanX);
                varianceY += (y[i] - meanY) * (y[i] - meanY);
            }
            return covariance / Math.Sqrt(varianceX * varianceY);
        }
    }
}
