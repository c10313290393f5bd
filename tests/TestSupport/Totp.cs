using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Connective.TestSupport;

/// <summary>
/// An authenticator app in a few lines (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps, Base32 keys), written from the
/// RFC rather than from the app's code, so tests sign in to staff accounts the way a person with a phone does.
/// </summary>
internal static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 specifies HMAC-SHA1; authenticator apps use it.
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    public static string CodeNow(string base32Key) => Code(base32Key, DateTimeOffset.UtcNow);

    private static readonly Dictionary<(string Server, string Key), long> LastStepUsed = [];

    /// <summary>
    /// A code the server has not accepted before: the app accepts each code once, and only from a later 30-second step
    /// than the last one it accepted for the account. Tests sign the same demo account in many times a minute, so this
    /// hands out steps from one before now to one after (the app accepts two either side), each once per server
    /// (<paramref name="server"/>: anything naming its database), and waits for the clock when those are used up, as
    /// a person would wait for their app's next code.
    /// </summary>
    public static async Task<string> UnusedCodeAsync(string base32Key, string server = "")
    {
        while (true)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            lock (LastStepUsed)
            {
                var step = Math.Max(now - 1, LastStepUsed.GetValueOrDefault((server, base32Key), long.MinValue) + 1);
                if (step <= now + 1)
                {
                    LastStepUsed[(server, base32Key)] = step;
                    return Code(base32Key, DateTimeOffset.FromUnixTimeSeconds(step * 30));
                }
            }
            await Task.Delay(TimeSpan.FromSeconds(((now + 1) * 30) - DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1));
        }
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var output = new byte[clean.Length * 5 / 8];
        var bitBuffer = 0L;
        var bitCount = 0;
        var index = 0;
        foreach (var character in clean)
        {
            bitBuffer = (bitBuffer << 5) | (uint)alphabet.IndexOf(character, StringComparison.Ordinal);
            bitCount += 5;
            if (bitCount >= 8)
            {
                bitCount -= 8;
                output[index++] = (byte)(bitBuffer >> bitCount);
            }
        }
        return output;
    }
}
