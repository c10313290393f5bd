using Connective.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Fixtures;

/// <summary>
/// The real app in memory (WebApplicationFactory) against a real database. Settings go in as host settings, the way
/// environment variables would, so the app reads them exactly as it does in production.
/// </summary>
public sealed class ConnectiveWebFactory(
    DatabaseProvider provider, string connectionString, string environment = "Demo", int demoResidents = 1_000,
    Action<IServiceCollection>? configureServices = null, bool migrateAndSeedOnStart = true, string? publicBaseUrl = ConnectiveWebFactory.TestPublicBaseUrl,
    IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    /// <summary>
    /// Outside Development and Demo the app needs its public address; the tests' clients call https://localhost, so
    /// that is the one address (and Host) production accepts here. Development and Demo default to the listening address.
    /// </summary>
    public const string TestPublicBaseUrl = "https://localhost/";

    public DatabaseProvider Provider { get; } = provider;

    public string ConnectionString { get; } = connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Connective", ConnectionString);
        builder.UseSetting("Demo:Residents", demoResidents.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("DataProtection:CertificatePath", TestCertificate.PfxPath).UseSetting("DataProtection:CertificatePassword", TestCertificate.Password);
        if (publicBaseUrl is not null && environment is not ("Demo" or "Development"))
        {
            builder.UseSetting("Platform:PublicBaseUrl", publicBaseUrl);
        }
        if (!migrateAndSeedOnStart)
        {
            builder.UseSetting("Database:MigrateAndSeedOnStart", "false");
        }
        if (configureServices is not null)
        {
            builder.ConfigureServices(configureServices);
        }
        // Every test client shares one address; the rate-limit test lowers this again for itself.
        builder.UseSetting("RateLimits:AccountFormPostsPerMinute", "100000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A scope for reaching the app's services (the DbContext, the seeder) directly.</summary>
    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();
}
