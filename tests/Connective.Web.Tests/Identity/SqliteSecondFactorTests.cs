using Connective.Web.Data;
using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Identity;

public sealed class SqliteSecondFactorTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public Task Staff_without_a_second_factor_get_no_session_until_they_set_up_an_authenticator() => SecondFactorChecks.Staff_without_a_second_factor_get_no_session_until_they_set_up_an_authenticator(app.Factory);

    [Fact]
    public Task Every_role_that_sees_other_people_gets_no_session_from_a_password_alone() => SecondFactorChecks.Every_role_that_sees_other_people_gets_no_session_from_a_password_alone(app.Factory);

    [Fact]
    public Task Authenticator_code_sign_in_works_and_a_wrong_code_is_refused() => SecondFactorChecks.Authenticator_code_sign_in_works_and_a_wrong_code_is_refused(app.Factory);

    [Fact]
    public Task A_recovery_code_signs_in_once() => SecondFactorChecks.A_recovery_code_signs_in_once(app.Factory);

    [Fact]
    public Task Staff_sessions_end_after_30_idle_minutes_and_residents_stay_signed_in() => SecondFactorChecks.Staff_sessions_end_after_30_idle_minutes_and_residents_stay_signed_in(app.Factory);

    [Fact]
    public Task Exports_need_a_recent_sign_in_and_confirming_it_is_you_restores_access() => SecondFactorChecks.Exports_need_a_recent_sign_in_and_confirming_it_is_you_restores_access(app.Factory);

    [Fact]
    public Task Data_protection_keys_are_stored_in_the_database() => SecondFactorChecks.Data_protection_keys_are_stored_in_the_database(app.Factory);

    [Fact]
    public async Task In_production_data_protection_keys_are_encrypted_with_the_certificate()
    {
        using var file = new TempSqliteFile();
        await using var production = new ConnectiveWebFactory(DatabaseProvider.Sqlite, file.ConnectionString, environment: "Production");
        await SecondFactorChecks.In_production_data_protection_keys_are_encrypted_with_the_certificate(production);
    }

    [Fact]
    public async Task Production_refuses_to_start_without_a_data_protection_certificate()
    {
        using var file = new TempSqliteFile();
        await using var production = new ConnectiveWebFactory(DatabaseProvider.Sqlite, file.ConnectionString, environment: "Production");
        SecondFactorChecks.Production_refuses_to_start_without_a_data_protection_certificate(production);
    }
}
