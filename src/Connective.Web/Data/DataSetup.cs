using Connective.Web.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Connective.Web.Data;

/// <summary>The database provider: SQLite (embedded default) or PostgreSQL.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>`Database` settings (also from environment variables, e.g. Database__Provider=Postgres).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Migrate the database and seed the demo borough when the app starts. On by default only in the Demo and
    /// Development environments; production runs `migrate` explicitly.
    /// </summary>
    public bool? MigrateAndSeedOnStart { get; set; }
}

/// <summary>The database: one EF Core model on SQLite (default) or PostgreSQL, chosen by configuration.</summary>
internal static class DataSetup
{
    /// <summary>The SQLite file used when ConnectionStrings:Connective is not set, relative to the content root.</summary>
    public const string DefaultSqliteFile = "App_Data/connective.db";

    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        var connectionString = builder.Configuration.GetConnectionString("Connective");

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(connectionString, builder.Environment.ContentRootPath);
                builder.Services.AddDbContext<AppDbContext, SqliteAppDbContext>(db => db.UseSqlite(sqlite).AddInterceptors(new SqliteBusyTimeout()));
                break;
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Connective is not set. Set it (or the environment variable " +
                        "ConnectionStrings__Connective), e.g. \"Host=127.0.0.1;Port=5432;Database=connective;Username=connective;Password=…\".");
                }
                builder.Services.AddDbContext<AppDbContext, PostgresAppDbContext>(db => db.UseNpgsql(connectionString));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported: use Sqlite or Postgres.");
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);

        // Hosted services start only when the app serves, never for `migrate` or `seed`.
        var migrateOnStart = options.MigrateAndSeedOnStart
            ?? (builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Demo"));
        if (migrateOnStart)
        {
            builder.Services.AddHostedService<DemoDatabaseStartup>();
        }
        return builder;
    }

    /// <summary>The SQLite connection string, with a relative file resolved against the content root and its folder created.</summary>
    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? $"Data Source={DefaultSqliteFile}" : configured);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        return builder.ToString();
    }
}

/// <summary>
/// In Demo and Development: migrate, then seed the demo borough if the database is new, before the app serves.
/// It runs in <see cref="StartingAsync"/>, which the host calls for every lifecycle service before it starts any hosted
/// service: the data-protection key ring's own hosted service reads the DataProtectionKeys table when it starts, and
/// on a new database that table must exist by then.
/// </summary>
internal sealed class DemoDatabaseStartup(IServiceScopeFactory scopes, ILogger<DemoDatabaseStartup> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        var demo = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoOptions>>().Value;
        await seeder.MigrateAsync(markAsRealIfNew: false, cancellationToken);
        var result = await seeder.SeedAsync(demo.Residents, demo.Seed, cancellationToken, quietIfSeeded: true);
        if (result.Seeded)
        {
            logger.LogInformation("{Outcome}", result.Message);
        }
        else if (!result.AlreadySeededDemo)
        {
            logger.LogWarning("Not seeding the demo borough: {Reason}", result.Message);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>/health/ready: the database answers and has every migration applied.</summary>
internal sealed class DatabaseReadyCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("The database is reachable and up to date.")
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied; run `migrate`.");
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", exception);
        }
    }
}

/// <summary>
/// Every SQLite connection waits up to 10 s for another writer's lock instead of failing at once: the web requests, the
/// Circle scheduler and the network rebuild share one file, and SQLite allows one writer at a time.
/// </summary>
internal sealed class SqliteBusyTimeout : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 10000;";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 10000;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
