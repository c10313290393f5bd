using System.Security.Claims;
using Connective.Web.Data;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Connective.Web.Platform.ConsentPath;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Platform.Proxy;

/// <summary>
/// Whether a coordinator may act for a resident. When <see cref="IsGranted"/> is false, <see cref="RefusedBecause"/>
/// says why in words a coordinator can act on, and the caller must do nothing for the resident.
/// </summary>
public sealed record ProxyGrant(int ResidentId, string CoordinatorAccountId, bool IsGranted, string? RefusedBecause);

/// <summary>
/// Acting on behalf of a resident who is offline: the one place that decides whether a coordinator may, and that
/// writes both identities (the coordinator's account id and the resident's id) to the audit log. Other features
/// (help requests taken by phone) call <see cref="ForAsync"/> before they act, then <see cref="RecordAsync"/> for
/// what they did.
/// </summary>
public sealed class ProxyContext(AppDbContext db, ConsentRecords consents, AuditLog audit, UserManager<ConnectiveUser> users, RoleScopes scopes)
{
    /// <summary>The consent a resident gives to let coordinators act for them.</summary>
    public const ConsentPurpose Purpose = ConsentPurpose.CoordinatorMayActForMe;

    /// <summary>
    /// Asks to act for the resident. Granted only to a coordinator of the resident's ward, for a resident who has current
    /// consent for <see cref="Purpose"/>; either way the attempt is audited.
    /// </summary>
    public async Task<ProxyGrant> ForAsync(ClaimsPrincipal coordinator, int residentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        var accountId = users.GetUserId(coordinator) ?? throw new InvalidOperationException("Only a signed-in coordinator can act for a resident.");
        string? refused = null;
        var wardId = await db.Residents.Where(resident => resident.Id == residentId).Select(resident => (int?)resident.WardId).SingleOrDefaultAsync(cancellationToken);
        var scope = await scopes.ForAsync(coordinator, cancellationToken);
        if (scope is null || !scope.Holds(Roles.Coordinator))
        {
            refused = "Only coordinators can act for a resident.";
        }
        else if (wardId is null)
        {
            refused = "There is no such resident.";
        }
        else if (!scope.HoldsIn(Roles.Coordinator, wardId.Value))
        {
            refused = "Only a coordinator for the resident's ward can act for them.";
        }
        else if (!await consents.HasAsync(residentId, Purpose, cancellationToken))
        {
            refused = "The resident has not agreed that a coordinator may act for them. Ask them, and record their answer on the phone consent page.";
        }
        await audit.RecordAsync(coordinator, refused is null ? AuditActions.ActedOnBehalf : AuditActions.ActOnBehalfRefused, residentId, refused,
            new AuditDetails(OnBehalfOfResidentId: residentId), cancellationToken);
        return new ProxyGrant(residentId, accountId, refused is null, refused);
    }

    /// <summary>Records one action done under a grant, with both identities; refuses a grant that was refused.</summary>
    public Task RecordAsync(ClaimsPrincipal coordinator, ProxyGrant grant, string action, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (!grant.IsGranted)
        {
            throw new InvalidOperationException("Nothing can be done for a resident without their consent: " + grant.RefusedBecause);
        }
        return audit.RecordAsync(coordinator, action, grant.ResidentId, reason, new AuditDetails(OnBehalfOfResidentId: grant.ResidentId), cancellationToken);
    }
}
