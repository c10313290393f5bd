using Connective.Web.Features.Circle.Matching;

namespace Connective.Web.Tests.Circle.Matching;

public sealed class HelperRankingTests
{
    /// <summary>A helper who fits well in every respect except the network; tests change one field at a time.</summary>
    internal static HelperCandidate Candidate(int id, int? networkDistance = null) => new(
        HelperResidentId: id, NetworkDistance: networkDistance, MeetsChecks: true, SkillMatch: 1, DistanceKm: 1,
        MaxDistanceKm: 5, Available: true, ActiveTasks: 0, MaxTasks: 3, Reliability: 0.9, OffersInLast7Days: 0);

    [Fact]
    public void Helpers_without_the_checks_at_their_cap_or_beyond_their_distance_are_never_ranked()
    {
        HelperCandidate[] candidates =
        [
            Candidate(1),
            Candidate(2) with { MeetsChecks = false },
            Candidate(3) with { ActiveTasks = 3 },
            Candidate(4) with { DistanceKm = 5.5 },
            Candidate(5) with { ActiveTasks = 2, DistanceKm = 5 },
        ];

        var ranked = HelperRanking.Rank(candidates);

        Assert.Equal([1, 5], ranked.Select(helper => helper.Candidate.HelperResidentId));
    }

    [Fact]
    public void Someone_the_requester_knows_comes_before_a_friend_of_a_friend_then_three_steps_then_no_path()
    {
        HelperCandidate[] candidates = [Candidate(1), Candidate(2, 3), Candidate(3, 2), Candidate(4, 1)];

        var ranked = HelperRanking.Rank(candidates);

        Assert.Equal([4, 3, 2, 1], ranked.Select(helper => helper.Candidate.HelperResidentId));
    }

    [Theory]
    [InlineData("SkillMatch")]
    [InlineData("Distance")]
    [InlineData("Available")]
    [InlineData("Load")]
    [InlineData("Reliability")]
    public void Each_factor_moves_a_helper_down_when_it_is_worse(string factor)
    {
        var better = Candidate(2, 2);
        var worse = factor switch
        {
            "SkillMatch" => Candidate(1, 2) with { SkillMatch = 0.2 },
            "Distance" => Candidate(1, 2) with { DistanceKm = 3 },
            "Available" => Candidate(1, 2) with { Available = false },
            "Load" => Candidate(1, 2) with { ActiveTasks = 2 },
            _ => Candidate(1, 2) with { Reliability = 0.5 },
        };

        var ranked = HelperRanking.Rank([worse, better]);

        Assert.Equal([2, 1], ranked.Select(helper => helper.Candidate.HelperResidentId));
        Assert.True(ranked[0].Score > ranked[1].Score);
    }

    [Fact]
    public void A_helper_asked_often_this_week_gives_way_to_an_equal_helper_not_asked()
    {
        var askedOften = Candidate(1, 2) with { OffersInLast7Days = 4 };
        var notAsked = Candidate(2, 2);

        var ranked = HelperRanking.Rank([askedOften, notAsked]);

        Assert.Equal([2, 1], ranked.Select(helper => helper.Candidate.HelperResidentId));
    }

    [Fact]
    public void Being_asked_often_never_puts_someone_the_requester_knows_below_a_stranger_who_is_otherwise_equal()
    {
        var friendAskedConstantly = Candidate(1, 1) with { OffersInLast7Days = 50 };
        var stranger = Candidate(2);

        var ranked = HelperRanking.Rank([stranger, friendAskedConstantly]);

        Assert.Equal([1, 2], ranked.Select(helper => helper.Candidate.HelperResidentId));
    }

    [Fact]
    public void Equal_scores_keep_a_fixed_order_by_resident_id_and_scores_stay_between_0_and_1()
    {
        HelperCandidate[] candidates = [Candidate(30, 2), Candidate(10, 2), Candidate(20, 2), Candidate(5, 1) with { OffersInLast7Days = 0 }];

        var ranked = HelperRanking.Rank(candidates);
        var again = HelperRanking.Rank(candidates.Reverse());

        Assert.Equal([5, 10, 20, 30], ranked.Select(helper => helper.Candidate.HelperResidentId));
        Assert.Equal(ranked.Select(helper => helper.Candidate.HelperResidentId), again.Select(helper => helper.Candidate.HelperResidentId));
        Assert.All(ranked, helper => Assert.InRange(helper.Score, 0, 1));
    }

    [Fact]
    public void Reasons_describe_the_relation_by_its_length_the_distance_in_kilometres_and_the_load()
    {
        var ranked = HelperRanking.Rank([Candidate(7, 2) with { DistanceKm = 2.14, ActiveTasks = 1, OffersInLast7Days = 2 }]);

        var reasons = ranked.Single().Reasons;
        Assert.Contains("a friend of a friend", reasons);
        Assert.Contains("2.1 km away", reasons);
        Assert.Contains("1 other task in hand", reasons);
        Assert.DoesNotContain("not asked this week", reasons);
    }

    [Fact]
    public void A_close_idle_reliable_helper_has_every_reason_in_order()
    {
        var ranked = HelperRanking.Rank([Candidate(9, 1) with { DistanceKm = 0.05, Reliability = 0.95 }]);

        Assert.Equal(
            ["someone you know", "has the checks this task needs", "has the skills asked for", "less than 100 m away",
             "free at the time asked", "no other tasks at the moment", "completes nearly every task taken on", "not asked this week"],
            ranked.Single().Reasons);
    }

    [Fact]
    public void Reasons_for_each_relation_never_say_who_is_in_between()
    {
        var ranked = HelperRanking.Rank([Candidate(11, 1), Candidate(12, 2), Candidate(13, 3), Candidate(14)]);

        var relations = ranked.OrderBy(helper => helper.Candidate.HelperResidentId).Select(helper => helper.Reasons[0]).ToArray();
        Assert.Equal(
            ["someone you know", "a friend of a friend", "known through people you know (three steps)", "not connected to you through people you know"],
            relations);
        // Words only: no resident id, and nothing that reads like a name or "through <someone>".
        Assert.All(ranked.SelectMany(helper => helper.Reasons), reason => Assert.DoesNotMatch(@"\b1[1-4]\b|through [A-Z]", reason));
    }

    [Fact]
    public void A_field_out_of_range_is_refused_with_the_helper_and_the_field_named()
    {
        var exception = Assert.Throws<ArgumentException>(() => HelperRanking.Rank([Candidate(42) with { SkillMatch = double.NaN }]));
        var steps = Assert.Throws<ArgumentException>(() => HelperRanking.Rank([Candidate(43, 4)]));

        Assert.Contains("helper 42", exception.Message, StringComparison.Ordinal);
        Assert.Contains("SkillMatch", exception.Message, StringComparison.Ordinal);
        Assert.Contains("NetworkDistance", steps.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_helper_listed_twice_is_refused()
    {
        var exception = Assert.Throws<ArgumentException>(() => HelperRanking.Rank([Candidate(8), Candidate(8, 1)]));

        Assert.Contains("Helper 8", exception.Message, StringComparison.Ordinal);
    }
}
