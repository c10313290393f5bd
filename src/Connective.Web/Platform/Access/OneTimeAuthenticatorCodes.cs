using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Connective.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Connective.Web.Platform.Access;

/// <summary>
/// The authenticator-app code check (RFC 6238: HMAC-SHA1, six digits, 30-second steps, codes up to two steps either side
/// accepted for a phone's clock drift, as Identity's own provider does), with what Identity's lacks: each code works once.
/// The step of the last accepted code is kept per account (in Identity's token store), and a code from that step or an
/// earlier one is refused, so a code seen over a shoulder or replayed from a captured request is worthless (RFC 6238
/// section 5.2). Two requests racing with the same code both try to move the step on; the account's concurrency stamp
/// lets only one of them succeed.
/// </summary>
public sealed class OneTimeAuthenticatorCodes : AuthenticatorTokenProvider<ConnectiveUser>
{
    /// <summary>Where the last accepted step is kept: a row of AspNetUserTokens, so no schema change was needed.</summary>
    public const string StoreProvider = "[Connective]";
    public const string LastStepName = "AuthenticatorLastStep";

    /// <summary>Steps either side of now that are accepted.</summary>
    public const int DriftSteps = 2;

    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<ConnectiveUser> manager, ConnectiveUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token is not { Length: 6 } || !token.All(char.IsAsciiDigit))
        {
            return false;
        }
        // The wall clock, not the app's TimeProvider: the code comes from the person's phone, which keeps real time
        // whatever clock a demo or a test gives the app.
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / (long)Step.TotalSeconds;
        var secret = Base32Decode(key);
        long? matched = null;
        for (var step = now - DriftSteps; step <= now + DriftSteps; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(token)))
            {
                matched = step;
            }
        }
        if (matched is not { } accepted)
        {
            return false;
        }
        var last = await manager.GetAuthenticationTokenAsync(user, StoreProvider, LastStepName);
        if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var lastStep) && accepted <= lastStep)
        {
            return false;
        }
        var stored = await manager.SetAuthenticationTokenAsync(user, StoreProvider, LastStepName, accepted.ToString(CultureInfo.InvariantCulture));
        return stored.Succeeded;
    }

    private static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var output = new byte[clean.Length * 5 / 8];
        var buffer = 0L;
        var bits = 0;
        var index = 0;
        foreach (var character in clean)
        {
            var value = Alphabet.IndexOf(character, StringComparison.Ordinal);
            if (value < 0)
            {
                return [];
            }
            buffer = (buffer << 5) | (uint)value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output[index++] = (byte)(buffer >> bits);
            }
        }
        return output;
    }
}
