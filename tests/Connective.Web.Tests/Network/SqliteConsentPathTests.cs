using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Network;

public sealed class SqliteConsentPathTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public Task A_withdrawal_masks_every_cached_graph_before_it_returns() => ConsentPathChecks.A_withdrawal_masks_every_cached_graph_before_it_returns(app.Factory);

    [Fact]
    public Task An_observed_tie_needs_both_people_to_consent() => ConsentPathChecks.An_observed_tie_needs_both_people_to_consent(app.Factory);

    [Fact]
    public Task Phone_consent_records_the_script_and_withdrawal_keeps_the_record() => ConsentPathChecks.Phone_consent_records_the_script_and_withdrawal_keeps_the_record(app.Factory);
}
