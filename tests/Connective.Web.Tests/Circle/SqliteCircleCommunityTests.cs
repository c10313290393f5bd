using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Circle;

public sealed class SqliteCircleCommunityTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public Task The_last_place_goes_to_one_person_however_many_ask_at_once() => MeetupsChecks.The_last_place_goes_to_one_person_however_many_ask_at_once(app.Factory);

    [Fact]
    public Task A_resident_organiser_sees_first_names_and_initials_and_staff_see_full_names() => MeetupsChecks.A_resident_organiser_sees_first_names_and_initials_and_staff_see_full_names(app.Factory);

    [Fact]
    public Task A_join_that_loses_the_race_to_the_same_join_is_joined() => MeetupsChecks.A_join_that_loses_the_race_to_the_same_join_is_joined(app.Factory);

    [Fact]
    public Task A_join_refused_for_another_reason_is_not_taken_for_a_duplicate() => MeetupsChecks.A_join_refused_for_another_reason_is_not_taken_for_a_duplicate(app.Factory);

    [Fact]
    public Task A_booking_that_loses_the_race_to_the_same_booking_is_already_booked() => MeetupsChecks.A_booking_that_loses_the_race_to_the_same_booking_is_already_booked(app.Factory);

    [Fact]
    public Task Three_shared_meetups_within_90_days_make_an_observed_tie_only_with_consent() => MeetupsChecks.Three_shared_meetups_within_90_days_make_an_observed_tie_only_with_consent(app.Factory);

    [Fact]
    public void Pairs_are_counted_per_shared_meetup() => MeetupsChecks.Pairs_are_counted_per_shared_meetup();

    [Fact]
    public Task A_concern_reaches_only_the_safeguarding_lead_and_every_step_is_audited() => SafeguardingChecks.A_concern_reaches_only_the_safeguarding_lead_and_every_step_is_audited(app.Factory);
}
