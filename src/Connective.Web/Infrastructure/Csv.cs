using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;

namespace Connective.Web.Infrastructure;

/// <summary>
/// Every CSV the app reads or writes goes through here, on one library (CsvHelper, which measured faster than Sep on this
/// machine: docs/benchmarks.md) and one rule: RFC 4180, UTF-8 without a byte order mark, CRLF line ends, a field quoted
/// only when it holds a comma, a quote, CR or LF, inner quotes doubled. Text that a spreadsheet would run as a formula
/// (starting with =, +, -, @, a tab or a carriage return: OWASP's list for CSV injection) is written with a leading
/// apostrophe, so "=HYPERLINK(…)" shows as typed and is never evaluated. Numbers, dates and flags the app formats
/// itself are written as they are: a negative amount keeps its minus sign.
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions WriterOptions = new() { NewLine = "\r\n" };

    /// <summary>A writer onto a stream (a response body, a zip entry), flushed in pieces as rows are written.</summary>
    public static CsvOut Writer(Stream stream) => new(CsvWriter.Create(stream, WriterOptions, leaveOpen: true));

    /// <summary>A writer onto text (a string built in memory for a small file).</summary>
    public static CsvOut Writer(TextWriter text) => new(CsvWriter.Create(text, WriterOptions, leaveOpen: true));

    /// <summary>Text as it will be written: a leading apostrophe before anything a spreadsheet would treat as a formula.</summary>
    public static string Guarded(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }

    /// <summary>
    /// The records of an uploaded CSV after its header, one at a time (never the whole file in memory). Each record
    /// carries its row number as a spreadsheet shows it (the header is row 1) so that errors can name it.
    /// </summary>
    public static async IAsyncEnumerable<CsvRecordIn> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await using var reader = CsvReader.Create(stream, new CsvReaderOptions { HasHeader = true }, leaveOpen: true);
        await reader.ReadHeaderAsync(cancellationToken);
        var header = reader.Headers.Select(name => name.Trim()).ToArray();
        while (await reader.ReadAsync(cancellationToken))
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i);
            }
            yield return new CsvRecordIn(checked((int)reader.RowNumber + 1), header, fields);
        }
    }
}

/// <summary>One record of an uploaded CSV: its row number (the header is row 1), the header and the fields.</summary>
public sealed record CsvRecordIn(int Row, IReadOnlyList<string> Header, IReadOnlyList<string> Fields)
{
    /// <summary>The field under a column, or null when the record is shorter than the header.</summary>
    public string? this[string column]
    {
        get
        {
            for (var i = 0; i < Header.Count; i++)
            {
                if (string.Equals(Header[i], column, StringComparison.OrdinalIgnoreCase))
                {
                    return i < Fields.Count ? Fields[i] : null;
                }
            }
            return null;
        }
    }
}

/// <summary>Writes one CSV, a field at a time, under <see cref="Csv"/>'s rule.</summary>
public sealed class CsvOut : IAsyncDisposable, IDisposable
{
    private readonly CsvWriter _writer;

    internal CsvOut(CsvWriter writer) => _writer = writer;

    public CsvOut Header(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            Text(name);
        }
        return this;
    }

    /// <summary>Text someone typed or the app holds (a name, a purpose): guarded against formulas, quoted when needed.</summary>
    public CsvOut Text(string? text)
    {
        _writer.WriteField(text is null ? "" : Csv.Guarded(text));
        return this;
    }

    public CsvOut Number(long value)
    {
        _writer.WriteField(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public CsvOut Number(long? value) => value is { } number ? Number(number) : Empty();

    /// <summary>A value the app formatted itself (a decimal amount, a date): written as it is, quoted when needed.</summary>
    public CsvOut Formatted(string value)
    {
        _writer.WriteField(value);
        return this;
    }

    public CsvOut Date(DateOnly date) => Formatted(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>A UTC instant as ISO 8601 with a Z.</summary>
    public CsvOut Instant(DateTime utc) => Formatted(utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    public CsvOut Flag(bool value) => Formatted(value ? "true" : "false");

    public CsvOut Empty() => Formatted("");

    /// <summary>Ends the row; the writer hands its buffer to the stream when it is mostly full, so memory stays flat.</summary>
    public ValueTask EndRowAsync(CancellationToken cancellationToken) => _writer.EndRecordAsync(cancellationToken);

    /// <summary>Ends the row, for a writer onto text in memory (the server never writes to a response synchronously).</summary>
    public void EndRow() => _writer.EndRecord();

    public ValueTask FlushAsync(CancellationToken cancellationToken) => _writer.FlushAsync(cancellationToken);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    public void Dispose() => _writer.Dispose();
}
