using Connective.Web.Data;
using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Identity;

[Collection(PostgresTests.Name)]
public sealed class PostgresSecondFactorTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    [PostgresFact]
    public Task Staff_without_a_second_factor_get_no_session_until_they_set_up_an_authenticator() => SecondFactorChecks.Staff_without_a_second_factor_get_no_session_until_they_set_up_an_authenticator(app.Factory);

    [PostgresFact]
    public Task Authenticator_code_sign_in_works_and_a_wrong_code_is_refused() => SecondFactorChecks.Authenticator_code_sign_in_works_and_a_wrong_code_is_refused(app.Factory);

    [PostgresFact]
    public Task A_recovery_code_signs_in_once() => SecondFactorChecks.A_recovery_code_signs_in_once(app.Factory);

    [PostgresFact]
    public Task Staff_sessions_end_after_30_idle_minutes_and_residents_stay_signed_in() => SecondFactorChecks.Staff_sessions_end_after_30_idle_minutes_and_residents_stay_signed_in(app.Factory);

    [PostgresFact]
    public Task Exports_need_a_recent_sign_in_and_confirming_it_is_you_restores_access() => SecondFactorChecks.Exports_need_a_recent_sign_in_and_confirming_it_is_you_restores_access(app.Factory);

    [PostgresFact]
    public Task Data_protection_keys_are_stored_in_the_database() => SecondFactorChecks.Data_protection_keys_are_stored_in_the_database(app.Factory);

    [PostgresFact]
    public async Task In_production_data_protection_keys_are_encrypted_with_the_certificate()
    {
        var cluster = await PostgresCluster.SharedAsync();
        await using var production = new ConnectiveWebFactory(DatabaseProvider.Postgres, await cluster.CreateDatabaseAsync(), environment: "Production");
        await SecondFactorChecks.In_production_data_protection_keys_are_encrypted_with_the_certificate(production);
    }
}
