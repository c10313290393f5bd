using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Services;

public sealed class SqliteServicesTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public Task Export_validates_against_the_official_HSDS_schemas() => ServicesChecks.Export_validates_against_the_official_HSDS_schemas(app.Factory);

    [Fact]
    public void The_schema_check_rejects_a_service_the_standard_rejects() => ServicesChecks.The_schema_check_rejects_a_service_the_standard_rejects();

    [Fact]
    public Task Read_endpoints_page_as_the_standard_does() => ServicesChecks.Read_endpoints_page_as_the_standard_does(app.Factory);

    [Fact]
    public Task Import_is_all_or_nothing_and_names_each_error_by_its_path() => ServicesChecks.Import_is_all_or_nothing_and_names_each_error_by_its_path(app.Factory);

    [Fact]
    public Task Import_of_a_corrected_file_writes_and_keeps_history() => ServicesChecks.Import_of_a_corrected_file_writes_and_keeps_history(app.Factory);

    [Fact]
    public Task Search_is_ranked_typo_tolerant_and_filters_by_need_and_ward() => ServicesChecks.Search_is_ranked_typo_tolerant_and_filters_by_need_and_ward(app.Factory);

    [Fact]
    public Task Feedback_is_anonymous_in_public_and_named_to_the_manager_only_when_allowed() =>
        ServicesChecks.Feedback_is_anonymous_in_public_and_named_to_the_manager_only_when_allowed(app.Factory);

    [Fact]
    public Task Problem_reports_have_a_deadline_and_show_as_overdue() => ServicesChecks.Problem_reports_have_a_deadline_and_show_as_overdue(app.Factory);

    [Fact]
    public Task Public_dashboard_is_published_under_disclosure_control_and_staff_see_exact_figures() =>
        ServicesChecks.Public_dashboard_is_published_under_disclosure_control_and_staff_see_exact_figures(app.Factory);

    [Fact]
    public Task Pilot_measures_are_fixed_and_the_decision_waits_for_review() => ServicesChecks.Pilot_measures_are_fixed_and_the_decision_waits_for_review(app.Factory);

    [Fact]
    public Task A_correction_is_applied_only_when_accepted_and_kept_in_the_history() => ServicesChecks.A_correction_is_applied_only_when_accepted_and_kept_in_the_history(app.Factory);
}
