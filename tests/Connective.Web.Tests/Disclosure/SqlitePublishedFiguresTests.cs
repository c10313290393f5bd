using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Disclosure;

public sealed class SqlitePublishedFiguresTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public Task No_anonymous_response_contains_a_count_from_one_to_seven() => PublishedFiguresChecks.No_anonymous_response_contains_a_count_from_one_to_seven(app.Factory);

    [Fact]
    public Task No_aggregate_figure_a_resident_sees_is_a_count_from_one_to_seven() => PublishedFiguresChecks.No_aggregate_figure_a_resident_sees_is_a_count_from_one_to_seven(app.Factory);

    [Fact]
    public Task The_api_documents_that_counts_may_be_suppressed() => PublishedFiguresChecks.The_api_documents_that_counts_may_be_suppressed(app.Factory);

    [Fact]
    public void The_rules_find_small_counts_in_json_and_pages() => PublishedFiguresChecks.The_rules_find_small_counts_in_json_and_pages();
}
