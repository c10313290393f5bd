using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.DataRights;

[Collection(PostgresTests.Name)]
public sealed class PostgresSafeguardingEnquiryTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    [PostgresFact]
    public Task Who_looked_withholds_an_enquiry_opened_on_the_page_until_the_lead_closes_it() =>
        SafeguardingEnquiryChecks.Who_looked_withholds_an_enquiry_opened_on_the_page_until_the_lead_closes_it(app.Factory);

    [PostgresFact]
    public Task Opening_an_enquiry_needs_a_resident_that_exists_and_a_reason() =>
        SafeguardingEnquiryChecks.Opening_an_enquiry_needs_a_resident_that_exists_and_a_reason(app.Factory);
}
