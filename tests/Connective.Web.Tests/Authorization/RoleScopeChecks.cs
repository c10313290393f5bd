using System.Net;
using Connective.Web.Data;
using Connective.Web.Demo;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Connective.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Authorization;

/// <summary>Ward-scoped roles, and granting and revoking them on the admin page.</summary>
internal static class RoleScopeChecks
{
    private const string Password = "a long enough test passphrase";

    /// <summary>The same role in two wards: each coordinator reaches the residents of their own ward only.</summary>
    public static async Task Coordinators_of_two_wards_each_see_only_their_own_ward(ConnectiveWebFactory factory)
    {
        var ids = await AuthorizationMatrixChecks.ResolveIdsAsync(factory);
        using var wardA = await MatrixSession.StartAsync(factory, Caller.Coordinator);
        using var wardB = await MatrixSession.SignInAsync(factory, DemoAccounts.OtherWardCoordinatorEmail(ids.WardBCode), DemoAccounts.Password);

        var aSeesA = await wardA.Http.GetAsync($"/api/v1/community/residents/{ids.SameWardResidentId}");
        var aSeesB = await wardA.Http.GetAsync($"/api/v1/community/residents/{ids.OtherWardResidentId}");
        var bSeesA = await wardB.Http.GetAsync($"/api/v1/community/residents/{ids.SameWardResidentId}");
        var bSeesB = await wardB.Http.GetAsync($"/api/v1/community/residents/{ids.OtherWardResidentId}");
        var bListsB = await wardB.Http.GetStringAsync($"/community/wards/{ids.WardBCode}");
        var bListsA = await wardB.Http.GetStringAsync($"/community/wards/{ids.WardACode}");

        Assert.Equal(HttpStatusCode.OK, aSeesA.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, aSeesB.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bSeesA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bSeesB.StatusCode);
        Assert.Contains("id=\"residents\"", bListsB, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"residents\"", bListsA, StringComparison.Ordinal);
    }

