using System.Text;

namespace Connective.Budgeting.Pabulib;

/// <summary>
/// Writes an <see cref="Election"/> as a Pabulib <c>.pb</c> file: UTF-8 without a byte-order mark, '\n' line
/// endings, sections META (header <c>key;value</c>), PROJECTS (<c>project_id;cost;…</c>) and VOTES
/// (<c>voter_id;vote;…</c>) in that order, ';' as separator, and a field quoted (with "" for a quote) only when
/// it contains ';', '"' or a line break. Every column is written as it was read, so reading the output gives back
/// the same election.
/// </summary>
public static class PbWriter
{
    /// <summary>Writes the election to <paramref name="path"/>, replacing any file there.</summary>
    /// <param name="election">The election.</param>
    /// <param name="path">Destination path.</param>
    public static void Write(Election election, string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(election, stream);
    }

    /// <summary>Writes the election to a stream (UTF-8, no byte-order mark).</summary>
    /// <param name="election">The election.</param>
    /// <param name="stream">Destination; left open.</param>
    public static void Write(Election election, Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        Write(election, writer);
    }

    /// <summary>Writes the election as text.</summary>
    /// <param name="election">The election.</param>
    /// <param name="writer">Destination; its NewLine is not used (lines end with '\n').</param>
    public static void Write(Election election, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(writer);
        var line = new StringBuilder();
        writer.Write("META\nkey;value\n");
        foreach (var pair in election.Meta)
        {
            WriteRow(writer, line, [pair.Key, pair.Value]);
        }
        writer.Write("PROJECTS\n");
        WriteRow(writer, line, election.ProjectColumns);
        foreach (var project in election.Projects)
        {
            WriteRow(writer, line, project.Values);
        }
        writer.Write("VOTES\n");
        WriteRow(writer, line, election.VoteColumns);
        foreach (var voter in election.Voters)
        {
            WriteRow(writer, line, voter.Values);
        }
        writer.Flush();
    }

    /// <summary>The Pabulib name of a vote type (<c>approval</c>, <c>choose-1</c>, …).</summary>
    /// <param name="type">The vote type.</param>
    public static string VoteTypeName(VoteType type) => type switch
    {
        VoteType.Approval => "approval",
        VoteType.ChooseOne => "choose-1",
        VoteType.Cumulative => "cumulative",
        VoteType.Scoring => "scoring",
        VoteType.Ordinal => "ordinal",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static void WriteRow(TextWriter writer, StringBuilder line, IReadOnlyList<string> fields)
    {
        line.Clear();
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                line.Append(';');
            }
            var field = fields[i];
            if (field.AsSpan().IndexOfAny(";\"\r\n") >= 0)
            {
                line.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                line.Append(field);
            }
        }
        line.Append('\n');
        writer.Write(line);
    }
}
