using System.Text;
using Connective.Web.Infrastructure;

namespace Connective.Web.Tests.Open;

/// <summary>
/// The one CSV rule (Infrastructure/Csv) both ways: what it writes reads back as typed (commas, quotes, line breaks
/// inside fields), records carry the row number a spreadsheet shows, and formula text comes back guarded.
/// </summary>
public sealed class CsvRuleTests
{
    [Fact]
    public async Task Fields_with_commas_quotes_and_newlines_read_back_as_written()
    {
        string[] awkward = ["Smith, Jo", "Said \"hi\"", "two\r\nlines", "", "  spaced  ", "£500 café"];
        var bytes = await WriteAsync(csv =>
        {
            csv.Header("a", "b");
            return awkward.Select(text => (Action)(() => csv.Text(text).Number(7)));
        });

        var records = await ReadAllAsync(bytes);

        Assert.Equal(awkward, records.Select(record => record["a"]));
        Assert.All(records, record => Assert.Equal("7", record["B"]));
        // Row 1 is the header; the line break inside the third field does not shift the numbers.
        Assert.Equal([2, 3, 4, 5, 6, 7], records.Select(record => record.Row));
    }

    [Fact]
    public async Task Formula_text_is_written_with_an_apostrophe_and_read_back_that_way()
    {
        var bytes = await WriteAsync(csv =>
        {
            csv.Header("name");
            return new[] { "=1+1", "@SUM(A1)", "+44 20", "-x", "\tTab", "plain" }.Select(text => (Action)(() => csv.Text(text)));
        });

        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("name\r\n'=1+1\r\n'@SUM(A1)\r\n'+44 20\r\n'-x\r\n'\tTab\r\nplain\r\n", text, StringComparison.Ordinal);
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte order mark");
    }

    [Fact]
    public async Task A_short_record_has_null_for_its_missing_columns()
    {
        var records = await ReadAllAsync(Encoding.UTF8.GetBytes("a,b,c\r\n1,2\r\n"));

        Assert.Equal("2", records[0]["b"]);
        Assert.Null(records[0]["c"]);
        Assert.Null(records[0]["not a column"]);
    }

    private static async Task<byte[]> WriteAsync(Func<CsvOut, IEnumerable<Action>> rows)
    {
        using var stream = new MemoryStream();
        await using (var csv = Csv.Writer(stream))
        {
            var header = true;
            foreach (var row in rows(csv))
            {
                if (header)
                {
                    await csv.EndRowAsync(CancellationToken.None);
                    header = false;
                }
                row();
                await csv.EndRowAsync(CancellationToken.None);
            }
        }
        return stream.ToArray();
    }

    private static async Task<List<CsvRecordIn>> ReadAllAsync(byte[] bytes)
    {
        var records = new List<CsvRecordIn>();
        await foreach (var record in Csv.ReadAsync(new MemoryStream(bytes), CancellationToken.None))
        {
            records.Add(record);
        }
        return records;
    }
}
