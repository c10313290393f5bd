using Connective.Web.Features.Circle.Matching;

namespace Connective.Web.Tests.Circle.Matching;

public sealed class OfferWavesTests
{
    private static readonly HashSet<int> Nobody = [];

    /// <summary>Helpers 1..count ranked in id order (closer network first), each asked <paramref name="offersThisWeek"/> times this week.</summary>
    private static IReadOnlyList<RankedHelper> Ranked(int count, int offersThisWeek = 0)
    {
        var candidates = Enumerable.Range(1, count)
            .Select(id => HelperRankingTests.Candidate(id, 1) with { DistanceKm = id * 0.01, OffersInLast7Days = offersThisWeek });
        return HelperRanking.Rank(candidates);
    }

    [Fact]
    public void The_first_wave_is_the_three_best_helpers_when_one_of_them_was_not_asked_this_week()
    {
        var ranked = Ranked(20);

        var wave = OfferWaves.Next(ranked, Nobody, 1, TimeSpan.FromDays(5));

        Assert.Equal([1, 2, 3], wave.HelperResidentIds);
        Assert.True(wave.WaitBeforeNextWave > TimeSpan.Zero);
    }

    [Fact]
    public void When_the_best_were_all_asked_this_week_the_first_wave_keeps_a_place_for_the_best_helper_not_asked()
    {
        var busy = Ranked(10, offersThisWeek: 2);
        var idle = HelperRankingTests.Candidate(99) with { DistanceKm = 4 };
        var ranked = HelperRanking.Rank(busy.Select(helper => helper.Candidate).Append(idle));

        var wave = OfferWaves.Next(ranked, Nobody, 1, TimeSpan.FromDays(5));

        Assert.Equal([1, 2, 99], wave.HelperResidentIds);
    }

    [Fact]
    public void Later_waves_skip_helpers_already_offered_and_widen()
    {
        var ranked = Ranked(50);
        var offered = new HashSet<int>();

        var sizes = new List<int>();
        for (var waveNumber = 1; waveNumber <= 4; waveNumber++)
        {
            var wave = OfferWaves.Next(ranked, offered, waveNumber, TimeSpan.FromDays(6));
            Assert.DoesNotContain(wave.HelperResidentIds, offered.Contains);
            offered.UnionWith(wave.HelperResidentIds);
            sizes.Add(wave.HelperResidentIds.Count);
        }

        Assert.Equal([3, 6, 12, 24], sizes);
        Assert.Equal(Enumerable.Range(1, 45), offered.Order());
    }

    [Fact]
    public void Waves_widen_and_come_sooner_as_the_deadline_nears()
    {
        var ranked = Ranked(100);

        var early = OfferWaves.Next(ranked, Nobody, 1, TimeSpan.FromDays(6));
        var dayAndHalf = OfferWaves.Next(ranked, Nobody, 1, TimeSpan.FromHours(36));
        var late = OfferWaves.Next(ranked, Nobody, 1, TimeSpan.FromHours(10));

        Assert.Equal(3, early.HelperResidentIds.Count);
        Assert.Equal(6, dayAndHalf.HelperResidentIds.Count);
        Assert.Equal(9, late.HelperResidentIds.Count);
        Assert.True(late.WaitBeforeNextWave < early.WaitBeforeNextWave);
        Assert.True(late.WaitBeforeNextWave <= TimeSpan.FromHours(10));
    }

    [Fact]
    public void No_wave_is_wider_than_the_maximum()
    {
        var wave = OfferWaves.Next(Ranked(500), Nobody, 12, TimeSpan.FromHours(3));

        Assert.Equal(OfferWaves.MaxWaveSize, wave.HelperResidentIds.Count);
    }

    [Fact]
    public void The_wave_that_asks_everyone_left_waits_for_their_answers_then_nobody_is_left_for_the_coordinator()
    {
        var ranked = Ranked(4);
        var first = OfferWaves.Next(ranked, Nobody, 1, TimeSpan.FromDays(3));
        var offered = first.HelperResidentIds.ToHashSet();

        var last = OfferWaves.Next(ranked, offered, 2, TimeSpan.FromDays(3));
        offered.UnionWith(last.HelperResidentIds);
        var none = OfferWaves.Next(ranked, offered, 3, TimeSpan.FromDays(2));

        Assert.Equal([4], last.HelperResidentIds);
        Assert.Equal(OfferWaves.AnswerWindow, last.WaitBeforeNextWave);
        Assert.Empty(none.HelperResidentIds);
        Assert.Equal(TimeSpan.Zero, none.WaitBeforeNextWave);
    }

    [Fact]
    public void Nobody_is_offered_a_request_whose_deadline_has_passed_or_that_has_no_eligible_helper()
    {
        var passed = OfferWaves.Next(Ranked(10), Nobody, 1, TimeSpan.Zero);
        var noHelpers = OfferWaves.Next([], Nobody, 1, TimeSpan.FromDays(4));

        Assert.Empty(passed.HelperResidentIds);
        Assert.Empty(noHelpers.HelperResidentIds);
    }

    [Fact]
    public void A_wave_number_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OfferWaves.Next(Ranked(3), Nobody, 0, TimeSpan.FromDays(1)));
    }
}
