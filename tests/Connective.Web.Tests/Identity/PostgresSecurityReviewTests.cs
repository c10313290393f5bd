using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Identity;

[Collection(PostgresTests.Name)]
public sealed class PostgresSecurityReviewTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    [PostgresFact]
    public Task A_reset_asked_with_a_forged_host_mails_a_link_to_the_configured_base_url() => SecurityReviewChecks.A_reset_asked_with_a_forged_host_mails_a_link_to_the_configured_base_url(app.Factory);

    [PostgresFact]
    public Task A_role_granted_to_a_signed_in_account_needs_a_new_sign_in_with_a_second_factor() => SecurityReviewChecks.A_role_granted_to_a_signed_in_account_needs_a_new_sign_in_with_a_second_factor(app.Factory);

    [PostgresFact]
    public Task Coordinators_need_a_second_factor_and_the_staff_idle_timeout() => SecurityReviewChecks.Coordinators_need_a_second_factor_and_the_staff_idle_timeout(app.Factory);

    [PostgresFact]
    public Task A_session_cookie_copied_before_sign_out_stops_working() => SecurityReviewChecks.A_session_cookie_copied_before_sign_out_stops_working(app.Factory);

    [PostgresFact]
    public Task Sign_up_does_not_reveal_a_registered_address_and_mails_its_owner_at_most_daily() => SecurityReviewChecks.Sign_up_does_not_reveal_a_registered_address_and_mails_its_owner_at_most_daily(app.Factory);

    [PostgresFact]
    public Task Every_state_changing_api_endpoint_refuses_a_cross_origin_form_post() => SecurityReviewChecks.Every_state_changing_api_endpoint_refuses_a_cross_origin_form_post(app.Factory);

    [PostgresFact]
    public Task Every_signed_in_page_and_api_response_is_marked_no_store() => SecurityReviewChecks.Every_signed_in_page_and_api_response_is_marked_no_store(app.Factory);

    [PostgresFact]
    public Task The_demo_outbox_shows_each_browser_only_its_own_mail() => SecurityReviewChecks.The_demo_outbox_shows_each_browser_only_its_own_mail(app.Factory);

    [PostgresFact]
    public Task Erasure_and_downloads_need_a_recent_sign_in() => SecurityReviewChecks.Erasure_and_downloads_need_a_recent_sign_in(app.Factory);

    [PostgresFact]
    public Task Name_searches_find_apostrophes_and_hyphens_and_searches_are_audited() => SecurityReviewChecks.Name_searches_find_apostrophes_and_hyphens_and_searches_are_audited(app.Factory);

    [PostgresFact]
    public Task Sign_ins_failures_and_lockouts_are_audited() => SecurityReviewChecks.Sign_ins_failures_and_lockouts_are_audited(app.Factory);
}
