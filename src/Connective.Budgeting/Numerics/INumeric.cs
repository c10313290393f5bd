namespace Connective.Budgeting.Numerics;

/// <summary>
/// The arithmetic the rules are written against, so that one implementation runs exactly (<see cref="Rational"/>)
/// or in floating point (<see cref="Float"/>). The JIT specialises each rule per struct type.
/// </summary>
internal interface INumeric<T> where T : struct, INumeric<T>
{
    static abstract T Zero { get; }

    /// <summary>True for exact arithmetic: ties and boundaries are decided exactly and never reported as uncertain.</summary>
    static abstract bool IsExact { get; }

    static abstract T FromLong(long value);

    static abstract T FromDecimal(decimal value);

    static abstract T FromRational(Rational value);

    static abstract T operator +(T a, T b);

    static abstract T operator -(T a, T b);

    static abstract T operator *(T a, T b);

    static abstract T operator /(T a, T b);

    static abstract bool operator <(T a, T b);

    static abstract bool operator >(T a, T b);

    static abstract bool operator <=(T a, T b);

    static abstract bool operator >=(T a, T b);

    static abstract bool operator ==(T a, T b);

    static abstract bool operator !=(T a, T b);

    /// <summary>For floating point: whether a and b are so close that rounding could have swapped their order. Exact types answer a == b.</summary>
    static abstract bool NearlyEqual(T a, T b);

    bool IsZero { get; }

    int Sign { get; }

    double ToDouble();

    /// <summary>The exact value (for floating point, the exact value of the double).</summary>
    Rational ToRational();
}

/// <summary>A double behind the <see cref="INumeric{T}"/> interface, for fast screening runs and the exact-recheck fast path.</summary>
internal readonly record struct Float(double Value) : INumeric<Float>
{
    /// <summary>Relative gap under which two computed values are treated as possibly equal (rounding errors here stay near 1e-13).</summary>
    public const double Margin = 1e-9;

    public static Float Zero => default;

    public static bool IsExact => false;

    public bool IsZero => Value == 0;

    public int Sign => Math.Sign(Value);

    public static Float FromLong(long value) => new(value);

    public static Float FromDecimal(decimal value) => new((double)value);

    public static Float FromRational(Rational value) => new(value.ToDouble());

    public double ToDouble() => Value;

    public Rational ToRational()
    {
        if (Value == Math.Floor(Value) && Math.Abs(Value) < 9e18)
        {
            return Rational.FromLong((long)Value);
        }
        var bits = BitConverter.DoubleToInt64Bits(Value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent != 0)
        {
            mantissa |= 1L << 52;
        }
        else
        {
            exponent = 1;
        }
        exponent -= 1075;
        var n = new System.Numerics.BigInteger(Value < 0 ? -mantissa : mantissa);
        return exponent >= 0 ? Rational.Create(n << exponent, 1) : Rational.Create(n, System.Numerics.BigInteger.One << -exponent);
    }

    public static Float operator +(Float a, Float b) => new(a.Value + b.Value);

    public static Float operator -(Float a, Float b) => new(a.Value - b.Value);

    public static Float operator *(Float a, Float b) => new(a.Value * b.Value);

    public static Float operator /(Float a, Float b) => new(a.Value / b.Value);

    public static bool operator <(Float a, Float b) => a.Value < b.Value;

    public static bool operator >(Float a, Float b) => a.Value > b.Value;

    public static bool operator <=(Float a, Float b) => a.Value <= b.Value;

    public static bool operator >=(Float a, Float b) => a.Value >= b.Value;

    public static bool NearlyEqual(Float a, Float b) =>
        Math.Abs(a.Value - b.Value) <= Margin * Math.Max(Math.Abs(a.Value), Math.Abs(b.Value));
}
