using System.Globalization;
using System.Numerics;

namespace Connective.Budgeting.Numerics;

/// <summary>
/// An exact fraction of two <see cref="BigInteger"/>s, always kept in lowest terms with a positive denominator
/// (so equality is structural). Values that fit in a <see cref="long"/> skip the gcd when the denominator is 1.
/// </summary>
internal readonly struct Rational : IEquatable<Rational>, IComparable<Rational>, INumeric<Rational>
{
    private readonly BigInteger _denominatorMinusOne;

    private Rational(BigInteger numerator, BigInteger denominator, bool normalised)
    {
        if (!normalised)
        {
            if (denominator.IsZero)
            {
                throw new DivideByZeroException();
            }
            if (denominator.Sign < 0)
            {
                numerator = -numerator;
                denominator = -denominator;
            }
            if (!denominator.IsOne)
            {
                var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
                if (!gcd.IsOne)
                {
                    numerator /= gcd;
                    denominator /= gcd;
                }
            }
        }
        Numerator = numerator;
        _denominatorMinusOne = denominator - BigInteger.One;
    }

    public BigInteger Numerator { get; }

    // Stored minus one so that default(Rational) is 0/1.
    public BigInteger Denominator => _denominatorMinusOne + BigInteger.One;

    public static Rational Zero => default;

    public static Rational One => new(BigInteger.One, BigInteger.One, true);

    public static bool IsExact => true;

    public int Sign => Numerator.Sign;

    public bool IsZero => Numerator.IsZero;

    public static Rational Create(BigInteger numerator, BigInteger denominator) => new(numerator, denominator, false);

    public static Rational FromLong(long value) => new(value, BigInteger.One, true);

    public static Rational FromDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        if (bits[3] < 0)
        {
            mantissa = -mantissa;
        }
        var scale = (bits[3] >> 16) & 0xFF;
        return new Rational(mantissa, BigInteger.Pow(10, scale), false);
    }

    public static Rational FromRational(Rational value) => value;

    public Rational ToRational() => this;

    public double ToDouble()
    {
        var d = Denominator;
        if (d.IsOne)
        {
            return (double)Numerator;
        }
        // Scale so that both parts convert to double without overflow and the quotient keeps full precision.
        var shift = (long)Numerator.GetBitLength() - (long)d.GetBitLength();
        var n = Numerator;
        if (n.GetBitLength() > 1000 || d.GetBitLength() > 1000)
        {
            var drop = (int)Math.Max(n.GetBitLength(), d.GetBitLength()) - 900;
            n >>= drop;
            d >>= drop;
            if (d.IsZero)
            {
                return shift > 0 ? double.PositiveInfinity : 0;
            }
        }
        return (double)n / (double)d;
    }

    public static Rational operator +(Rational a, Rational b)
    {
        if (a.IsZero)
        {
            return b;
        }
        if (b.IsZero)
        {
            return a;
        }
        var ad = a.Denominator;
        var bd = b.Denominator;
        if (ad.IsOne && bd.IsOne)
        {
            return new(a.Numerator + b.Numerator, BigInteger.One, true);
        }
        if (ad == bd)
        {
            return new(a.Numerator + b.Numerator, ad, false);
        }
        return new(a.Numerator * bd + b.Numerator * ad, ad * bd, false);
    }

    public static Rational operator -(Rational a) => new(-a.Numerator, a.Denominator, true);

    public static Rational operator -(Rational a, Rational b) => a + -b;

    public static Rational operator *(Rational a, Rational b)
    {
        if (a.IsZero || b.IsZero)
        {
            return Zero;
        }
        var ad = a.Denominator;
        var bd = b.Denominator;
        if (ad.IsOne && bd.IsOne)
        {
            return new(a.Numerator * b.Numerator, BigInteger.One, true);
        }
        return new(a.Numerator * b.Numerator, ad * bd, false);
    }

    public static Rational operator /(Rational a, Rational b)
    {
        if (b.IsZero)
        {
            throw new DivideByZeroException();
        }
        return new(a.Numerator * b.Denominator, a.Denominator * b.Numerator, false);
    }

    public int CompareTo(Rational other)
    {
        var ad = Denominator;
        var bd = other.Denominator;
        if (ad == bd)
        {
            return Numerator.CompareTo(other.Numerator);
        }
        if (Numerator.Sign != other.Numerator.Sign)
        {
            return Numerator.Sign.CompareTo(other.Numerator.Sign);
        }
        return (Numerator * bd).CompareTo(other.Numerator * ad);
    }

    public static Rational Min(Rational a, Rational b) => a.CompareTo(b) <= 0 ? a : b;

    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public static bool operator ==(Rational a, Rational b) => a.Equals(b);

    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

    public bool Equals(Rational other) => Numerator == other.Numerator && _denominatorMinusOne == other._denominatorMinusOne;

    public override bool Equals(object? obj) => obj is Rational r && Equals(r);

    public override int GetHashCode() => HashCode.Combine(Numerator, _denominatorMinusOne);

    public static bool NearlyEqual(Rational a, Rational b) => a == b;

    public override string ToString() =>
        Denominator.IsOne ? Numerator.ToString(CultureInfo.InvariantCulture) : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";
}
