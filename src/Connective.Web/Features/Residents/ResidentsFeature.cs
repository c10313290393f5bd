namespace Connective.Web.Features.Residents;

/// <summary>Residents without a login: records made by coordinators, consent taken on the phone, acting on their behalf.</summary>
internal static class ResidentsFeature
{
    /// <summary>
    /// Who may open the coordinators' pages. Admins may too (to help and to check them), but only a coordinator can act
    /// for a resident: <see cref="ProxyContext"/> refuses anyone else.
    /// </summary>
    public const string StaffRoles = Account.Roles.Coordinator + "," + Account.Roles.Admin;

    public static WebApplicationBuilder AddResidents(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ResidentRecords>();
        builder.Services.AddScoped<ProxyContext>();
        builder.Services.AddScoped<PhoneConsent>();
        return builder;
    }
}
