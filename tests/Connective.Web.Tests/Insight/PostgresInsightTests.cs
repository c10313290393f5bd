using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Insight;

[Collection(PostgresTests.Name)]
public sealed class PostgresInsightTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    [PostgresFact]
    public Task A_resident_without_consent_appears_nowhere_in_Insight() => InsightChecks.A_resident_without_consent_appears_nowhere_in_Insight(app.Factory);

    [PostgresFact]
    public Task A_bereavement_flags_the_person_and_close_ties_until_consent_is_withdrawn() => InsightChecks.A_bereavement_flags_the_person_and_close_ties_until_consent_is_withdrawn(app.Factory);

    [PostgresFact]
    public Task Views_state_who_is_left_out_and_how_old_the_figures_are_and_person_views_are_audited() => InsightChecks.Views_state_who_is_left_out_and_how_old_the_figures_are_and_person_views_are_audited(app.Factory);

    [PostgresFact]
    public Task Isolation_and_ward_figures_come_from_the_consented_network() => InsightChecks.Isolation_and_ward_figures_come_from_the_consented_network(app.Factory);
}
