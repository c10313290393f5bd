using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using nietras.SeparatedValues;

// Usage: Connective.CsvBench [--rows 1000000] [--runs 5]
// Writes the same spending rows with each library into memory, then reads them back parsing every field, alternating
// the libraries run by run; prints each run and the medians. The text both write is compared, so neither can win by
// writing less.
var rows = 1_000_000;
var runs = 5;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--rows": rows = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine($"Unknown option '{args[i]}'. Usage: [--rows N] [--runs N]"); return 2;
    }
}

string[] header = ["date", "department", "supplier", "purpose", "amount_pence"];
string[] departments = ["Adult social care", "Highways", "Libraries, arts and culture", "Housing"];
string[] suppliers = ["Acme Ltd", "Smith & Jones, Builders", "\"Quality\" Cleaning", "North Borough Trust"];
string[] purposes = ["Repairs", "Agency staff\nNovember", "Books, periodicals", "Consultancy"];
(string Date, string Department, string Supplier, string Purpose, long Amount) Row(int i) =>
    (new DateOnly(2025, 1, 1).AddDays(i % 365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
     departments[i % 4], suppliers[(i / 4) % 4], purposes[(i / 16) % 4], 50_000 + (i * 7919L % 10_000_000));

string WriteSep()
{
    using var text = new StringWriter(CultureInfo.InvariantCulture);
    using (var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(text))
    {
        for (var i = 0; i < rows; i++)
        {
            var r = Row(i);
            using var row = writer.NewRow();
            row[header[0]].Set(r.Date);
            row[header[1]].Set(r.Department);
            row[header[2]].Set(r.Supplier);
            row[header[3]].Set(r.Purpose);
            row[header[4]].Format(r.Amount);
        }
    }
    return text.ToString();
}

string WriteCsvHelper()
{
    using var text = new StringWriter(CultureInfo.InvariantCulture);
    using (var csv = CsvWriter.Create(text, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true))
    {
        csv.WriteHeader(header);
        for (var i = 0; i < rows; i++)
        {
            var r = Row(i);
            csv.WriteField(r.Date);
            csv.WriteField(r.Department);
            csv.WriteField(r.Supplier);
            csv.WriteField(r.Purpose);
            csv.WriteField(r.Amount, default);
            csv.EndRecord();
        }
    }
    return text.ToString();
}

// The app's real path: UTF-8 bytes to and from a stream (the HTTP response, an uploaded file).
long WriteSepStream()
{
    using var stream = new MemoryStream();
    using (var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(stream, leaveOpen: true))
    {
        for (var i = 0; i < rows; i++)
        {
            var r = Row(i);
            using var row = writer.NewRow();
            row[header[0]].Set(r.Date);
            row[header[1]].Set(r.Department);
            row[header[2]].Set(r.Supplier);
            row[header[3]].Set(r.Purpose);
            row[header[4]].Format(r.Amount);
        }
    }
    return stream.Length;
}

long WriteCsvHelperStream()
{
    using var stream = new MemoryStream();
    using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true))
    {
        csv.WriteHeader(header);
        for (var i = 0; i < rows; i++)
        {
            var r = Row(i);
            csv.WriteField(r.Date);
            csv.WriteField(r.Department);
            csv.WriteField(r.Supplier);
            csv.WriteField(r.Purpose);
            csv.WriteField(r.Amount, default);
            csv.EndRecord();
        }
    }
    return stream.Length;
}

long ReadSepStream(byte[] bytes)
{
    long sum = 0;
    using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).From(new MemoryStream(bytes));
    foreach (var row in reader)
    {
        sum += row[0].ToString().Length + row[1].ToString().Length + row[2].ToString().Length + row[3].ToString().Length;
        sum += row[4].Parse<long>();
    }
    return sum;
}

