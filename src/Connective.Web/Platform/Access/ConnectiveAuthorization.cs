using Microsoft.AspNetCore.Authorization;

namespace Connective.Web.Platform.Access;

/// <summary>
/// Who may see and do what, in one place: the named policies pages and endpoints ask for, and the resource rules
/// (<see cref="ResidentRules"/>, <see cref="WardRules"/>) for decisions that depend on whose data it is.
/// Every rule reads the caller's roles and their ward scopes through <see cref="RoleScopes"/>.
/// </summary>
public static class ConnectiveAuthorization
{
    public static IServiceCollection AddConnectiveAuthorization(this IServiceCollection services)
    {
        services.AddScoped<RoleScopes>();
        services.AddRecentSignInPolicy();
        services.AddScoped<RoleGrants>();
        services.AddScoped<IAuthorizationHandler, HoldsRoleHandler>();
        services.AddScoped<IAuthorizationHandler, ResidentRules>();
        services.AddScoped<IAuthorizationHandler, WardRules>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, policy => policy.RequireAuthenticatedUser().AddRequirements(new HoldsRoleRequirement(Roles.SeeNamedPeople)))
            .AddPolicy(Policies.Admin, policy => policy.RequireAuthenticatedUser().AddRequirements(new HoldsRoleRequirement([Roles.Admin])))
            .AddPolicy(Policies.SafeguardingLead, policy => policy.RequireAuthenticatedUser().AddRequirements(new HoldsRoleRequirement([Roles.SafeguardingLead])));
        return services;
    }
}

/// <summary>The caller holds at least one of the roles, in any scope, according to the database now.</summary>
public sealed class HoldsRoleRequirement(IReadOnlyList<string> roles) : IAuthorizationRequirement
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

internal sealed class HoldsRoleHandler(RoleScopes scopes) : AuthorizationHandler<HoldsRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, HoldsRoleRequirement requirement)
    {
        if (await scopes.ForAsync(context.User) is { } scope && scope.HoldsAny(requirement.Roles))
        {
            context.Succeed(requirement);
        }
    }
}
