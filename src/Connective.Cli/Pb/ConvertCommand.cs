using System.CommandLine;
using System.Text.Json;
using Connective.Budgeting;
using Connective.Budgeting.Pabulib;

namespace Connective.Cli.Pb;

/// <summary>`connective pb convert FILE`: rewrite a Pabulib file in canonical form, or export it as JSON.</summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var file = PbOptions.FileArgument();
        var to = new Option<string>("--to")
        {
            Description = "pb: canonical Pabulib (UTF-8, '\\n', ';', quoting only where needed); json: META, projects and votes as JSON.",
            DefaultValueFactory = _ => "pb",
        };
        to.AcceptOnlyFromAmong("pb", "json");
        var outputPath = new Option<FileInfo?>("--output", "-o") { Description = "Where to write; standard output when absent." };
        var command = new Command("convert", "Rewrite a Pabulib file in canonical form, or export it as JSON.") { file, to, outputPath };
        command.SetAction(parseResult => PbInput.Run(parseResult, output =>
        {
            var election = PbInput.Read(parseResult.GetRequiredValue(file), parseResult);
            var destination = parseResult.GetValue(outputPath);
            using var writer = destination is null ? null : new StreamWriter(destination.FullName, append: false, new System.Text.UTF8Encoding(false));
            var target = writer ?? output;
            if (parseResult.GetValue(to) == "json")
            {
                PbOptions.WriteJson(target, json => WriteElection(json, election));
            }
            else
            {
                PbWriter.Write(election, target);
            }
            return PbInput.Ok;
        }));
        return command;
    }

    private static void WriteElection(Utf8JsonWriter writer, Election election)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("meta");
        foreach (var pair in election.Meta)
        {
            writer.WriteString(pair.Key, pair.Value);
        }
        writer.WriteEndObject();
        WriteRows(writer, "projects", election.ProjectColumns, election.Projects.Select(p => p.Values));
        WriteRows(writer, "votes", election.VoteColumns, election.Voters.Select(v => v.Values));
        writer.WriteEndObject();
    }

    // Every column is written as text, exactly as read, so nothing is lost or reinterpreted.
    private static void WriteRows(Utf8JsonWriter writer, string name, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        writer.WriteStartArray(name);
        foreach (var row in rows)
        {
            writer.WriteStartObject();
            for (var i = 0; i < columns.Count; i++)
            {
                writer.WriteString(columns[i], row[i]);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }
}
