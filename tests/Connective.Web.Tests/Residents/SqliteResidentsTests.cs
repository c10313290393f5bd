using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Residents;

public sealed class SqliteResidentsTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public Task Own_details_errors_address_the_person_as_you() => ResidentsChecks.Own_details_errors_address_the_person_as_you(app.Factory);

    [Fact]
    public Task A_coordinator_adds_an_offline_resident_and_phone_consent_queues_a_letter() => ResidentsChecks.A_coordinator_adds_an_offline_resident_and_phone_consent_queues_a_letter(app.Factory);

    [Fact]
    public Task Acting_for_a_resident_needs_their_consent_and_audits_both_identities() => ResidentsChecks.Acting_for_a_resident_needs_their_consent_and_audits_both_identities(app.Factory);

    [Fact]
    public Task A_resident_downloads_everything_as_json_and_csv_in_a_zip() => ResidentsChecks.A_resident_downloads_everything_as_json_and_csv_in_a_zip(app.Factory);

    [Fact]
    public Task Who_looked_shows_roles_and_dates_and_withholds_an_open_enquiry() => ResidentsChecks.Who_looked_shows_roles_and_dates_and_withholds_an_open_enquiry(app.Factory);

    [Fact]
    public Task Erasure_removes_the_person_keeps_audit_rows_and_lists_kept_records_with_reasons() => ResidentsChecks.Erasure_removes_the_person_keeps_audit_rows_and_lists_kept_records_with_reasons(app.Factory);

    [Fact]
    public Task A_feature_keeps_a_record_through_its_erasure_participant_and_the_receipt_says_why() => ResidentsChecks.A_feature_keeps_a_record_through_its_erasure_participant_and_the_receipt_says_why(app.Factory);

    [Fact]
    public Task Erasure_on_behalf_of_a_resident_with_ties_runs_through_the_proxy() => ResidentsChecks.Erasure_on_behalf_of_a_resident_with_ties_runs_through_the_proxy(app.Factory);
}
