using System.Numerics;
using Connective.Budgeting.Numerics;

namespace Connective.Budgeting.Tests.Numerics;

public sealed class RationalTests
{
    [Fact]
    public void Keeps_lowest_terms_with_a_positive_denominator()
    {
        var r = Rational.Create(6, -8);

        Assert.Equal(new BigInteger(-3), r.Numerator);
        Assert.Equal(new BigInteger(4), r.Denominator);
        Assert.Equal(Rational.Create(-3, 4), r);
        Assert.Equal("-3/4", r.ToString());
    }

    [Fact]
    public void Adds_subtracts_multiplies_and_divides_exactly()
    {
        var third = Rational.Create(1, 3);
        var sixth = Rational.Create(1, 6);

        Assert.Equal(Rational.Create(1, 2), third + sixth);
        Assert.Equal(sixth, third - sixth);
        Assert.Equal(Rational.Create(1, 18), third * sixth);
        Assert.Equal(Rational.FromLong(2), third / sixth);
        Assert.True((third + third + third) == Rational.One);
    }

    [Fact]
    public void Converts_decimals_exactly()
    {
        Assert.Equal(Rational.Create(191066383, 100), Rational.FromDecimal(1910663.83m));
        Assert.Equal(Rational.FromLong(60000), Rational.FromDecimal(60000.0m));
        Assert.Equal(Rational.Create(-1, 8), Rational.FromDecimal(-0.125m));
    }

    [Fact]
    public void Compares_by_value()
    {
        var values = new[] { Rational.Create(2, 3), Rational.Create(-1, 2), Rational.Create(3, 5), Rational.Zero };

        var sorted = values.Order().ToArray();

        Assert.Equal([Rational.Create(-1, 2), Rational.Zero, Rational.Create(3, 5), Rational.Create(2, 3)], sorted);
        Assert.True(Rational.Create(1, 10) > Rational.Zero);
        Assert.Equal(Rational.Zero, default);
    }

    [Fact]
    public void Converts_to_double_even_with_huge_parts()
    {
        var big = BigInteger.Pow(10, 400);

        Assert.Equal(0.75, Rational.Create(3, 4).ToDouble());
        Assert.Equal(1.0 / 3.0, Rational.Create(big, 3 * big).ToDouble(), 15);
    }

    [Fact]
    public void A_double_converts_to_its_exact_value()
    {
        Assert.Equal(Rational.Create(1, 8), new Float(0.125).ToRational());
        Assert.Equal(Rational.FromLong(-3), new Float(-3.0).ToRational());
        Assert.Equal(0.1, new Float(0.1).ToRational().ToDouble());
        Assert.NotEqual(Rational.Create(1, 10), new Float(0.1).ToRational());
    }

    [Fact]
    public void Floats_close_within_the_margin_count_as_nearly_equal()
    {
        Assert.True(Float.NearlyEqual(new Float(1.0), new Float(1.0 + 1e-12)));
        Assert.False(Float.NearlyEqual(new Float(1.0), new Float(1.0 + 1e-6)));
    }
}
