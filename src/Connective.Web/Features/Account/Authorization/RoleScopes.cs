using System.Security.Claims;
using Connective.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Account.Authorization;

/// <summary>Where one role applies: the whole borough, or some wards.</summary>
public sealed record RoleScope(bool BoroughWide, IReadOnlySet<int> Wards)
{
    public bool Covers(int wardId) => BoroughWide || Wards.Contains(wardId);
}

/// <summary>What a signed-in account may act as, read from the database for the current request.</summary>
public sealed record AccessScope(string UserId, int? ResidentId, IReadOnlyDictionary<string, RoleScope> Roles)
{
    public bool Holds(string role) => Roles.ContainsKey(role);

    public bool HoldsIn(string role, int wardId) => Roles.TryGetValue(role, out var scope) && scope.Covers(wardId);

    public bool HoldsAny(IEnumerable<string> roles) => roles.Any(Holds);
}

/// <summary>
/// Reads an account's roles and their scopes from the database, once a request. Policies and resource rules ask
/// here rather than trusting the role claims in the session cookie, so that a role revoked by an admin stops working
/// on the person's next request, not at their next sign-in.
/// </summary>
public sealed class RoleScopes(AppDbContext db, UserManager<ConnectiveUser> users)
{
    private readonly Dictionary<string, AccessScope?> _cache = new(StringComparer.Ordinal);

    /// <summary>
    /// The caller's scope, or null when they are not signed in (or their account no longer exists). A role counts only
    /// when the database grants it <em>and</em> the session was signed in with it (so a role granted to a signed-in
    /// account waits for a new sign-in, and the audit's "acting role", read from the session, is the role used), and a
    /// role that needs a second factor counts only in a session that used one.
    /// </summary>
    public async Task<AccessScope?> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || users.GetUserId(user) is not { } userId
            || await ForAccountAsync(userId, cancellationToken) is not { } granted)
        {
            return null;
        }
        var strong = SecondFactor.UsedStrongMethod(user);
        var usable = granted.Roles
            .Where(role => user.IsInRole(role.Key) && (strong || !SecondFactor.StaffRoles.Contains(role.Key)))
            .ToDictionary(role => role.Key, role => role.Value, StringComparer.Ordinal);
        return usable.Count == granted.Roles.Count ? granted : granted with { Roles = usable };
    }

    /// <summary>An account's scope by its id, or null when there is no such account.</summary>
    public async Task<AccessScope?> ForAccountAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (!_cache.TryGetValue(userId, out var scope))
        {
            scope = await LoadAsync(userId, cancellationToken);
            _cache[userId] = scope;
        }
        return scope;
    }

    /// <summary>Forgets what was read, after this request changed someone's roles.</summary>
    public void Forget() => _cache.Clear();

    private async Task<AccessScope?> LoadAsync(string userId, CancellationToken cancellationToken)
    {
        var account = await db.Users.AsNoTracking().Where(user => user.Id == userId)
            .Select(user => new { user.Id, user.ResidentId }).SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }
        var held = await (
            from userRole in db.UserRoles.AsNoTracking()
            where userRole.UserId == userId
            join role in db.Roles on userRole.RoleId equals role.Id
            select role.Name).ToListAsync(cancellationToken);
        var assignments = await db.Set<RoleAssignment>().AsNoTracking().Where(assignment => assignment.UserId == userId)
            .Select(assignment => new { assignment.Role, assignment.WardId }).ToListAsync(cancellationToken);

        var roles = new Dictionary<string, RoleScope>(StringComparer.Ordinal);
        foreach (var role in held.OfType<string>())
        {
            var rows = assignments.Where(assignment => assignment.Role == role).ToList();
            roles[role] = rows.Count == 0 || rows.Any(row => row.WardId is null)
                ? new RoleScope(true, new HashSet<int>())
                : new RoleScope(false, rows.Select(row => row.WardId!.Value).ToHashSet());
        }
        return new AccessScope(account.Id, account.ResidentId, roles);
    }
}
