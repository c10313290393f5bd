using Connective.Web.Data;
using Connective.Web.Features.Community;
using Connective.Web.Platform.ConsentPath;

namespace Connective.Web.Tests.Community;

public sealed class NetworkSnapshotTests
{
    // Residents 1–5 (index 0 is no one). Ward 10: 1, 2, 3; ward 20: 4, 5. Resident 5 has not consented.
    // Ties: a triangle 1-2-3 (1-2 declared twice, as friends and neighbours), 3-4, and 4-5 (dropped: 5 did not consent).
    // Expected values follow NetworkX's definitions on the graph 1-2, 2-3, 1-3, 3-4: local clustering 1, 1, 1/3, 0.
    [Fact]
    public void Ward_statistics_count_consenting_people_distinct_ties_and_clustering()
    {
        int[] residentWard = [0, 10, 10, 10, 20, 20];
        bool[] consenting = [false, true, true, true, true, false];
        List<(int A, int B)> ties = [(1, 2), (2, 3), (1, 3), (3, 4), (4, 5), (1, 2)];

        var snapshot = NetworkSnapshot.Build(residentWard, ConsentedGraph.Build(ConsentPurpose.NetworkInsight, version: 1, consenting, ties));

        var ward10 = snapshot.ForWard(10);
        Assert.Equal(3, ward10.ConsentingResidents);
        Assert.Equal(4, ward10.Ties);
        Assert.Equal(7.0 / 3, ward10.MeanDegree, 12);
        Assert.Equal(0, ward10.ShareWithNoTies);
        Assert.Equal(7.0 / 9, ward10.AverageClustering, 12);

        var ward20 = snapshot.ForWard(20);
        Assert.Equal(1, ward20.ConsentingResidents);
        Assert.Equal(1, ward20.Ties);
        Assert.Equal(1.0, ward20.MeanDegree, 12);
        Assert.Equal(0, ward20.AverageClustering, 12);

        Assert.Equal(4, snapshot.Borough.ConsentingResidents);
        Assert.Equal(4, snapshot.Borough.Ties);
        Assert.Equal(2.0, snapshot.Borough.MeanDegree, 12);
        Assert.Equal(7.0 / 12, snapshot.Borough.AverageClustering, 12);
    }
}
