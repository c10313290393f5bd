using Connective.Web.Data;
using Connective.Web.Features.Account;
using Connective.Web.Features.Account.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Demo;

/// <summary>
/// Where the demo accounts hold their roles. The Helper and the Coordinator work in ward A, the demo Resident's ward;
/// a second Coordinator account works in ward B, so the same role can be tried in two wards; the other staff roles are
/// borough-wide. Written inside the seeder's transaction, after the role accounts exist.
/// </summary>
internal static class DemoRoleScopes
{
    public const string GrantedBy = "demo";

    /// <summary>The e-mail of the Coordinator who works in the given ward rather than ward A.</summary>
    public static string OtherWardCoordinatorEmail(string wardCode) =>
        "coordinator-" + wardCode.ToLowerInvariant() + "@demo.connective.example";

    public static async Task<int> WriteAsync(AppDbContext db, int wardA, DateTime now, CancellationToken cancellationToken)
    {
        var wardB = await db.Wards.Where(ward => ward.Id != wardA).OrderBy(ward => ward.Id)
            .Select(ward => new { ward.Id, ward.Code }).FirstAsync(cancellationToken);
        var rows = 0;
        foreach (var role in Roles.All)
        {
            var wardId = role is Roles.Helper or Roles.Coordinator ? wardA : (int?)null;
            db.RoleAssignments.Add(new RoleAssignment { UserId = "demo-" + role.ToLowerInvariant(), Role = role, WardId = wardId, GrantedAt = now, GrantedBy = GrantedBy });
            rows++;
        }

        var email = OtherWardCoordinatorEmail(wardB.Code);
        var coordinator = new ConnectiveUser
        {
            Id = "demo-coordinator-" + wardB.Code.ToLowerInvariant(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            LockoutEnabled = true,
            IsDemoAccount = true,
        };
        coordinator.PasswordHash = new PasswordHasher<ConnectiveUser>().HashPassword(coordinator, DemoAccounts.Password);
        db.Users.Add(coordinator);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = coordinator.Id, RoleId = Roles.IdOf(Roles.Coordinator) });
        db.RoleAssignments.Add(new RoleAssignment { UserId = coordinator.Id, Role = Roles.Coordinator, WardId = wardB.Id, GrantedAt = now, GrantedBy = GrantedBy });
        rows += 3;
        await db.SaveChangesAsync(cancellationToken);
        return rows;
    }
}
