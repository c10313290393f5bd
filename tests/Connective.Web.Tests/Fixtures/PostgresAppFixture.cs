using Connective.Web.Data;

namespace Connective.Web.Tests.Fixtures;

/// <summary>
/// The app in the Demo environment on a fresh database of the shared test PostgreSQL, migrated and seeded by the app
/// itself at start (1,000 residents). Use it with <see cref="PostgresFactAttribute"/> so tests skip, or fail when
/// CONNECTIVE_REQUIRE_POSTGRES=1, where PostgreSQL is not available.
/// </summary>
public sealed class PostgresAppFixture : IAsyncLifetime
{
    public ConnectiveWebFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.ShouldSkip)
        {
            return; // every test in the class is skipped
        }
        var cluster = await PostgresCluster.SharedAsync();
        Factory = new ConnectiveWebFactory(DatabaseProvider.Postgres, await cluster.CreateDatabaseAsync());
        Factory.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
    }
}

/// <summary>
/// A test that needs PostgreSQL: skipped with the reason when neither the Debian binaries nor CONNECTIVE_TEST_POSTGRES
/// are there, unless CONNECTIVE_REQUIRE_POSTGRES=1, where it runs and fails.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (ShouldSkip)
        {
            Skip = PostgresCluster.UnavailableReason;
        }
    }

    public static bool ShouldSkip =>
        PostgresCluster.UnavailableReason is not null && Environment.GetEnvironmentVariable(PostgresCluster.RequireVariable) != "1";
}
