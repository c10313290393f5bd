using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Disclosure;

[Collection(PostgresTests.Name)]
public sealed class PostgresPublishedFiguresTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    [PostgresFact]
    public Task No_anonymous_response_contains_a_count_from_one_to_seven() => PublishedFiguresChecks.No_anonymous_response_contains_a_count_from_one_to_seven(app.Factory);

    [PostgresFact]
    public Task No_aggregate_figure_a_resident_sees_is_a_count_from_one_to_seven() => PublishedFiguresChecks.No_aggregate_figure_a_resident_sees_is_a_count_from_one_to_seven(app.Factory);
}
