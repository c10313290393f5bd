using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Connective.Budgeting;

namespace Connective.Cli.Pb;

/// <summary>`connective pb stats FILE`: what an election file holds, per election and per project.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var file = PbOptions.FileArgument();
        var format = PbOptions.FormatOption();
        var command = new Command("stats", "Describe an election: ballot type, budget, voters, projects, ballot lengths, votes and points per project, official winners.")
        {
            file,
            format,
        };
        command.SetAction(parseResult => PbInput.Run(parseResult, output =>
        {
            var election = PbInput.Read(parseResult.GetRequiredValue(file), parseResult);
            var stats = ElectionStats.Of(election);
            if (PbOptions.FormatOf(parseResult, format) == OutputFormat.Json)
            {
                PbOptions.WriteJson(output, writer => stats.WriteJson(writer));
            }
            else
            {
                output.Write(stats.ToMarkdown());
            }
            return PbInput.Ok;
        }));
        return command;
    }
}

/// <summary>Counts over one election that need no rule.</summary>
internal sealed record ElectionStats(
    Election Election,
    int MinBallotLength,
    double MeanBallotLength,
    int MaxBallotLength,
    int[] VotesPerProject,
    decimal[] PointsPerProject)
{
    public static ElectionStats Of(Election election)
    {
        var votes = new int[election.Projects.Count];
        var points = new decimal[election.Projects.Count];
        int min = int.MaxValue, max = 0;
        long total = 0;
        foreach (var voter in election.Voters)
        {
            var length = voter.ProjectIndices.Count;
            min = Math.Min(min, length);
            max = Math.Max(max, length);
            total += length;
            for (var k = 0; k < length; k++)
            {
                var p = voter.ProjectIndices[k];
                votes[p]++;
                points[p] += voter.Points is null ? 1 : voter.Points[k];
            }
        }
        var voters = election.Voters.Count;
        return new ElectionStats(election, voters == 0 ? 0 : min, voters == 0 ? 0 : (double)total / voters, max, votes, points);
    }

    private decimal TotalCost => Election.Projects.Sum(p => p.Cost);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("file", Election.Source);
        writer.WriteString("vote_type", Budgeting.Pabulib.PbWriter.VoteTypeName(Election.VoteType));
        writer.WriteString("official_rule", Election.GetMeta("rule"));
        writer.WriteString("budget", Text(Election.Budget));
        writer.WriteNumber("voters", Election.Voters.Count);
        writer.WriteNumber("projects", Election.Projects.Count);
        writer.WriteString("total_cost", Text(TotalCost));
        writer.WriteStartObject("ballot_length");
        writer.WriteNumber("min", MinBallotLength);
        writer.WriteNumber("mean", Math.Round(MeanBallotLength, 4));
        writer.WriteNumber("max", MaxBallotLength);
        writer.WriteEndObject();
        writer.WriteStartArray("meta");
        foreach (var pair in Election.Meta)
        {
            writer.WriteStartObject();
            writer.WriteString("key", pair.Key);
            writer.WriteString("value", pair.Value);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("project_stats");
        foreach (var project in Election.Projects)
        {
            writer.WriteStartObject();
            writer.WriteString("id", project.Id);
            writer.WriteString("cost", Text(project.Cost));
            writer.WriteNumber("votes", VotesPerProject[project.Index]);
            writer.WriteString("points", Text(PointsPerProject[project.Index]));
            if (project.Selected is { } selected)
            {
                writer.WriteNumber("selected", selected);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public string ToMarkdown()
    {
        var text = new System.Text.StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"# {Path.GetFileName(Election.Source)}");
        text.AppendLine();
        text.AppendLine(inv, $"- Ballots: {Budgeting.Pabulib.PbWriter.VoteTypeName(Election.VoteType)}, {Election.Voters.Count} voters, {Election.Projects.Count} projects");
        text.AppendLine(inv, $"- Budget {Text(Election.Budget)}; all projects together cost {Text(TotalCost)}");
        text.AppendLine(inv, $"- Official rule: {Election.GetMeta("rule") ?? "not stated"}");
        text.AppendLine(inv, $"- Ballot length: min {MinBallotLength}, mean {MeanBallotLength:0.##}, max {MaxBallotLength}");
        text.AppendLine();
        text.AppendLine("| project | cost | votes | points | selected |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var project in Election.Projects.OrderByDescending(p => VotesPerProject[p.Index]))
        {
            text.AppendLine(inv, $"| {project.Id} | {Text(project.Cost)} | {VotesPerProject[project.Index]} | {Text(PointsPerProject[project.Index])} | {project.Selected?.ToString(inv) ?? ""} |");
        }
        return text.ToString();
    }
}