long ReadCsvHelperStream(byte[] bytes)
{
    long sum = 0;
    using var csv = CsvReader.Create(new MemoryStream(bytes), new CsvReaderOptions { HasHeader = true }, leaveOpen: false);
    while (csv.Read())
    {
        sum += csv.GetString(0).Length + csv.GetString(1).Length + csv.GetString(2).Length + csv.GetString(3).Length;
        sum += csv.Parse<long>(4);
    }
    return sum;
}

long ReadSep(string csvText)
{
    long sum = 0;
    using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromText(csvText);
    foreach (var row in reader)
    {
        sum += row[0].ToString().Length + row[1].ToString().Length + row[2].ToString().Length + row[3].ToString().Length;
        sum += row[4].Parse<long>();
    }
    return sum;
}

long ReadCsvHelper(string csvText)
{
    long sum = 0;
    using var text = new StringReader(csvText);
    using var csv = CsvReader.Create(text, new CsvReaderOptions { HasHeader = true }, leaveOpen: true);
    while (csv.Read())
    {
        sum += csv.GetString(0).Length + csv.GetString(1).Length + csv.GetString(2).Length + csv.GetString(3).Length;
        sum += csv.Parse<long>(4);
    }
    return sum;
}

var sepText = WriteSep();
var helperText = WriteCsvHelper();
if (sepText.Replace("\r\n", "\n", StringComparison.Ordinal) != helperText)
{
    Console.Error.WriteLine("The two libraries wrote different text; the comparison would be unfair.");
    return 1;
}
if (ReadSep(sepText) != ReadCsvHelper(sepText))
{
    Console.Error.WriteLine("The two libraries read different values.");
    return 1;
}

var bytes = System.Text.Encoding.UTF8.GetBytes(sepText);
if (ReadSepStream(bytes) != ReadCsvHelperStream(bytes) || WriteSepStream() is var sepLength && (sepLength != WriteCsvHelperStream() && sepLength != WriteCsvHelperStream() + rows + 1))
{
    Console.Error.WriteLine("The two libraries differ on streams (lengths, allowing Sep one CR a row).");
    return 1;
}
var times = new Dictionary<string, List<double>>
{
    ["Sep write"] = [],
    ["CsvHelper write"] = [],
    ["Sep read"] = [],
    ["CsvHelper read"] = [],
    ["Sep write bytes"] = [],
    ["CsvHelper write bytes"] = [],
    ["Sep read bytes"] = [],
    ["CsvHelper read bytes"] = [],
};
double Time(Action action)
{
    var clock = Stopwatch.StartNew();
    action();
    return clock.Elapsed.TotalMilliseconds;
}
for (var run = 0; run < runs; run++)
{
    times["Sep write"].Add(Time(() => WriteSep()));
    times["CsvHelper write"].Add(Time(() => WriteCsvHelper()));
    times["Sep read"].Add(Time(() => ReadSep(sepText)));
    times["CsvHelper read"].Add(Time(() => ReadCsvHelper(sepText)));
    times["Sep write bytes"].Add(Time(() => WriteSepStream()));
    times["CsvHelper write bytes"].Add(Time(() => WriteCsvHelperStream()));
    times["Sep read bytes"].Add(Time(() => ReadSepStream(bytes)));
    times["CsvHelper read bytes"].Add(Time(() => ReadCsvHelperStream(bytes)));
}
Console.WriteLine($"{rows:N0} rows, {sepText.Length / 1e6:F1} M characters, {runs} runs, .NET {Environment.Version}, {Environment.ProcessorCount} cores");
foreach (var (name, list) in times)
{
    list.Sort();
    Console.WriteLine($"{name,-22} median {list[list.Count / 2],8:F0} ms   runs: {string.Join(", ", list.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}");
}
double Ratio(string what) => times["CsvHelper " + what][runs / 2] / times["Sep " + what][runs / 2];
Console.WriteLine($"CsvHelper time / Sep time (below 1: CsvHelper faster): write {Ratio("write"):F2}, read {Ratio("read"):F2}, " +
    $"write bytes {Ratio("write bytes"):F2}, read bytes {Ratio("read bytes"):F2}");
return 0;
