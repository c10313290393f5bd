using Connective.Web.Data;
using Connective.Web.Platform.ConsentPath;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Platform.Access;

/// <summary>
/// Anything that belongs to one resident (their record, a help request they made, their consents), named by the
/// resident's id and the ward they live in. Features ask
/// <c>authorization.AuthorizeAsync(User, new ResidentResource(residentId, wardId), ResidentOperations.Read)</c>.
/// </summary>
public sealed record ResidentResource(int ResidentId, int WardId)
{
    /// <summary>The resource for a resident id, or null when there is no such resident.</summary>
    public static async Task<ResidentResource?> FindAsync(AppDbContext db, int residentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wardId = await db.Residents.AsNoTracking().Where(resident => resident.Id == residentId)
            .Select(resident => (int?)resident.WardId).SingleOrDefaultAsync(cancellationToken);
        return wardId is { } ward ? new ResidentResource(residentId, ward) : null;
    }
}

/// <summary>What can be done to a resident's data.</summary>
public static class ResidentOperations
{
    /// <summary>See it (and, for staff, have the view written to the audit log).</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Change it, or act on the resident's behalf.</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };
}

/// <summary>A ward, for decisions about the people in it as a group.</summary>
public sealed record WardResource(int WardId);

/// <summary>What can be done with a ward's people.</summary>
public static class WardOperations
{
    /// <summary>List the ward's residents by name.</summary>
    public static readonly OperationAuthorizationRequirement ListResidents = new() { Name = nameof(ListResidents) };
}

/// <summary>
/// A resident's data: the resident themself may read and edit it; a coordinator may read and edit (act on behalf) for
/// residents of the wards they coordinate and of the circles they coordinate; a safeguarding lead and an admin may
/// read it within their scope; a practitioner may read it within their scope only when the resident consents to their
/// ties being used for network insight. Nobody else, whatever their role.
/// </summary>
internal sealed class ResidentRules(RoleScopes scopes, AppDbContext db, ConsentRecords consents) : AuthorizationHandler<OperationAuthorizationRequirement, ResidentResource>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, ResidentResource resource)
    {
        if (await scopes.ForAsync(context.User) is { } scope && await AllowsAsync(scope, requirement.Name, resource))
        {
            context.Succeed(requirement);
        }
    }

    private async Task<bool> AllowsAsync(AccessScope scope, string operation, ResidentResource resource)
    {
        var isRead = operation == ResidentOperations.Read.Name;
        if (!isRead && operation != ResidentOperations.Edit.Name)
        {
            return false;
        }
        if (scope.ResidentId == resource.ResidentId)
        {
            return true;
        }
        if (scope.HoldsIn(Roles.Coordinator, resource.WardId) || (scope.Holds(Roles.Coordinator) && await CoordinatesACircleOfAsync(scope, resource.ResidentId)))
        {
            return true;
        }
        if (!isRead)
        {
            return false;
        }
        return scope.HoldsIn(Roles.SafeguardingLead, resource.WardId)
            || scope.HoldsIn(Roles.Admin, resource.WardId)
            || (scope.HoldsIn(Roles.Practitioner, resource.WardId) && await ConsentsToNetworkInsightAsync(resource.ResidentId));
    }

    /// <summary>Whether the caller's own resident record coordinates a circle the resident belongs to.</summary>
    private async Task<bool> CoordinatesACircleOfAsync(AccessScope scope, int residentId) =>
        scope.ResidentId is { } coordinator && await db.CircleMembers.AsNoTracking().AnyAsync(member =>
            member.ResidentId == residentId
            && db.CircleMembers.Any(mine => mine.CircleId == member.CircleId && mine.ResidentId == coordinator && mine.IsCoordinator));

    private Task<bool> ConsentsToNetworkInsightAsync(int residentId) =>
        consents.HasAsync(residentId, ConsentPurpose.NetworkInsight, CancellationToken.None);
}

/// <summary>A ward's named residents are listed to its coordinators, and to safeguarding leads and admins within their scope.</summary>
internal sealed class WardRules(RoleScopes scopes) : AuthorizationHandler<OperationAuthorizationRequirement, WardResource>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, WardResource resource)
    {
        if (requirement.Name == WardOperations.ListResidents.Name
            && await scopes.ForAsync(context.User) is { } scope
            && (scope.HoldsIn(Roles.Coordinator, resource.WardId) || scope.HoldsIn(Roles.SafeguardingLead, resource.WardId) || scope.HoldsIn(Roles.Admin, resource.WardId)))
        {
            context.Succeed(requirement);
        }
    }
}
