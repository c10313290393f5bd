using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Connective.Web.Data;

namespace Connective.Web.Platform.DataRights;

/// <summary>
/// Everything held about a person, as a zip with each section twice: JSON (for machines) and CSV (for a spreadsheet).
/// It collects: every area contributes its own records through an <see cref="IExportParticipant"/> (the kernel's own,
/// <see cref="PlatformExport"/>, first), so a new area adds its part without touching this file.
/// </summary>
public sealed class PersonalDataExport(AppDbContext db, IEnumerable<IExportParticipant> participants)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>One section of the download: a name and its rows, each row the same fields in the same order.</summary>
    public sealed record Section(string Name, IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows);

    public async Task<IReadOnlyList<Section>> SectionsAsync(DataSubject person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var sections = new List<Section>();
        foreach (var participant in participants)
        {
            foreach (var section in await participant.ExportAsync(db, person, cancellationToken))
            {
                if (sections.Any(existing => existing.Name == section.Name))
                {
                    throw new InvalidOperationException($"Two parts of the personal-data download are called '{section.Name}' ({participant.GetType().Name} adds the second).");
                }
                sections.Add(section);
            }
        }
        return sections;
    }

    /// <summary>What exists about people but is not in the download, with the reason, as every participant declares it.</summary>
    public IEnumerable<string> WithheldReasons() =>
        participants.SelectMany(participant => participant.Withheld.Values).Distinct(StringComparer.Ordinal);

    /// <summary>The zip: README.txt, then name.json and name.csv for every section.</summary>
    public async Task<byte[]> ZipAsync(DataSubject person, CancellationToken cancellationToken)
    {
        var sections = await SectionsAsync(person, cancellationToken);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await WriteAsync(zip, "README.txt", "Everything Connective holds about you. Each part is here twice: as JSON, and as CSV for a spreadsheet.\n" +
                "Who looked: staff are shown by role; some accesses for a safeguarding enquiry or under a legal exemption show the role only.\n" +
                "Ties: your connections with other people; the other person is not named, as that is their information.\n" +
                "Parts: " + string.Join(", ", sections.Select(section => section.Name)) + "\n" +
                "Not in this download, and why:\n" + string.Concat(WithheldReasons().Select(reason => "- " + reason + "\n")), cancellationToken);
            foreach (var section in sections)
            {
                await WriteAsync(zip, section.Name + ".json", JsonSerializer.Serialize(section.Rows, Json), cancellationToken);
                await WriteAsync(zip, section.Name + ".csv", Csv(section.Rows), cancellationToken);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>One row of a section, its fields in the order given (the CSV's columns).</summary>
    public static Dictionary<string, object?> Row(params (string Name, object? Value)[] fields)
    {
        var row = new Dictionary<string, object?>(fields.Length);
        foreach (var (name, value) in fields)
        {
            row.Add(name, value);
        }
        return row;
    }

    private static async Task WriteAsync(ZipArchive zip, string name, string text, CancellationToken cancellationToken)
    {
        await using var stream = await zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(cancellationToken);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
    }

    /// <summary>The section as CSV under the app's one rule (<see cref="Infrastructure.Csv"/>): a header row, then one line a row.</summary>
    public static string Csv(IReadOnlyList<IReadOnlyDictionary<string, object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return "";
        }
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = Infrastructure.Csv.Writer(text))
        {
            csv.Header([.. rows[0].Keys]).EndRow();
            foreach (var row in rows)
            {
                // Text a person typed (a name, a note) is guarded against spreadsheet formulas; values formatted here are not.
                foreach (var value in row.Values)
                {
                    _ = value switch
                    {
                        null => csv.Empty(),
                        DateTime at => csv.Instant(at),
                        bool flag => csv.Flag(flag),
                        IFormattable number => csv.Formatted(number.ToString(null, CultureInfo.InvariantCulture)),
                        _ => csv.Text(value.ToString()),
                    };
                }
                csv.EndRow();
            }
        }
        return text.ToString();
    }
}
