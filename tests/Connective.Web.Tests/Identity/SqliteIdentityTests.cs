using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Identity;

public sealed class SqliteIdentityTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public Task Sign_up_confirm_through_the_outbox_sign_in_and_sign_out() => IdentityChecks.Sign_up_confirm_through_the_outbox_sign_in_and_sign_out(app.Factory);

    [Fact]
    public Task Sign_up_with_a_registered_address_looks_the_same_as_a_new_one() => IdentityChecks.Sign_up_with_a_registered_address_looks_the_same_as_a_new_one(app.Factory);

    [Fact]
    public Task Sign_in_gives_the_same_answer_for_an_unknown_address_and_a_wrong_password() => IdentityChecks.Sign_in_gives_the_same_answer_for_an_unknown_address_and_a_wrong_password(app.Factory);

    [Fact]
    public Task Failed_sign_ins_slow_a_resident_down_without_locking_them_out_and_lock_staff() => IdentityChecks.Failed_sign_ins_slow_a_resident_down_without_locking_them_out_and_lock_staff(app.Factory);

    [Fact]
    public Task Password_reset_through_the_outbox_and_no_mail_for_an_unknown_address() => IdentityChecks.Password_reset_through_the_outbox_and_no_mail_for_an_unknown_address(app.Factory);

    [Fact]
    public Task Sign_in_page_lists_a_demo_account_for_every_role_in_a_demo_database() => IdentityChecks.Sign_in_page_lists_a_demo_account_for_every_role_in_a_demo_database(app.Factory);

    [Fact]
    public Task Named_person_pages_need_a_staff_role_and_each_view_is_audited() => IdentityChecks.Named_person_pages_need_a_staff_role_and_each_view_is_audited(app.Factory);

    [Fact]
    public Task Only_admins_can_search_the_audit_log() => IdentityChecks.Only_admins_can_search_the_audit_log(app.Factory);

    [Fact]
    public Task Audit_entries_cannot_be_updated_or_deleted_with_raw_sql() => IdentityChecks.Audit_entries_cannot_be_updated_or_deleted_with_raw_sql(app.Factory);

    [Fact]
    public Task Account_form_submissions_are_rate_limited() => IdentityChecks.Account_form_submissions_are_rate_limited(app.Factory);

    [Fact]
    public Task A_resident_gives_and_withdraws_consent_and_network_figures_follow() => IdentityChecks.A_resident_gives_and_withdraws_consent_and_network_figures_follow(app.Factory);
}
