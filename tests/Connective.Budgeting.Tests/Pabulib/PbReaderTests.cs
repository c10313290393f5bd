using System.Text;
using Connective.Budgeting.Pabulib;
using Connective.TestSupport;

namespace Connective.Budgeting.Tests.Pabulib;

public sealed class PbReaderTests
{
    internal const string Small = """
        META
        key;value
        description;"A test; with a separator"
        num_projects;3
        num_votes;2
        budget;1000.50
        vote_type;cumulative
        rule;greedy
        PROJECTS
        project_id;cost;votes;name;selected
        1;500.25;2;"Park ""green"" bench";1
        2;600;1;Library;0
        10;100.0;1;Lamp;1
        VOTES
        voter_id;vote;points;age
        a;1,2;3,2;30
        b;1,10;4,1;
        """;

    internal static Election ReadText(string text, string name = "test.pb") =>
        PbReader.Read(new StringReader(text), name);

    [Fact]
    public void Reads_every_section_with_quoted_fields_and_decimal_costs()
    {
        var election = ReadText(Small);

        Assert.Equal(1000.50m, election.Budget);
        Assert.Equal(VoteType.Cumulative, election.VoteType);
        Assert.Equal("A test; with a separator", election.GetMeta("description"));
        Assert.Equal(["1", "2", "10"], election.Projects.Select(p => p.Id));
        Assert.Equal(500.25m, election.Projects[0].Cost);
        Assert.Equal("Park \"green\" bench", election.Projects[0]["name"]);
        Assert.Equal(1, election.Projects[2].Selected);
        Assert.Equal([0, 2], election.Voters[1].ProjectIndices);
        Assert.Equal([4m, 1m], election.Voters[1].Points!);
        Assert.Equal("", election.Voters[1].Values[3]);
        Assert.Equal(["voter_id", "vote", "points", "age"], election.VoteColumns);
    }

    [Fact]
    public void Accepts_a_byte_order_mark_and_windows_line_endings()
    {
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(Small.ReplaceLineEndings("\r\n"))).ToArray();

        var election = PbReader.Read(new MemoryStream(bytes), "bom.pb");

        Assert.Equal("num_projects", election.Meta[1].Key);
        Assert.Equal("Lamp", election.Projects[2]["name"]);
        Assert.Equal("", election.Voters[1].Values[3]);
    }

    [Fact]
    public void Keeps_text_after_a_closing_quote_as_python_csv_does()
    {
        var text = Small.Replace("Library", "\"Odkupmy\" i my", StringComparison.Ordinal);

        var election = ReadText(text);

        Assert.Equal("Odkupmy i my", election.Projects[1]["name"]);
    }

    [Fact]
    public void Reads_a_quoted_field_running_over_two_lines()
    {
        var text = Small.Replace("\"A test; with a separator\"", "\"first line\nsecond line\"", StringComparison.Ordinal);

        var election = ReadText(text);

        Assert.Equal("first line\nsecond line", election.GetMeta("description"));
        Assert.Equal(2, election.Voters.Count);
    }

    [Theory]
    [InlineData("Poland_Czestochowa_2020_Grabowka.pb")]
    [InlineData("Hungary_Budapest_2025_VIII_Jozsefvaros.pb")]
    [InlineData("Netherlands_Assen_2024.pb")]
    [InlineData("Poland_Warszawa_2026_Mirow_Czyste_Odolany.pb")]
    [InlineData("Poland_Krakow_2019_Biezanow-Prokocim.pb")]
    [InlineData("Poland_Krakow_2023_Bienczyce.pb")]
    public void Writes_a_shared_file_back_identically(string file)
    {
        var first = PbReader.Read(RepositoryPaths.SharedFile("pabulib", file));
        var buffer = new MemoryStream();

        PbWriter.Write(first, buffer);
        var second = PbReader.Read(new MemoryStream(buffer.ToArray()), file);

        Assert.True(ElectionsEqual(first, second));
    }

    [Fact]
    [Trait("Category", "Conformance")]
    public void Reads_every_shared_pabulib_file_and_writes_it_back_identically()
    {
        var failures = new List<string>();
        foreach (var path in Directory.EnumerateFiles(RepositoryPaths.SharedData + "/pabulib", "*.pb"))
        {
            var first = PbReader.Read(path);
            var buffer = new MemoryStream();
            PbWriter.Write(first, buffer);
            var second = PbReader.Read(new MemoryStream(buffer.ToArray()), first.Source);
            if (!ElectionsEqual(first, second))
            {
                failures.Add(first.Source);
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Written_file_follows_the_pabulib_layout()
    {
        var election = ReadText(Small.ReplaceLineEndings("\r\n"));
        var buffer = new MemoryStream();

        PbWriter.Write(election, buffer);
        var bytes = buffer.ToArray();
        var text = Encoding.UTF8.GetString(bytes);

        Assert.NotEqual(0xEF, bytes[0]);
        Assert.DoesNotContain('\r', text);
        var lines = text.Split('\n');
        Assert.Equal("META", lines[0]);
        Assert.Equal("key;value", lines[1]);
        Assert.Equal("description;\"A test; with a separator\"", lines[2]);
        Assert.Equal("PROJECTS", lines[8]);
        Assert.Equal("project_id;cost;votes;name;selected", lines[9]);
        Assert.Equal("1;500.25;2;\"Park \"\"green\"\" bench\";1", lines[10]);
        Assert.Equal("VOTES", lines[13]);
        Assert.Equal("voter_id;vote;points;age", lines[14]);
        Assert.Equal("b;1,10;4,1;", lines[16]);
        Assert.True(ElectionsEqual(election, ReadText(text)));
    }

    internal static bool ElectionsEqual(Election a, Election b) =>
        a.Budget == b.Budget
        && a.VoteType == b.VoteType
        && a.Meta.SequenceEqual(b.Meta)
        && a.ProjectColumns.SequenceEqual(b.ProjectColumns)
        && a.VoteColumns.SequenceEqual(b.VoteColumns)
        && a.Projects.Count == b.Projects.Count
        && a.Projects.Zip(b.Projects).All(p => p.First.Id == p.Second.Id && p.First.Cost == p.Second.Cost && p.First.Values.SequenceEqual(p.Second.Values))
        && a.Voters.Count == b.Voters.Count
        && a.Voters.Zip(b.Voters).All(v => v.First.Id == v.Second.Id
            && v.First.ProjectIndices.SequenceEqual(v.Second.ProjectIndices)
            && (v.First.Points ?? []).SequenceEqual(v.Second.Points ?? [])
            && v.First.Values.SequenceEqual(v.Second.Values));
}
