namespace Connective.Budgeting.Rules;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014): state += 0x9E3779B97F4A7C15; z = state; z = (z ^ (z &gt;&gt; 30)) ×
/// 0xBF58476D1CE4E5B9; z = (z ^ (z &gt;&gt; 27)) × 0x94D049BB133111EB; return z ^ (z &gt;&gt; 31), all modulo 2^64.
/// Specified here so that a lot drawn from a seed is the same on every platform and .NET version; the engine takes
/// no dependencies, so it does not use the graph engine's generator.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64-bit output.</summary>
    public ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, bound), by rejection (no modulo bias).</summary>
    /// <param name="bound">Exclusive upper bound, positive.</param>
    public ulong NextBelow(ulong bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        var limit = ulong.MaxValue - (ulong.MaxValue % bound);
        ulong x;
        do
        {
            x = Next();
        }
        while (x >= limit);
        return x % bound;
    }
}
