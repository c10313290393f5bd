using Connective.Web.Data;
using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Data;

[Collection(PostgresTests.Name)]
public sealed class PostgresDatabaseTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    [PostgresFact]
    public Task Migrations_are_all_applied() => DatabaseChecks.Migrations_are_all_applied(app.Factory);

    [PostgresFact]
    public Task Model_has_no_changes_missing_from_the_migrations() =>
        DatabaseChecks.Model_has_no_changes_missing_from_the_migrations(app.Factory, typeof(PostgresAppDbContext));

    [PostgresFact]
    public Task Demo_borough_is_seeded_once_and_marked_as_demo() => DatabaseChecks.Demo_borough_is_seeded_once_and_marked_as_demo(app.Factory);

    [PostgresFact]
    public Task Ties_are_stored_once_with_the_lower_id_first() => DatabaseChecks.Ties_are_stored_once_with_the_lower_id_first(app.Factory);

    [PostgresFact]
    public async Task Seeding_is_refused_on_a_database_that_is_not_a_demo()
    {
        var cluster = await PostgresCluster.SharedAsync();
        await using var factory = new ConnectiveWebFactory(DatabaseProvider.Postgres, await cluster.CreateDatabaseAsync(), environment: "Production");

        await DatabaseChecks.Seeding_is_refused_on_a_database_that_is_not_a_demo(factory);
    }
}
