using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Circle;

public sealed class SqliteCircleMatchingTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public Task The_ranking_from_the_database_keeps_its_order_and_words() => CircleMatchingChecks.The_ranking_from_the_database_keeps_its_order_and_words(app.Factory);
}
