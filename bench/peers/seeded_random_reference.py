#!/usr/bin/python3
"""Independent transcription of xoshiro256** seeded by SplitMix64 (Vigna's reference C code).

Prints the first outputs for the seeds used in tests/Connective.Graph.Tests/Generators/SeededRandomTests.cs,
so anyone can check that Connective.Graph's SeededRandom implements the specified algorithm.
"""
M = (1 << 64) - 1


def splitmix64(x):
    x = (x + 0x9E3779B97F4A7C15) & M
    z = x
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return x, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M


def outputs(seed, count=4):
    x, s = seed, []
    for _ in range(4):
        x, v = splitmix64(x)
        s.append(v)
    result = []
    for _ in range(count):
        result.append((rotl((s[1] * 5) & M, 7) * 9) & M)
        t = (s[1] << 17) & M
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
    return result


if __name__ == "__main__":
    for seed in (0, 42):
        print(seed, " ".join(f"0x{v:016x}" for v in outputs(seed)))
