using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Connective.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Connective.Web.Features.Account;

/// <summary>
/// One shared account per role in the demo borough, with a password printed on the sign-in page of a demo database.
/// Staff accounts also have a fixed authenticator key, printed beside them, so that anyone trying the demo can pass the
/// second-factor step (or add the key to their own authenticator app). Written by the demo seeder inside its
/// transaction, so a real database never has them.
/// </summary>
internal static class DemoAccounts
{
    public const string Password = "demo-borough-password";

    // Where Identity's own user store keeps the authenticator key (UserStoreBase's InternalLoginProvider and key name);
    // the sign-in tests prove Identity reads the seeded key from here.
    internal const string IdentityStoreProvider = "[AspNetUserStore]";
    internal const string AuthenticatorKeyName = "AuthenticatorKey";

    public static string EmailFor(string role) => role.ToLowerInvariant() + "@demo.connective.example";

    /// <summary>
    /// The demo authenticator key of a staff role: public, readable Base32 (letters only), 32 characters like Identity's own
    /// keys. Only ever written into a demo database.
    /// </summary>
    public static string AuthenticatorKeyFor(string role) =>
        ("DEMO" + role.ToUpperInvariant() + "CONNECTIVEAUTHENTICATORKEY")[..32];

    /// <summary>The six-digit code an authenticator app shows now for a demo staff account (RFC 6238, 30-second steps).</summary>
    public static string CurrentCodeFor(string role, TimeProvider time) =>
        TotpCode(AuthenticatorKeyFor(role), time.GetUtcNow());

    public static async Task<int> WriteAsync(AppDbContext db, int residentId, CancellationToken cancellationToken)
    {
        var hasher = new PasswordHasher<ConnectiveUser>();
        var rows = 0;
        foreach (var role in Roles.All)
        {
            var email = EmailFor(role);
            var isStaff = SecondFactor.StaffRoles.Contains(role);
            var user = new ConnectiveUser
            {
                Id = "demo-" + role.ToLowerInvariant(),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                LockoutEnabled = true,
                IsDemoAccount = true,
                TwoFactorEnabled = isStaff,
                ResidentId = role == Roles.Resident ? residentId : null,
            };
            user.PasswordHash = hasher.HashPassword(user, Password);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = Roles.IdOf(role) });
            rows += 2;
            if (isStaff)
            {
                db.UserTokens.Add(new IdentityUserToken<string>
                {
                    UserId = user.Id,
                    LoginProvider = IdentityStoreProvider,
                    Name = AuthenticatorKeyName,
                    Value = AuthenticatorKeyFor(role),
                });
                rows++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return rows;
    }

    /// <summary>RFC 6238 with HMAC-SHA1, six digits and 30-second steps: what every authenticator app computes.</summary>
    internal static string TotpCode(string base32Key, DateTimeOffset at)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
#pragma warning disable CA5350 // HMAC-SHA1 is what RFC 6238 and authenticator apps use; it is not used here as a collision-resistant hash.
        HMACSHA1.HashData(FromBase32(base32Key), counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff;
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(key.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var character in key.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            var value = alphabet.IndexOf(character, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{character}' is not a Base32 character.");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }
}
