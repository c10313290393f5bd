using Connective.Budgeting.Pabulib;

namespace Connective.Budgeting.Tests.Pabulib;

/// <summary>One test per kind of malformed file; each asserts the file, line, column and field reported.</summary>
public sealed class PbFormatErrorTests
{
    internal const string Valid = """
        META
        key;value
        num_projects;2
        num_votes;2
        budget;1000
        vote_type;approval
        PROJECTS
        project_id;cost;name
        p1;400;One
        p2;700;Two
        VOTES
        voter_id;vote
        v1;p1,p2
        v2;p2
        """;

    private static PbFormatException ReadBroken(string text) =>
        Assert.Throws<PbFormatException>(() => PbReaderTests.ReadText(text, "broken.pb"));

    private static void AssertPlace(PbFormatException error, int line, int column, string field)
    {
        Assert.Equal("broken.pb", error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Equal(field, error.Field);
        Assert.StartsWith($"broken.pb:{line}:{column}: field '{field}':", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_valid_sample_reads()
    {
        Assert.Equal(2, PbReaderTests.ReadText(Valid).Voters.Count);
    }

    [Fact]
    public void Missing_meta_section()
    {
        var error = ReadBroken(Valid[(Valid.IndexOf("PROJECTS", StringComparison.Ordinal))..]);
        AssertPlace(error, 1, 1, "META");
    }

    [Fact]
    public void Missing_votes_section()
    {
        var error = ReadBroken(Valid[..Valid.IndexOf("VOTES", StringComparison.Ordinal)]);
        AssertPlace(error, 10, 1, "VOTES");
    }

    [Fact]
    public void Missing_projects_section()
    {
        var text = Valid.Replace("PROJECTS\nproject_id;cost;name\np1;400;One\np2;700;Two\n", "", StringComparison.Ordinal);
        var error = ReadBroken(text);
        AssertPlace(error, 7, 1, "PROJECTS");
    }

    [Fact]
    public void Missing_budget()
    {
        var error = ReadBroken(Valid.Replace("budget;1000\n", "", StringComparison.Ordinal));
        AssertPlace(error, 6, 1, "budget");
    }

    [Fact]
    public void Wrong_number_of_projects()
    {
        var error = ReadBroken(Valid.Replace("num_projects;2", "num_projects;3", StringComparison.Ordinal));
        AssertPlace(error, 3, 14, "num_projects");
        Assert.Contains("3 projects but the file has 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_number_of_votes()
    {
        var error = ReadBroken(Valid.Replace("num_votes;2", "num_votes;5", StringComparison.Ordinal));
        AssertPlace(error, 4, 11, "num_votes");
    }

    [Fact]
    public void Unknown_project_id_in_a_vote()
    {
        var error = ReadBroken(Valid.Replace("v1;p1,p2", "v1;p1,p9", StringComparison.Ordinal));
        AssertPlace(error, 13, 7, "vote");
        Assert.Contains("'p9'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Project_named_twice_in_one_vote()
    {
        var text = Valid.Replace("vote_type;approval", "vote_type;ordinal", StringComparison.Ordinal).Replace("v1;p1,p2", "v1;p2,p2", StringComparison.Ordinal);
        var error = ReadBroken(text);
        AssertPlace(error, 13, 7, "vote");
    }

    [Fact]
    public void Approval_ballot_naming_a_project_twice_counts_it_once()
    {
        var election = PbReaderTests.ReadText(Valid.Replace("v1;p1,p2", "v1;p2,p2", StringComparison.Ordinal));
        Assert.Equal([1], election.Voters[0].ProjectIndices);
        Assert.Equal("p2,p2", election.Voters[0].Values[1]);
    }

    [Fact]
    public void Negative_cost()
    {
        var error = ReadBroken(Valid.Replace("p2;700;Two", "p2;-700;Two", StringComparison.Ordinal));
        AssertPlace(error, 10, 4, "cost");
    }

    [Fact]
    public void Non_numeric_cost()
    {
        var error = ReadBroken(Valid.Replace("p2;700;Two", "p2;7OO;Two", StringComparison.Ordinal));
        AssertPlace(error, 10, 4, "cost");
    }

    [Fact]
    public void Non_numeric_budget()
    {
        var error = ReadBroken(Valid.Replace("budget;1000", "budget;a lot", StringComparison.Ordinal));
        AssertPlace(error, 5, 8, "budget");
    }

    [Fact]
    public void Non_numeric_points()
    {
        var text = Valid.Replace("approval", "cumulative", StringComparison.Ordinal)
            .Replace("voter_id;vote\nv1;p1,p2\nv2;p2", "voter_id;vote;points\nv1;p1,p2;3,x\nv2;p2;5", StringComparison.Ordinal);
        var error = ReadBroken(text);
        AssertPlace(error, 13, 12, "points");
    }

    [Fact]
    public void Points_missing_for_a_points_ballot()
    {
        var text = Valid.Replace("approval", "cumulative", StringComparison.Ordinal);
        var error = ReadBroken(text);
        AssertPlace(error, 12, 1, "points");
    }

    [Fact]
    public void Points_count_differs_from_vote_count()
    {
        var text = Valid.Replace("approval", "scoring", StringComparison.Ordinal)
            .Replace("voter_id;vote\nv1;p1,p2\nv2;p2", "voter_id;vote;points\nv1;p1,p2;3\nv2;p2;5", StringComparison.Ordinal);
        var error = ReadBroken(text);
        AssertPlace(error, 13, 10, "points");
    }

    [Fact]
    public void Duplicate_voter_id()
    {
        var error = ReadBroken(Valid.Replace("v2;p2", "v1;p2", StringComparison.Ordinal));
        AssertPlace(error, 14, 1, "voter_id");
    }

    [Fact]
    public void Duplicate_project_id()
    {
        var error = ReadBroken(Valid.Replace("p2;700;Two", "p1;700;Two", StringComparison.Ordinal));
        AssertPlace(error, 10, 1, "project_id");
    }

    [Fact]
    public void Unknown_vote_type()
    {
        var error = ReadBroken(Valid.Replace("vote_type;approval", "vote_type;approvals", StringComparison.Ordinal));
        AssertPlace(error, 6, 11, "vote_type");
    }

    [Fact]
    public void Row_with_too_few_fields()
    {
        var error = ReadBroken(Valid.Replace("p2;700;Two", "p2;700", StringComparison.Ordinal));
        AssertPlace(error, 10, 4, "name");
    }

    [Fact]
    public void Row_with_too_many_fields()
    {
        var error = ReadBroken(Valid.Replace("p2;700;Two", "p2;700;Two;extra", StringComparison.Ordinal));
        AssertPlace(error, 10, 12, "(extra field)");
    }

    [Fact]
    public void Projects_header_without_cost()
    {
        var error = ReadBroken(Valid.Replace("project_id;cost;name", "project_id;price;name", StringComparison.Ordinal));
        AssertPlace(error, 8, 12, "cost");
    }

    [Fact]
    public void Choose_one_ballot_with_two_projects()
    {
        var error = ReadBroken(Valid.Replace("approval", "choose-1", StringComparison.Ordinal));
        AssertPlace(error, 13, 4, "vote");
    }

    [Fact]
    public void Unclosed_quote()
    {
        var error = ReadBroken(Valid.Replace("p2;700;Two", "p2;700;\"Two", StringComparison.Ordinal));
        AssertPlace(error, 10, 1, "(quoted field)");
    }
}
