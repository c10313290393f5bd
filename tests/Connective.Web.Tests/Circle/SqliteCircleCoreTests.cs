using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Circle;

public sealed class SqliteCircleCoreTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public Task Regulated_activity_is_offered_only_to_helpers_with_enhanced_and_barred_list() => CircleCoreChecks.Regulated_activity_is_offered_only_to_helpers_with_enhanced_and_barred_list(app.Factory);

    [Fact]
    public Task Meetup_company_needs_no_check() => CircleCoreChecks.Meetup_company_needs_no_check(app.Factory);

    [Fact]
    public Task Address_is_shown_only_to_the_accepted_helper_while_the_task_is_open() => CircleCoreChecks.Address_is_shown_only_to_the_accepted_helper_while_the_task_is_open(app.Factory);

    [Fact]
    public Task Suspending_a_helper_withdraws_every_offered_and_accepted_task() => CircleCoreChecks.Suspending_a_helper_withdraws_every_offered_and_accepted_task(app.Factory);

    [Fact]
    public Task Two_helpers_accepting_the_last_place_at_once_only_one_gets_it() => CircleCoreChecks.Two_helpers_accepting_the_last_place_at_once_only_one_gets_it(app.Factory);

    [Fact]
    public Task A_helper_accepting_two_tasks_at_once_never_goes_over_their_cap() => CircleCoreChecks.A_helper_accepting_two_tasks_at_once_never_goes_over_their_cap(app.Factory);

    [Fact]
    public Task An_offline_requester_gets_each_update_as_a_call_in_the_coordinator_queue() => CircleCoreChecks.An_offline_requester_gets_each_update_as_a_call_in_the_coordinator_queue(app.Factory);

    [Fact]
    public Task A_requester_with_no_network_path_is_offered_only_to_vetted_helpers() => CircleCoreChecks.A_requester_with_no_network_path_is_offered_only_to_vetted_helpers(app.Factory);
}
