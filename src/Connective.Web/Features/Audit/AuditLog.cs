using System.Security.Claims;
using Connective.Web.Data;
using Connective.Web.Features.Account;
using Microsoft.AspNetCore.Identity;

namespace Connective.Web.Features.Audit;

/// <summary>What an audit entry records as the action.</summary>
public static class AuditActions
{
    public const string ViewedResident = "ViewedResident";
    public const string ViewedResidentApi = "ViewedResidentApi";
    public const string ViewedWardResidentList = "ViewedWardResidentList";
    public const string RoleGranted = "RoleGranted";
    public const string RoleRevoked = "RoleRevoked";
}

/// <summary>Writes the audit log: one row an action, actor and subject by internal id only.</summary>
public sealed class AuditLog(AppDbContext db, TimeProvider time, UserManager<ConnectiveUser> users)
{
    public async Task RecordAsync(ClaimsPrincipal actor, string action, int? subjectResidentId, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var actorId = users.GetUserId(actor) ?? throw new InvalidOperationException("Only a signed-in person's actions are audited.");
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            ActorId = actorId,
            ActorRole = ActingRole(actor),
            Action = action,
            SubjectResidentId = subjectResidentId,
            Reason = reason,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The most specific staff role the actor holds, so the log says in which capacity they looked.</summary>
    private static string ActingRole(ClaimsPrincipal actor) =>
        new[] { Roles.SafeguardingLead, Roles.Practitioner, Roles.Coordinator, Roles.Admin, Roles.ServiceManager, Roles.BudgetOfficer, Roles.Helper, Roles.Resident }
            .FirstOrDefault(actor.IsInRole) ?? "None";
}
