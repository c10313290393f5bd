using System.Text.RegularExpressions;
using Connective.TestSupport;
using Connective.Web.Tests.Fixtures;
using Connective.Web.Tests.Identity;

namespace Connective.Web.Tests.Wording;

/// <summary>
/// A page showing validation errors has a title starting "Error: " once (GOV.UK pattern), never "Error: Error: …". The
/// layout is the one place that adds it, from ModelState or the page's ViewData["HasErrors"].
/// </summary>
public sealed partial class ErrorTitleTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public void Only_the_layout_adds_the_error_prefix()
    {
        var features = Path.Combine(RepositoryPaths.RepositoryRoot, "src", "Connective.Web", "Features");
        var offenders = Directory.EnumerateFiles(features, "*.cshtml", SearchOption.AllDirectories)
            .Where(file => !file.EndsWith("_Layout.cshtml", StringComparison.Ordinal))
            .Where(file => File.ReadAllText(file).Contains("\"Error: \"", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(features, file))
            .ToList();
        Assert.True(offenders.Count == 0, "These pages add \"Error: \" to their title themselves:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public async Task A_form_with_errors_says_error_once_in_its_title()
    {
        using var client = new AccountClient(app.Factory);
        using var response = await client.PostFormAsync("/account/sign-up", new Dictionary<string, string> { ["Email"] = "", ["Password"] = "" });
        var title = System.Net.WebUtility.HtmlDecode(Title().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);
        Assert.Equal("Error: Create an account – Connective", title);
    }

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex Title();
}
