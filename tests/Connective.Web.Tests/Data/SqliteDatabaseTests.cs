using Connective.Web.Data;
using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Data;

public sealed class SqliteDatabaseTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public Task Migrations_are_all_applied() => DatabaseChecks.Migrations_are_all_applied(app.Factory);

    [Fact]
    public Task Model_has_no_changes_missing_from_the_migrations() =>
        DatabaseChecks.Model_has_no_changes_missing_from_the_migrations(app.Factory, typeof(SqliteAppDbContext));

    [Fact]
    public Task Demo_borough_is_seeded_once_and_marked_as_demo() => DatabaseChecks.Demo_borough_is_seeded_once_and_marked_as_demo(app.Factory);

    [Fact]
    public Task Ties_are_stored_once_with_the_lower_id_first() => DatabaseChecks.Ties_are_stored_once_with_the_lower_id_first(app.Factory);

    [Fact]
    public async Task Seeding_is_refused_on_a_database_that_is_not_a_demo()
    {
        using var file = new TempSqliteFile();
        await using var factory = new ConnectiveWebFactory(DatabaseProvider.Sqlite, file.ConnectionString, environment: "Production");

        await DatabaseChecks.Seeding_is_refused_on_a_database_that_is_not_a_demo(factory);
    }

    [Fact]
    public void Relative_sqlite_paths_are_under_the_content_root()
    {
        var root = Path.Combine(Path.GetTempPath(), "connective-root-" + Guid.NewGuid().ToString("N"));
        try
        {
            var connectionString = DataSetup.SqliteConnectionString(null, root);

            Assert.Contains(Path.Combine(root, "App_Data", "connective.db"), connectionString, StringComparison.Ordinal);
            Assert.True(Directory.Exists(Path.Combine(root, "App_Data")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
