using Connective.Web.Data;
using Connective.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Data;

/// <summary>
/// The container is validated when the app starts, in production as in development: every registered service can be
/// built, and no singleton holds a scoped service. A registration that breaks either rule stops the start with the
/// container's message naming the service, rather than failing (or sharing one DbContext between requests) later.
/// </summary>
public sealed class ServiceValidationTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Demo")]
    public void A_singleton_that_captures_a_scoped_service_stops_the_start(string environment)
    {
        using var file = new TempSqliteFile();
        using var factory = new ConnectiveWebFactory(DatabaseProvider.Sqlite, file.ConnectionString, environment, migrateAndSeedOnStart: false,
            configureServices: services => services.AddSingleton<HoldsAContext>());

        var failure = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("Cannot consume scoped service", Flatten(failure), StringComparison.Ordinal);
        Assert.Contains(nameof(HoldsAContext), Flatten(failure), StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_that_cannot_be_built_stops_the_start()
    {
        using var file = new TempSqliteFile();
        using var factory = new ConnectiveWebFactory(DatabaseProvider.Sqlite, file.ConnectionString, "Production", migrateAndSeedOnStart: false,
            configureServices: services => services.AddScoped<NeedsWhatNobodyRegistered>());

        var failure = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("Unable to resolve service for type", Flatten(failure), StringComparison.Ordinal);
        Assert.Contains(nameof(NeedsWhatNobodyRegistered), Flatten(failure), StringComparison.Ordinal);
    }

    /// <summary>The app as it is registers nothing that breaks the rules (the start would throw otherwise).</summary>
    [Fact]
    public void The_apps_own_registrations_pass_validation()
    {
        using var file = new TempSqliteFile();
        using var factory = new ConnectiveWebFactory(DatabaseProvider.Sqlite, file.ConnectionString, "Production", migrateAndSeedOnStart: false);

        using var scope = factory.Services.CreateScope();
        Assert.IsType<SqliteAppDbContext>(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static string Flatten(Exception exception) =>
        exception is AggregateException aggregate
            ? string.Join('\n', aggregate.Flatten().InnerExceptions.Select(Flatten))
            : exception.Message + (exception.InnerException is { } inner ? "\n" + Flatten(inner) : "");

    internal sealed class HoldsAContext(AppDbContext db)
    {
        public AppDbContext Db { get; } = db;
    }

    internal sealed class NeedsWhatNobodyRegistered(IComparer<Guid> nobodyRegistersThis)
    {
        public IComparer<Guid> Comparer { get; } = nobodyRegistersThis;
    }
}
