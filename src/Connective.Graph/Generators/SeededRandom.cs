namespace Connective.Graph.Generators;

/// <summary>
/// The engine's own random number generator: xoshiro256** (Blackman and Vigna, 2018) seeded through SplitMix64.
/// </summary>
/// <remarks>
/// Every generator and randomised algorithm in Connective.Graph draws from this type instead of
/// <see cref="System.Random"/>, whose algorithm is not specified and has changed between .NET versions.
/// The sequence for a seed is therefore fixed by this file alone: the same seed gives the same graph on
/// every platform and every .NET version. Not thread-safe; parallel code derives one instance per worker
/// with <see cref="Fork"/> so results do not depend on scheduling.
/// </remarks>
public sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a generator whose whole sequence is determined by <paramref name="seed"/>.</summary>
    public SeededRandom(ulong seed)
    {
        // SplitMix64 spreads any seed (including 0) over the 256-bit state, as the xoshiro authors recommend.
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMax"/>), without modulo bias (Lemire's method).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="exclusiveMax"/> is not positive.</exception>
    public int NextInt(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);
        return (int)NextUInt64Below((ulong)exclusiveMax);
    }

    /// <summary>A uniform integer in [<paramref name="inclusiveMin"/>, <paramref name="exclusiveMax"/>).</summary>
    public int NextInt(int inclusiveMin, int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(inclusiveMin, exclusiveMax);
        return inclusiveMin + (int)NextUInt64Below((ulong)((long)exclusiveMax - inclusiveMin));
    }

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMax"/>) for 64-bit ranges.</summary>
    public ulong NextUInt64Below(ulong exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfZero(exclusiveMax);
        // Lemire (2019), "Fast random integer generation in an interval": multiply, reject the biased low band.
        var product = Math.BigMul(NextUInt64(), exclusiveMax, out var low);
        if (low < exclusiveMax)
        {
            var threshold = (0 - exclusiveMax) % exclusiveMax;
            while (low < threshold)
            {
                product = Math.BigMul(NextUInt64(), exclusiveMax, out low);
            }
        }
        return product;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool NextBool(double p) => NextDouble() < p;

    /// <summary>
    /// A new, independent generator derived from this one's next output, for a parallel worker or a sub-task.
    /// Forking in a fixed order keeps parallel results reproducible.
    /// </summary>
    public SeededRandom Fork() => new(NextUInt64());

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher–Yates, from the end).</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong SplitMix64(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
