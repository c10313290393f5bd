using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Authorization;

[Collection(PostgresTests.Name)]
public sealed class PostgresAuthorizationTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    [PostgresFact]
    public Task Coordinators_of_two_wards_each_see_only_their_own_ward() => RoleScopeChecks.Coordinators_of_two_wards_each_see_only_their_own_ward(app.Factory);

    [PostgresFact]
    public Task Granting_and_revoking_a_ward_role_is_audited_and_takes_effect_on_the_next_request() => RoleScopeChecks.Granting_and_revoking_a_ward_role_is_audited_and_takes_effect_on_the_next_request(app.Factory);

    [PostgresFact]
    public Task A_coordinator_reads_the_members_of_a_circle_they_coordinate_in_another_ward() => RoleScopeChecks.A_coordinator_reads_the_members_of_a_circle_they_coordinate_in_another_ward(app.Factory);

    [PostgresFact]
    public Task A_slowed_down_account_answers_like_an_unknown_address() => AccountProtectionChecks.A_slowed_down_account_answers_like_an_unknown_address(app.Factory);

    [PostgresFact]
    public Task Sign_up_and_reset_answer_the_same_for_registered_and_unregistered_addresses() => AccountProtectionChecks.Sign_up_and_reset_answer_the_same_for_registered_and_unregistered_addresses(app.Factory);

    [PostgresFact]
    public Task Sign_up_submissions_are_rate_limited() => AccountProtectionChecks.Sign_up_submissions_are_rate_limited(app.Factory);
}
