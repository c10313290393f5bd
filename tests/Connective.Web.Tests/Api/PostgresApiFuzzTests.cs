using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Api;

// In the PostgreSQL collection: outside it this class ran beside the collection, which stops the shared cluster when it ends.
[Collection(PostgresTests.Name)]
public sealed class PostgresApiFuzzTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    [PostgresFact]
    public Task Every_operation_answers_bad_input_with_a_problem_and_stores_nothing_outside_its_range() =>
        ApiFuzzChecks.Every_operation_answers_bad_input_with_a_problem_and_stores_nothing_outside_its_range(app.Factory);
}
