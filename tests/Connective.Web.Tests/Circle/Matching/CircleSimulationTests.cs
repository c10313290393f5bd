using Connective.Web.Features.Circle.Matching.Simulation;

namespace Connective.Web.Tests.Circle.Matching;

/// <summary>The month simulation on a 5,000-resident borough: the invariants that must hold on any seed.</summary>
public sealed class CircleSimulationTests
{
    private const ulong Seed = 20_260_101;
    internal static readonly Lazy<CircleSimulationWorld> World = new(() => CircleSimulationCommand.BuildWorld(5_000, Seed, new CircleSimulationSettings()));

    [Fact]
    public void Three_percent_of_adults_are_helpers_and_a_third_of_them_are_vetted()
    {
        var world = World.Value;
        var adults = world.Community.Ages.Count(age => age >= 18);

        Assert.Equal((int)Math.Round(adults * 0.03), world.HelperCount);
        Assert.Equal((int)Math.Round(world.HelperCount / 3.0), world.HelperVetted.Count(vetted => vetted));
        Assert.All(world.HelperPerson, person => Assert.True(world.Community.Ages[person] >= 18));
    }

    [Fact]
    public void Requests_have_deadlines_of_two_to_seven_days_and_the_oldest_ask_more_often()
    {
        var world = World.Value;
        var old = world.Community.Ages.Count(age => age >= 75);
        var others = world.Community.PersonCount - old;

        Assert.NotEmpty(world.Requests);
        Assert.All(world.Requests, request => Assert.InRange(request.DeadlineHours - request.ArrivalHours, 48, 168));
        Assert.All(world.Requests, request => Assert.InRange(request.ArrivalHours, 0, 30 * 24));
        var oldRate = (double)world.Requests.Count(request => request.RequesterAged75Plus) / old;
        var otherRate = (double)world.Requests.Count(request => !request.RequesterAged75Plus) / others;
        Assert.True(oldRate > 3 * otherRate, $"75+ ask at {oldRate:P2} a month, others at {otherRate:P2}");
    }

    [Theory]
    [InlineData(OfferPolicy.Waves)]
    [InlineData(OfferPolicy.NearestThree)]
    public void No_helper_ever_holds_more_than_their_cap(OfferPolicy policy)
    {
        var outcome = CircleMonthSimulation.Run(World.Value, policy);

        Assert.InRange(outcome.MaxActiveTasksSeen, 1, 3);
        Assert.Equal(0, outcome.CapBreaches);
    }

    [Theory]
    [InlineData(OfferPolicy.Waves)]
    [InlineData(OfferPolicy.NearestThree)]
    public void Every_request_from_someone_with_no_ties_is_taken_by_a_vetted_helper_or_a_coordinator(OfferPolicy policy)
    {
        var outcome = CircleMonthSimulation.Run(World.Value, policy);

        Assert.True(outcome.NoTiesRequests > 0);
        Assert.Equal(0, outcome.NoTiesAcceptedByUnvettedHelper);
        Assert.Equal(outcome.NoTiesRequests, outcome.NoTiesAcceptedByVettedHelper + outcome.NoTiesHandledByCoordinator);
        Assert.Equal(outcome.Requests, outcome.AcceptedBeforeDeadline + outcome.HandledByCoordinator);
    }

    [Fact]
    public void The_baseline_sends_at_most_three_offers_a_request_and_waves_accept_more_requests()
    {
        var waves = CircleMonthSimulation.Run(World.Value, OfferPolicy.Waves);
        var baseline = CircleMonthSimulation.Run(World.Value, OfferPolicy.NearestThree);

        Assert.True(baseline.OffersSent <= 3L * baseline.Requests);
        Assert.True(waves.AcceptedBeforeDeadline > baseline.AcceptedBeforeDeadline,
            $"waves {waves.AcceptedShare:P1}, baseline {baseline.AcceptedShare:P1}");
    }

    [Fact]
    public void The_same_seed_gives_the_same_month_and_another_seed_a_different_one()
    {
        var first = CircleMonthSimulation.Run(World.Value, OfferPolicy.Waves);
        var again = CircleMonthSimulation.Run(CircleSimulationCommand.BuildWorld(5_000, Seed, new CircleSimulationSettings()), OfferPolicy.Waves);
        var other = CircleMonthSimulation.Run(CircleSimulationCommand.BuildWorld(5_000, Seed + 1, new CircleSimulationSettings()), OfferPolicy.Waves);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }
}
