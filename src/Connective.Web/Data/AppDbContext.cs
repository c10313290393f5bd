using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Connective.Web.Data;

/// <summary>
/// The one EF Core model. Each provider has its own subclass only so that each owns a migration set
/// (Migrations/Sqlite, Migrations/Postgres); the app and its features use <see cref="AppDbContext"/>.
/// </summary>
public abstract partial class AppDbContext(DbContextOptions options) : IdentityDbContext<ConnectiveUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Ward> Wards => Set<Ward>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Resident> Residents => Set<Resident>();
    public DbSet<Tie> Ties => Set<Tie>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<Circle> Circles => Set<Circle>();
    public DbSet<CircleMember> CircleMembers => Set<CircleMember>();
    public DbSet<DatabaseInfo> DatabaseInfo => Set<DatabaseInfo>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<NetworkVersion> NetworkVersions => Set<NetworkVersion>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Identity's own tables (AspNetUsers, AspNetRoles, …) first, then ours. Identity picks its schema version from the
        // app's IdentityOptions (version 3, with AspNetUserPasskeys); `dotnet ef` gets the same from DesignTimeServices.
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

/// <summary>The model on SQLite, the embedded default.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite stores instants as text without a zone; every instant we write is UTC, so read them back as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value, value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

/// <summary>The model on PostgreSQL, for production and several web instances.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);

/// <summary>Lets `dotnet ef` build the SQLite model without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design-time.db")
            .UseApplicationServiceProvider(IdentityStoreSchema.DesignTimeServices).Options);
}

/// <summary>Lets `dotnet ef` build the PostgreSQL model without a server (adding migrations never connects).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=127.0.0.1;Database=connective_design")
            .UseApplicationServiceProvider(IdentityStoreSchema.DesignTimeServices).Options);
}

/// <summary>
/// The version of Identity's tables. IdentityDbContext reads it from the application's IdentityOptions, which `dotnet ef`
/// does not have; the design-time factories hand it these services so that migrations match the running app.
/// </summary>
internal static class IdentityStoreSchema
{
    /// <summary>Version 3 adds AspNetUserPasskeys.</summary>
    public static readonly Version Version = IdentitySchemaVersions.Version3;

    public static readonly IServiceProvider DesignTimeServices = new ServiceCollection()
        .Configure<IdentityOptions>(options => options.Stores.SchemaVersion = Version)
        .BuildServiceProvider();
}
