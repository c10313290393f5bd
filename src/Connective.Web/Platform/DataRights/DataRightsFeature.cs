namespace Connective.Web.Platform.DataRights;

/// <summary>A person's rights over their data: download everything, see who looked, ask for erasure.</summary>
internal static class DataRightsFeature
{
    public const string ZipContentType = "application/zip";

    public static WebApplicationBuilder AddDataRights(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<WhoLooked>();
        builder.Services.AddScoped<PersonalDataExport>();
        // The kernel's own records come first in the download; each area adds its part with AddExportParticipant.
        builder.Services.AddExportParticipant<PlatformExport>();
        builder.Services.AddScoped<PersonErasure>();
        return builder;
    }

    /// <summary>The download's file name: dated, and naming no one.</summary>
    public static string ZipName(DateTime at) => $"connective-my-data-{at:yyyy-MM-dd}.zip";
}
