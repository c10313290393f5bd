using Connective.Web.Tests.Fixtures;
using Xunit.Abstractions;

namespace Connective.Web.Tests.Authorization;

public sealed class SqliteAuthorizationMatrixTests(SqliteAppFixture app, ITestOutputHelper output) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public void Every_endpoint_has_a_complete_entry() => AuthorizationMatrixChecks.Every_endpoint_has_a_complete_entry(app.Factory, output);

    [Fact]
    public Task Every_cell_gets_its_stated_outcome() => AuthorizationMatrixChecks.Every_cell_gets_its_stated_outcome(app.Factory, output);
}
