using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.DataRights;

public sealed class SqliteExportTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public Task A_resident_finds_their_help_credits_thanks_and_meetups_in_their_download() =>
        ExportChecks.A_resident_finds_their_help_credits_thanks_and_meetups_in_their_download(app.Factory);

    [Fact]
    public Task Every_entity_that_refers_to_a_person_is_exported_or_withheld_with_a_reason() =>
        ExportChecks.Every_entity_that_refers_to_a_person_is_exported_or_withheld_with_a_reason(app.Factory);

    [Fact]
    public Task The_completeness_check_names_an_entity_nobody_exports() =>
        ExportChecks.The_completeness_check_names_an_entity_nobody_exports(app.Factory);
}
