using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Connective.Web.Data;
using Connective.Web.Platform.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Demo;

/// <summary>
/// One shared account per role in the demo borough, with a password printed on the sign-in page of a demo database.
/// Staff accounts also have a fixed authenticator key, printed beside them, so that anyone trying the demo can pass the
/// second-factor step (or add the key to their own authenticator app). Accounts, roles and role scopes are all written
/// here, by the demo seeder inside its transaction, so a real database never has them.
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

    /// <summary>The demo authenticator key of a demo account by its address (the second Coordinator shares the Coordinator's), or null.</summary>
    public static string? AuthenticatorKeyForEmail(string email) =>
        SecondFactor.StaffRoles
            .Where(role => email.Equals(EmailFor(role), StringComparison.OrdinalIgnoreCase)
                || (email.StartsWith(role.ToLowerInvariant() + "-", StringComparison.OrdinalIgnoreCase) && email.EndsWith("@demo.connective.example", StringComparison.OrdinalIgnoreCase)))
            .Select(AuthenticatorKeyFor).FirstOrDefault();

    /// <summary>The six-digit code an authenticator app shows now for a demo staff account (RFC 6238, 30-second steps).</summary>
    public static string CurrentCodeFor(string role, TimeProvider time) =>
        TotpCode(AuthenticatorKeyFor(role), time.GetUtcNow());

    /// <summary>Who the demo role rows say granted them.</summary>
    public const string GrantedBy = "demo";

    /// <summary>The e-mail of the second demo Coordinator, who works in the given ward rather than ward A.</summary>
    public static string OtherWardCoordinatorEmail(string wardCode) =>
        "coordinator-" + wardCode.ToLowerInvariant() + "@demo.connective.example";

    /// <summary>
    /// Writes every demo account, its Identity role and where it holds it, in one place. The Helper and the Coordinator
    /// work in ward A (<paramref name="wardA"/>, the demo Resident's ward); a second Coordinator works in ward B, so the
    /// same role can be tried in two wards; the other staff roles are borough-wide. Staff accounts get their demo
    /// authenticator key. Runs inside the seeder's transaction.
    /// </summary>
    public static async Task<int> WriteAsync(AppDbContext db, int residentId, int wardA, DateTime now, CancellationToken cancellationToken)
    {
        var wardB = await db.Wards.Where(ward => ward.Id != wardA).OrderBy(ward => ward.Id)
            .Select(ward => new { ward.Id, ward.Code }).FirstAsync(cancellationToken);
        var hasher = new PasswordHasher<ConnectiveUser>();
        var rows = 0;
        foreach (var role in Roles.All)
        {
            var user = AddAccount(db, hasher, "demo-" + role.ToLowerInvariant(), EmailFor(role), role, role is Roles.Helper or Roles.Coordinator ? wardA : null, now);
            user.ResidentId = role == Roles.Resident ? residentId : null;
            rows += SecondFactor.StaffRoles.Contains(role) ? 4 : 3;
        }
        AddAccount(db, hasher, "demo-coordinator-" + wardB.Code.ToLowerInvariant(), OtherWardCoordinatorEmail(wardB.Code), Roles.Coordinator, wardB.Id, now);
        rows += 4;
        await db.SaveChangesAsync(cancellationToken);
        return rows;
    }

    /// <summary>
    /// One demo account holding one role, in a ward or (null) borough-wide: the user, its Identity role and its scope row.
    /// Any feature's demo that needs an account of its own (e.g. the Circle journey's helper) can write it with this.
    /// </summary>
    internal static ConnectiveUser AddAccount(AppDbContext db, PasswordHasher<ConnectiveUser> hasher, string id, string email, string role, int? wardId, DateTime now)
    {
        var user = new ConnectiveUser
        {
            Id = id,
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            LockoutEnabled = true,
            IsDemoAccount = true,
        };
        user.PasswordHash = hasher.HashPassword(user, Password);
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = Roles.IdOf(role) });
        db.RoleAssignments.Add(new Platform.Access.RoleAssignment { UserId = user.Id, Role = role, WardId = wardId, GrantedAt = now, GrantedBy = GrantedBy });
        // A role that needs a second factor gets the role's public demo authenticator key, wherever the account is written.
        if (SecondFactor.StaffRoles.Contains(role))
        {
            user.TwoFactorEnabled = true;
            db.UserTokens.Add(new IdentityUserToken<string>
            {
                UserId = user.Id,
                LoginProvider = IdentityStoreProvider,
                Name = AuthenticatorKeyName,
                Value = AuthenticatorKeyFor(role),
            });
        }
        return user;
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
