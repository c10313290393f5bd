using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Network;

[Collection(PostgresTests.Name)]
public sealed class PostgresConsentPathTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    [PostgresFact]
    public Task A_withdrawal_masks_every_cached_graph_before_it_returns() => ConsentPathChecks.A_withdrawal_masks_every_cached_graph_before_it_returns(app.Factory);

    [PostgresFact]
    public Task An_observed_tie_needs_both_people_to_consent() => ConsentPathChecks.An_observed_tie_needs_both_people_to_consent(app.Factory);

    [PostgresFact]
    public Task Phone_consent_records_the_script_and_withdrawal_keeps_the_record() => ConsentPathChecks.Phone_consent_records_the_script_and_withdrawal_keeps_the_record(app.Factory);
}
