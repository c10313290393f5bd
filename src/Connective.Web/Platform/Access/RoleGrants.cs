using System.Security.Claims;
using Connective.Web.Data;
using Connective.Web.Platform.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Platform.Access;

/// <summary>One role an account holds, where, and whether a row records the scope (false: an Identity role alone, borough-wide).</summary>
public sealed record HeldRole(string UserId, string Email, string Role, int? WardId, string? WardName, bool Recorded);

/// <summary>
/// Grants and revokes roles, in a ward or borough-wide, keeping the Identity role (for role claims) and the scope rows
/// together, and writing each change to the audit log with the account in its id column (AuditLog.RoleGrantedAsync).
/// </summary>
public sealed class RoleGrants(AppDbContext db, UserManager<ConnectiveUser> users, AuditLog audit, RoleScopes scopes, TimeProvider time)
{
    /// <summary>Every role held by accounts with at least one role other than Resident, by e-mail (an admin's view).</summary>
    public async Task<IReadOnlyList<HeldRole>> HeldRolesAsync(int limit, CancellationToken cancellationToken)
    {
        var identityRoles = await (
            from userRole in db.UserRoles.AsNoTracking()
            join role in db.Roles on userRole.RoleId equals role.Id
            join user in db.Users on userRole.UserId equals user.Id
            where role.Name != Roles.Resident
            orderby user.Email, role.Name
            select new { user.Id, user.Email, Role = role.Name! })
            .Take(limit).ToListAsync(cancellationToken);
        var userIds = identityRoles.Select(row => row.Id).Distinct().ToList();
        var recorded = await (
            from assignment in db.Set<RoleAssignment>().AsNoTracking()
            where userIds.Contains(assignment.UserId)
            join ward in db.Wards on assignment.WardId equals (int?)ward.Id into wards
            from ward in wards.DefaultIfEmpty()
            select new { assignment.UserId, assignment.Role, assignment.WardId, WardName = ward == null ? null : ward.Name })
            .ToListAsync(cancellationToken);

        var held = new List<HeldRole>();
        foreach (var row in identityRoles)
        {
            var rows = recorded.Where(assignment => assignment.UserId == row.Id && assignment.Role == row.Role).ToList();
            if (rows.Count == 0)
            {
                held.Add(new HeldRole(row.Id, row.Email ?? "", row.Role, null, null, Recorded: false));
            }
            held.AddRange(rows.OrderBy(assignment => assignment.WardName).Select(assignment =>
                new HeldRole(row.Id, row.Email ?? "", row.Role, assignment.WardId, assignment.WardName, Recorded: true)));
        }
        return held;
    }

    /// <summary>Grants the role in the ward (null: borough-wide). Returns an error message for the form, or null when done.</summary>
    public async Task<string?> GrantAsync(ClaimsPrincipal actor, string email, string role, int? wardId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Roles.All.Contains(role))
        {
            return "Choose a role";
        }
        if (await users.FindByEmailAsync(email.Trim()) is not { } user)
        {
            return "No account has that e-mail address";
        }
        string? wardCode = null;
        if (wardId is { } ward && (wardCode = await db.Wards.Where(row => row.Id == ward).Select(row => row.Code).SingleOrDefaultAsync(cancellationToken)) is null)
        {
            return "Choose a ward from the list";
        }
        var current = (await scopes.ForAccountAsync(user.Id, cancellationToken))?.Roles.GetValueOrDefault(role);
        if (current is { BoroughWide: true } || (wardId is { } w && current?.Wards.Contains(w) == true))
        {
            return "The account already holds that role there";
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (wardId is null)
        {
            // Borough-wide replaces ward rows: one row says it all.
            await db.Set<RoleAssignment>().Where(row => row.UserId == user.Id && row.Role == role).ExecuteDeleteAsync(cancellationToken);
        }
        db.Set<RoleAssignment>().Add(new RoleAssignment
        {
            UserId = user.Id,
            Role = role,
            WardId = wardId,
            GrantedAt = time.GetUtcNow().UtcDateTime,
            GrantedBy = users.GetUserId(actor) ?? "",
        });
        await db.SaveChangesAsync(cancellationToken);
        if (current is null)
        {
            Check(await users.AddToRoleAsync(user, role));
        }
        Check(await users.UpdateSecurityStampAsync(user));
        await audit.RoleGrantedAsync(actor, user.Id, user.ResidentId, role, wardCode, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        scopes.Forget();
        return null;
    }

    /// <summary>Revokes the role in the ward (null: the borough-wide grant). The last scope of a role takes the Identity role with it.</summary>
    public async Task<string?> RevokeAsync(ClaimsPrincipal actor, string userId, string role, int? wardId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await users.FindByIdAsync(userId) is not { } user || !await users.IsInRoleAsync(user, role))
        {
            return "The account does not hold that role";
        }
        var wardCode = wardId is { } ward ? await db.Wards.Where(row => row.Id == ward).Select(row => row.Code).SingleOrDefaultAsync(cancellationToken) : null;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.Set<RoleAssignment>().Where(row => row.UserId == user.Id && row.Role == role).ToListAsync(cancellationToken);
        var revoked = rows.Where(row => row.WardId == wardId).ToList();
        if (revoked.Count == 0 && !(wardId is null && rows.Count == 0))
        {
            return "The account does not hold that role there";
        }
        db.Set<RoleAssignment>().RemoveRange(revoked);
        await db.SaveChangesAsync(cancellationToken);
        if (rows.Count == revoked.Count)
        {
            Check(await users.RemoveFromRoleAsync(user, role));
        }
        // A new security stamp ends the person's current sessions at their next check, so role claims never outlive the role.
        Check(await users.UpdateSecurityStampAsync(user));
        await audit.RoleRevokedAsync(actor, user.Id, user.ResidentId, role, wardCode, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        scopes.Forget();
        return null;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Changing the account's roles failed: " + string.Join("; ", result.Errors.Select(error => error.Description)));
        }
    }
}
