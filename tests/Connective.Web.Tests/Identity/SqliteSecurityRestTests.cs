using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Identity;

public sealed class SqliteSecurityRestTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public Task Removal_for_harm_needs_a_connected_helper_confirmed_by_name_and_only_the_lead_lifts_it() => SecurityRestChecks.Removal_for_harm_needs_a_connected_helper_confirmed_by_name_and_only_the_lead_lifts_it(app.Factory);

    [Fact]
    public Task An_authenticator_code_works_only_once() => SecurityRestChecks.An_authenticator_code_works_only_once(app.Factory);

    [Fact]
    public Task A_huge_email_address_is_refused_on_every_form_naming_the_field() => SecurityRestChecks.A_huge_email_address_is_refused_on_every_form_naming_the_field(app.Factory);

    [Fact]
    public Task Callers_who_may_not_call_are_refused_before_the_body_is_read() => SecurityRestChecks.Callers_who_may_not_call_are_refused_before_the_body_is_read(app.Factory);

    [Fact]
    public Task Names_with_bidirectional_controls_are_isolated_on_every_page() => SecurityRestChecks.Names_with_bidirectional_controls_are_isolated_on_every_page(app.Factory);

    [Fact]
    public Task The_audit_search_says_when_a_filter_cannot_be_read() => SecurityRestChecks.The_audit_search_says_when_a_filter_cannot_be_read(app.Factory);
}
