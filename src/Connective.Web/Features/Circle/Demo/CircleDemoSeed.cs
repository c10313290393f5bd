using Connective.Web.Demo;

namespace Connective.Web.Features.Circle.Demo;

/// <summary>Circle's part of the demo borough: helpers, requests and the journey, then meetups, credits and thanks.</summary>
internal sealed class CircleDemoSeed(TimeProvider time) : IDemoSeedParticipant
{
    /// <summary>After the accounts area: the journey's helper signs in beside the demo accounts.</summary>
    public int Order => 200;

    public async Task<int> WriteAsync(DemoSeedContext demo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var rows = await CircleDemo.WriteAsync(demo.Db, demo.Borough, demo.People, demo.Borough.Consents(demo.People), demo.Now, cancellationToken);
        rows += await CircleCommunityDemo.WriteAsync(demo.Db, time, demo.Circles, demo.Members, demo.People[0].Id, demo.Seed, demo.Now, cancellationToken);
        return rows;
    }
}
