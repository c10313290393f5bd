using System.Text.RegularExpressions;
using Connective.TestSupport;

namespace Connective.Web.Tests.Architecture;

/// <summary>
/// Pages send people on with typed links (<c>RedirectToPage("/Area/Page", new { … })</c>), never a literal URL: a moved
/// route then breaks the build's page lookup at once instead of sending people to a page that no longer exists, and
/// query values are encoded by the framework, not by hand.
/// </summary>
public sealed partial class TypedLinkTests
{
    [Fact]
    public void No_page_or_endpoint_redirects_to_a_literal_app_path()
    {
        var source = Path.Combine(RepositoryPaths.RepositoryRoot, "src", "Connective.Web");
        var files = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains(Path.DirectorySeparatorChar + "Migrations" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList();
        var offenders = files
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(entry => LiteralRedirect().IsMatch(entry.line))
            .Select(entry => $"{Path.GetRelativePath(source, entry.file)}:{entry.number}: {entry.line.Trim()}")
            .ToList();

        Assert.Contains(files, file => File.ReadAllText(file).Contains("RedirectToPage(\"/Circle/Requests\"", StringComparison.Ordinal));
        Assert.True(offenders.Count == 0, "Redirect with RedirectToPage and route values, not a literal URL:\n" + string.Join('\n', offenders));
    }

    /// <summary>Redirect("/…"), Redirect($"/…"), LocalRedirect("/…") and Results.Redirect("/…").</summary>
    [GeneratedRegex("""\b(Local)?Redirect(Permanent)?\(\$?"/""")]
    private static partial Regex LiteralRedirect();
}
