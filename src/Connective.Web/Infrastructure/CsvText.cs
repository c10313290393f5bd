namespace Connective.Web.Infrastructure;

/// <summary>
/// One field of CSV written for people to open in a spreadsheet: RFC 4180 quoting, and text that a spreadsheet would run
/// as a formula (starting with =, +, -, @, a tab or a carriage return: OWASP's list for CSV injection) gets a leading
/// apostrophe, so a name such as "=HYPERLINK(…)" is shown as typed and never evaluated. Every CSV about people goes
/// through here; numbers, dates and flags are written by the caller and never start with those characters except a
/// minus sign, which is why only text is guarded.
/// </summary>
public static class CsvText
{
    public static string Field(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }
        return Quoted(text);
    }

    /// <summary>A value the app formatted itself (a number, a date): quoted if needed, never prefixed.</summary>
    public static string Quoted(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
