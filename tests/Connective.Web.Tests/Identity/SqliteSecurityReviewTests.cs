using Connective.Web.Data;
using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Identity;

public sealed class SqliteSecurityReviewTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public Task A_reset_asked_with_a_forged_host_mails_a_link_to_the_configured_base_url() => SecurityReviewChecks.A_reset_asked_with_a_forged_host_mails_a_link_to_the_configured_base_url(app.Factory);

    [Fact]
    public Task A_role_granted_to_a_signed_in_account_needs_a_new_sign_in_with_a_second_factor() => SecurityReviewChecks.A_role_granted_to_a_signed_in_account_needs_a_new_sign_in_with_a_second_factor(app.Factory);

    [Fact]
    public Task Coordinators_need_a_second_factor_and_the_staff_idle_timeout() => SecurityReviewChecks.Coordinators_need_a_second_factor_and_the_staff_idle_timeout(app.Factory);

    [Fact]
    public Task A_session_cookie_copied_before_sign_out_stops_working() => SecurityReviewChecks.A_session_cookie_copied_before_sign_out_stops_working(app.Factory);

    [Fact]
    public Task Sign_up_does_not_reveal_a_registered_address_and_mails_its_owner_at_most_daily() => SecurityReviewChecks.Sign_up_does_not_reveal_a_registered_address_and_mails_its_owner_at_most_daily(app.Factory);

    [Fact]
    public Task Every_state_changing_api_endpoint_refuses_a_cross_origin_form_post() => SecurityReviewChecks.Every_state_changing_api_endpoint_refuses_a_cross_origin_form_post(app.Factory);

    [Fact]
    public Task Every_signed_in_page_and_api_response_is_marked_no_store() => SecurityReviewChecks.Every_signed_in_page_and_api_response_is_marked_no_store(app.Factory);

    [Fact]
    public Task The_demo_outbox_shows_each_browser_only_its_own_mail() => SecurityReviewChecks.The_demo_outbox_shows_each_browser_only_its_own_mail(app.Factory);

    [Fact]
    public Task Erasure_and_downloads_need_a_recent_sign_in() => SecurityReviewChecks.Erasure_and_downloads_need_a_recent_sign_in(app.Factory);

    [Fact]
    public Task Name_searches_find_apostrophes_and_hyphens_and_searches_are_audited() => SecurityReviewChecks.Name_searches_find_apostrophes_and_hyphens_and_searches_are_audited(app.Factory);

    [Fact]
    public Task Sign_ins_failures_and_lockouts_are_audited() => SecurityReviewChecks.Sign_ins_failures_and_lockouts_are_audited(app.Factory);

    [Fact]
    public async Task In_production_a_request_for_another_host_is_refused()
    {
        using var file = new TempSqliteFile();
        await using var production = new ConnectiveWebFactory(DatabaseProvider.Sqlite, file.ConnectionString, environment: "Production");
        await SecurityReviewChecks.In_production_a_request_for_another_host_is_refused(production);
    }

    [Fact]
    public void Production_refuses_to_start_without_a_public_base_url()
    {
        using var file = new TempSqliteFile();
        using var production = new ConnectiveWebFactory(DatabaseProvider.Sqlite, file.ConnectionString, environment: "Production", publicBaseUrl: null);
        SecurityReviewChecks.Production_refuses_to_start_without_a_public_base_url(production);
    }
}
