using Connective.Budgeting.Rules;

namespace Connective.Budgeting.Tests.Rules;

public sealed class SplitMix64Tests
{
    [Fact]
    public void Matches_the_reference_algorithm()
    {
        // Values from the reference definition (Vigna's splitmix64.c), as transcribed in bench/peers/seeded_random_reference.py.
        var random = new SplitMix64(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, random.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.Next());
        Assert.Equal(0x06C45D188009454FUL, random.Next());
    }

    [Fact]
    public void Draws_below_a_bound()
    {
        var random = new SplitMix64(42);

        var draws = Enumerable.Range(0, 1000).Select(_ => random.NextBelow(7)).ToArray();

        Assert.All(draws, d => Assert.InRange(d, 0UL, 6UL));
        Assert.Equal(7, draws.Distinct().Count());
    }
}
