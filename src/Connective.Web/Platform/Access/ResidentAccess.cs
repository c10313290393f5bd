using System.Security.Claims;
using Connective.Web.Platform.Proxy;

namespace Connective.Web.Platform.Access;

/// <summary>Who may handle which residents: the rule every area applies before it shows or changes a resident's records.</summary>
internal static class ResidentAccess
{
    /// <summary>
    /// Who may open the coordinators' pages. Admins may too (to help and to check them), but only a coordinator can act
    /// for a resident: <see cref="ProxyContext"/> refuses anyone else.
    /// </summary>
    public const string StaffRoles = Roles.Coordinator + "," + Roles.Admin;

    /// <summary>Whether the caller may handle residents of the ward: an admin anywhere, a coordinator in the wards they cover.</summary>
    public static async Task<bool> MayHandleAsync(this RoleScopes scopes, ClaimsPrincipal user, int wardId, CancellationToken cancellationToken) =>
        await scopes.ForAsync(user, cancellationToken) is { } scope && (scope.Holds(Roles.Admin) || scope.HoldsIn(Roles.Coordinator, wardId));

    /// <summary>The wards the caller may handle residents of; null means every ward.</summary>
    public static async Task<IReadOnlySet<int>?> WardsHandledAsync(this RoleScopes scopes, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await scopes.ForAsync(user, cancellationToken);
        if (scope is null)
        {
            return new HashSet<int>();
        }
        if (scope.Holds(Roles.Admin))
        {
            return null;
        }
        return scope.Roles.TryGetValue(Roles.Coordinator, out var coordinator) ? (coordinator.BoroughWide ? null : coordinator.Wards) : new HashSet<int>();
    }
}
