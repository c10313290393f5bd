using Connective.Web.Infrastructure;
using Connective.Web.Platform.DataRights;

namespace Connective.Web.Tests.DataRights;

/// <summary>
/// CSV written for people (the personal-data download, the audit export) never hands a spreadsheet a formula: text that
/// starts with =, +, -, @, a tab or a carriage return is written with a leading apostrophe; numbers stay numbers.
/// </summary>
public sealed class CsvInjectionTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"https://evil.example\",\"Click\")")]
    [InlineData("+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void The_personal_data_csv_writes_formula_text_as_text(string typed)
    {
        var csv = PersonalDataExport.Csv([new Dictionary<string, object?> { ["GivenName"] = typed, ["Balance"] = -5, ["Note"] = "fine" }]);

        var row = csv[(csv.IndexOf("\r\n", StringComparison.Ordinal) + 2)..];
        Assert.StartsWith("'", Unquoted(row), StringComparison.Ordinal);
        Assert.EndsWith(",-5,fine\r\n", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("O'Brien", "O'Brien")]
    [InlineData("Smith, Jo", "\"Smith, Jo\"")]
    [InlineData("-", "'-")]
    [InlineData("Said \"hi\"", "\"Said \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=A1,B1", "\"'=A1,B1\"")]
    public void Every_text_field_is_guarded_and_quoted(string typed, string written) => Assert.Equal(written + "\r\n", OneField(typed));

    [Fact]
    public void Numbers_the_app_formats_keep_their_minus_sign()
    {
        using var text = new StringWriter();
        using (var csv = Csv.Writer(text))
        {
            csv.Number(-500).Formatted("-12.50").EndRow();
        }
        Assert.Equal("-500,-12.50\r\n", text.ToString());
    }

    private static string OneField(string typed)
    {
        using var text = new StringWriter();
        using (var csv = Csv.Writer(text))
        {
            csv.Text(typed).EndRow();
        }
        return text.ToString();
    }

    private static string Unquoted(string row) => row.StartsWith('"') ? row[1..] : row;
}
