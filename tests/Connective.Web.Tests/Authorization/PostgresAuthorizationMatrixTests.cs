using Connective.Web.Tests.Fixtures;
using Xunit.Abstractions;

namespace Connective.Web.Tests.Authorization;

[Collection(PostgresTests.Name)]
public sealed class PostgresAuthorizationMatrixTests(PostgresAppFixture app, ITestOutputHelper output) : IClassFixture<PostgresAppFixture>
{
    [PostgresFact]
    public void Every_endpoint_has_a_complete_entry() => AuthorizationMatrixChecks.Every_endpoint_has_a_complete_entry(app.Factory, output);

    [PostgresFact]
    public Task Every_cell_gets_its_stated_outcome() => AuthorizationMatrixChecks.Every_cell_gets_its_stated_outcome(app.Factory, output);
}
