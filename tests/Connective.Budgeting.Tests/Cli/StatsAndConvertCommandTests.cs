using System.Text.Json;
using Connective.Budgeting.Pabulib;
using Connective.TestSupport;

namespace Connective.Budgeting.Tests.Cli;

public sealed class StatsAndConvertCommandTests
{
    private static readonly string Rakowiec = RepositoryPaths.SharedFile("pabulib", "Poland_Warszawa_2026_Rakowiec.pb");

    [Fact]
    public void Stats_as_json_counts_voters_projects_and_votes()
    {
        var result = CliRunner.Run("pb", "stats", Rakowiec, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal("approval", root.GetProperty("vote_type").GetString());
        Assert.Equal(1040, root.GetProperty("voters").GetInt32());
        Assert.Equal(14, root.GetProperty("projects").GetInt32());
        var election = PbReader.Read(Rakowiec);
        var first = election.Projects[0];
        var votes = election.Voters.Count(v => v.ProjectIndices.Contains(first.Index));
        var stats = root.GetProperty("project_stats").EnumerateArray().Single(p => p.GetProperty("id").GetString() == first.Id);
        Assert.Equal(votes, stats.GetProperty("votes").GetInt32());
    }

    [Fact]
    public void Stats_as_markdown_has_a_project_table()
    {
        var result = CliRunner.Run("pb", "stats", Rakowiec);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("| project | cost | votes | points | selected |", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_to_pb_reads_back_as_the_same_election()
    {
        var result = CliRunner.Run("pb", "convert", Rakowiec);

        Assert.Equal(0, result.ExitCode);
        var original = PbReader.Read(Rakowiec);
        var copy = PbReader.Read(new StringReader(result.Output), "converted.pb");
        Assert.Equal(original.Meta, copy.Meta);
        Assert.Equal(original.Projects.Select(p => (p.Id, p.Cost)), copy.Projects.Select(p => (p.Id, p.Cost)));
        Assert.Equal(original.Voters.Select(v => string.Join(',', v.ProjectIndices)), copy.Voters.Select(v => string.Join(',', v.ProjectIndices)));
    }

    [Fact]
    public void Convert_to_json_keeps_every_column_as_text()
    {
        var result = CliRunner.Run("pb", "convert", Rakowiec, "--to", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var original = PbReader.Read(Rakowiec);
        var votes = json.RootElement.GetProperty("votes");
        Assert.Equal(original.Voters.Count, votes.GetArrayLength());
        Assert.Equal(original.Voters[0].Values[1], votes[0].GetProperty(original.VoteColumns[1]).GetString());
    }

    [Fact]
    public void A_malformed_file_exits_1_with_file_line_column_and_field()
    {
        var path = Path.Combine(Path.GetTempPath(), $"connective-bad-{Guid.NewGuid():N}.pb");
        File.WriteAllText(path, "META\nkey;value\nbudget;100\nvote_type;approval\nnum_projects;1\nnum_votes;1\nPROJECTS\nproject_id;cost\n1;-5\nVOTES\nvoter_id;vote\n1;1\n");
        try
        {
            var result = CliRunner.Run("pb", "stats", path);

            Assert.Equal(1, result.ExitCode);
            Assert.Matches(@"connective-bad-[0-9a-f]+\.pb:9:\d+: field 'cost'", result.Error);
            Assert.Empty(result.Output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_exits_1()
    {
        var result = CliRunner.Run("pb", "stats", "/no/such/file.pb");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("file not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        var result = CliRunner.Run("pb", "stats", Rakowiec, "--format", "xml");

        Assert.Equal(2, result.ExitCode);
    }

    [Theory]
    [InlineData("stats")]
    [InlineData("convert")]
    public void Every_command_has_help(string command)
    {
        var result = CliRunner.Run("pb", command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
    }
}
