using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Circle;

[Collection(PostgresTests.Name)]
public sealed class PostgresCircleCommunityTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    [PostgresFact]
    public Task The_last_place_goes_to_one_person_however_many_ask_at_once() => MeetupsChecks.The_last_place_goes_to_one_person_however_many_ask_at_once(app.Factory);

    [PostgresFact]
    public Task A_join_that_loses_the_race_to_the_same_join_is_joined() => MeetupsChecks.A_join_that_loses_the_race_to_the_same_join_is_joined(app.Factory);

    [PostgresFact]
    public Task A_join_refused_for_another_reason_is_not_taken_for_a_duplicate() => MeetupsChecks.A_join_refused_for_another_reason_is_not_taken_for_a_duplicate(app.Factory);

    [PostgresFact]
    public Task A_booking_that_loses_the_race_to_the_same_booking_is_already_booked() => MeetupsChecks.A_booking_that_loses_the_race_to_the_same_booking_is_already_booked(app.Factory);

    [PostgresFact]
    public Task Three_shared_meetups_within_90_days_make_an_observed_tie_only_with_consent() => MeetupsChecks.Three_shared_meetups_within_90_days_make_an_observed_tie_only_with_consent(app.Factory);

    [PostgresFact]
    public Task A_concern_reaches_only_the_safeguarding_lead_and_every_step_is_audited() => SafeguardingChecks.A_concern_reaches_only_the_safeguarding_lead_and_every_step_is_audited(app.Factory);
}
