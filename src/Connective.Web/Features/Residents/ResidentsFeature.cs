namespace Connective.Web.Features.Residents;

/// <summary>Residents without a login: records made by coordinators, consent taken on the phone, acting on their behalf.</summary>
internal static class ResidentsFeature
{
    public static WebApplicationBuilder AddResidents(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ResidentRecords>();
        builder.Services.AddScoped<PhoneConsent>();
        return builder;
    }
}
