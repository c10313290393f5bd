using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Wording;

/// <summary>A page that tells people without the internet to phone a coordinator gives the configured number as a link.</summary>
public sealed class CoordinatorPhoneTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task The_circle_page_gives_the_coordinator_phone_number_to_call()
    {
        using var http = app.Factory.CreateClient();

        var page = await http.GetStringAsync("/circle");

        Assert.Contains("href=\"tel:03001234567\"", page, StringComparison.Ordinal);
        Assert.Contains(">0300 123 4567</a>", page, StringComparison.Ordinal);
    }
}