    /// <summary>
    /// An admin grants a ward-scoped role on the page; it works from the person's next sign-in with a second factor and
    /// is audited by account id. Revoked, it stops working on the person's very next request: revoking ends their sessions.
    /// </summary>
    public static async Task Granting_and_revoking_a_ward_role_is_audited_and_takes_effect_on_the_next_request(ConnectiveWebFactory factory)
    {
        var ids = await AuthorizationMatrixChecks.ResolveIdsAsync(factory);
        var email = "coordinator-" + Guid.NewGuid().ToString("N")[..12] + "@example.org";
        string userId, authenticatorKey;
        await using (var scope = factory.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ConnectiveUser>>();
            var user = new ConnectiveUser { UserName = email, Email = email, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            authenticatorKey = await WithAuthenticatorAsync(users, user);
            userId = user.Id;
        }
        using var admin = await MatrixSession.StartAsync(factory, Caller.Admin);
        var residentPath = $"/api/v1/community/residents/{ids.SameWardResidentId}";

        using var grant = await admin.PostFormAsync("/admin/roles", "/admin/roles?handler=Grant", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Role"] = Roles.Coordinator,
            ["WardId"] = ids.WardAId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        // A staff role counts only in a session signed in after the grant, with a second factor.
        using var person = await MatrixSession.SignInAsync(factory, email, Password, authenticatorKey: authenticatorKey);
        var withRole = await person.Http.GetAsync(residentPath);
        var otherWard = await person.Http.GetAsync($"/api/v1/community/residents/{ids.OtherWardResidentId}");
        var listed = await admin.Http.GetStringAsync("/admin/roles");
        using var revoke = await admin.PostFormAsync("/admin/roles", "/admin/roles?handler=Revoke", new Dictionary<string, string>
        {
            ["userId"] = userId,
            ["role"] = Roles.Coordinator,
            ["wardId"] = ids.WardAId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var afterRevoke = await person.Http.GetAsync(residentPath);

        Assert.Equal("/admin/roles?done=granted", grant.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, withRole.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherWard.StatusCode);
        Assert.Contains(email, listed, StringComparison.Ordinal);
        Assert.Equal("/admin/roles?done=revoked", revoke.Headers.Location?.OriginalString);
        // Revoking ends the account's sessions, so the old cookie no longer reaches the resident.
        Assert.Contains(afterRevoke.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized });
        await using var check = factory.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.RoleAssignments.AnyAsync(row => row.UserId == userId));
        Assert.False(await db.UserRoles.AnyAsync(row => row.UserId == userId));
        // The account is in its id column, never in the free-text reason, which says only the role and where.
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(entry => entry.SubjectAccountId == userId && (entry.Action == AuditActions.RoleGranted || entry.Action == AuditActions.RoleRevoked))
            .OrderBy(entry => entry.Id).ToListAsync();
        Assert.Equal(
            [(AuditActions.RoleGranted, "demo-admin", "Coordinator in ward " + ids.WardACode), (AuditActions.RoleRevoked, "demo-admin", "Coordinator in ward " + ids.WardACode)],
            audit.Select(entry => (entry.Action, entry.ActorId, entry.Reason)));
        Assert.False(await db.AuditEntries.AnyAsync(entry => entry.Reason != null && entry.Reason.Contains(userId)));
    }

    /// <summary>A coordinator's own circles reach beyond their ward: they may read the members of a circle they coordinate.</summary>
    public static async Task A_coordinator_reads_the_members_of_a_circle_they_coordinate_in_another_ward(ConnectiveWebFactory factory)
    {
        var ids = await AuthorizationMatrixChecks.ResolveIdsAsync(factory);
        int coordinatorResident, member, circleWard;
        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var circle = await db.Circles.AsNoTracking().Where(circle => circle.WardId != ids.WardAId)
                .Where(circle => db.CircleMembers.Count(m => m.CircleId == circle.Id) >= 2).OrderBy(circle => circle.Id).FirstAsync();
            var members = await db.CircleMembers.AsNoTracking().Where(m => m.CircleId == circle.Id).OrderBy(m => m.ResidentId).Select(m => m.ResidentId).ToListAsync();
            (coordinatorResident, member, circleWard) = (members[0], members[1], circle.WardId);
        }
        var email = "circle-" + Guid.NewGuid().ToString("N")[..12] + "@example.org";
        string authenticatorKey;
        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // The coordinator's own membership becomes the coordinating one; the account's role is scoped to ward A.
            await db.CircleMembers.Where(m => m.ResidentId == coordinatorResident).ExecuteUpdateAsync(set => set.SetProperty(m => m.IsCoordinator, true));
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ConnectiveUser>>();
            var user = new ConnectiveUser { UserName = email, Email = email, EmailConfirmed = true, ResidentId = coordinatorResident };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Coordinator)).Succeeded);
            authenticatorKey = await WithAuthenticatorAsync(users, user);
            db.RoleAssignments.Add(new Platform.Access.RoleAssignment { UserId = user.Id, Role = Roles.Coordinator, WardId = ids.WardAId, GrantedBy = "test" });
            await db.SaveChangesAsync();
        }
        using var coordinator = await MatrixSession.SignInAsync(factory, email, Password, authenticatorKey: authenticatorKey);

        var circleMember = await coordinator.Http.GetAsync($"/api/v1/community/residents/{member}");
        var strangerInThatWard = await coordinator.Http.GetAsync($"/api/v1/community/residents/{await StrangerAsync(factory, circleWard, coordinatorResident)}");

        Assert.Equal(HttpStatusCode.OK, circleMember.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, strangerInThatWard.StatusCode);
    }

    /// <summary>Sets up an authenticator app for the account (staff roles need a second factor) and returns its key.</summary>
    internal static async Task<string> WithAuthenticatorAsync(UserManager<ConnectiveUser> users, ConnectiveUser user)
    {
        Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        return await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key.");
    }

    /// <summary>A resident of the ward who shares no circle with the coordinator.</summary>
    private static async Task<int> StrangerAsync(ConnectiveWebFactory factory, int wardId, int coordinatorResident)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var circles = db.CircleMembers.Where(m => m.ResidentId == coordinatorResident).Select(m => m.CircleId);
        return await db.Residents.Where(r => r.WardId == wardId && r.Id != coordinatorResident
                && !db.CircleMembers.Any(m => m.ResidentId == r.Id && circles.Contains(m.CircleId)))
            .OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
    }
}
