using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Circle;

public sealed class SqliteCircleCoordinationTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public Task A_coordinator_sees_and_acts_only_in_the_wards_they_cover() => CircleCoordinationChecks.A_coordinator_sees_and_acts_only_in_the_wards_they_cover(app.Factory);

    [Fact]
    public Task A_phone_request_needs_the_residents_consent_and_is_audited_with_both_ids() =>
        CircleCoordinationChecks.A_phone_request_needs_the_residents_consent_and_is_audited_with_both_ids(app.Factory);

    [Fact]
    public Task The_vetting_page_records_checks_and_suspends_and_reinstates() => CircleCoordinationChecks.The_vetting_page_records_checks_and_suspends_and_reinstates(app.Factory);

    [Fact]
    public Task Removal_for_harm_suspends_the_helper_and_withdraws_their_tasks() => CircleCoordinationChecks.Removal_for_harm_suspends_the_helper_and_withdraws_their_tasks(app.Factory);

    [Fact]
    public Task Erasing_a_helper_and_a_requester_keeps_what_must_be_kept_and_leaves_no_dangling_rows() =>
        CircleCoordinationChecks.Erasing_a_helper_and_a_requester_keeps_what_must_be_kept_and_leaves_no_dangling_rows(app.Factory);

    [Fact]
    public Task Organising_a_meetup_tells_people_with_a_place_of_changes_and_cancellation() =>
        CircleCoordinationChecks.Organising_a_meetup_tells_people_with_a_place_of_changes_and_cancellation(app.Factory);
}
