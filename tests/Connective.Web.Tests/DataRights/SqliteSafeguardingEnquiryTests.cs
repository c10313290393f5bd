using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.DataRights;

public sealed class SqliteSafeguardingEnquiryTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public Task Who_looked_withholds_an_enquiry_opened_on_the_page_until_the_lead_closes_it() =>
        SafeguardingEnquiryChecks.Who_looked_withholds_an_enquiry_opened_on_the_page_until_the_lead_closes_it(app.Factory);

    [Fact]
    public Task Opening_an_enquiry_needs_a_resident_that_exists_and_a_reason() =>
        SafeguardingEnquiryChecks.Opening_an_enquiry_needs_a_resident_that_exists_and_a_reason(app.Factory);
}
