using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.DataRights;

[Collection(PostgresTests.Name)]
public sealed class PostgresExportTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    [PostgresFact]
    public Task A_resident_finds_their_help_credits_thanks_and_meetups_in_their_download() =>
        ExportChecks.A_resident_finds_their_help_credits_thanks_and_meetups_in_their_download(app.Factory);
}
