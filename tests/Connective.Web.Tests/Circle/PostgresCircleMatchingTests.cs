using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Circle;

[Collection(PostgresTests.Name)]
public sealed class PostgresCircleMatchingTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    [PostgresFact]
    public Task The_ranking_from_the_database_keeps_its_order_and_words() => CircleMatchingChecks.The_ranking_from_the_database_keeps_its_order_and_words(app.Factory);
}
