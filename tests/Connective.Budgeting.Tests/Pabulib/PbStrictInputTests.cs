using System.Text;
using Connective.Budgeting.Pabulib;
using Connective.Budgeting.Tests.Cli;

namespace Connective.Budgeting.Tests.Pabulib;

/// <summary>
/// Input the reader used to accept silently or report misleadingly (issue 19): each case is refused, or accepted
/// with a warning, naming file, line, column and field.
/// </summary>
public sealed class PbStrictInputTests
{
    // Line numbers below refer to this text: 1 META … 8 the PROJECTS header, 9-10 projects, 11 VOTES, 13-14 ballots.
    private const string Valid = PbFormatErrorTests.Valid;

    private static PbFormatException ReadBroken(string text) =>
        Assert.Throws<PbFormatException>(() => PbReaderTests.ReadText(text, "broken.pb"));

    private static void AssertPlace(PbFormatException error, int line, int column, string field)
    {
        Assert.Equal((line, column, field), (error.Line, error.Column, error.Field));
        Assert.StartsWith($"broken.pb:{line}:{column}: field '{field}':", error.Message, StringComparison.Ordinal);
    }

    private static PbWarning SingleWarning(string text)
    {
        var election = PbReaderTests.ReadText(text, "odd.pb");
        var warning = Assert.Single(election.Warnings);
        Assert.Equal("odd.pb", warning.File);
        return warning;
    }

    [Fact]
    public void The_valid_sample_reads_without_warnings()
    {
        Assert.Empty(PbReaderTests.ReadText(Valid).Warnings);
    }

    [Fact]
    public void A_selected_value_that_is_not_a_number_is_refused()
    {
        var text = Valid.Replace("project_id;cost;name", "project_id;cost;name;selected", StringComparison.Ordinal)
            .Replace("p1;400;One", "p1;400;One;1", StringComparison.Ordinal)
            .Replace("p2;700;Two", "p2;700;Two;yes", StringComparison.Ordinal);

        var error = ReadBroken(text);

        AssertPlace(error, 10, 12, "selected");
        Assert.Contains("'yes' is not a whole number", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("-1")]
    public void A_selected_code_other_than_0_to_3_is_refused(string code)
    {
        var text = Valid.Replace("project_id;cost;name", "project_id;cost;name;selected", StringComparison.Ordinal)
            .Replace("p1;400;One", "p1;400;One;1", StringComparison.Ordinal)
            .Replace("p2;700;Two", "p2;700;Two;" + code, StringComparison.Ordinal);

        var error = ReadBroken(text);

        AssertPlace(error, 10, 12, "selected");
        Assert.Contains($"{code} is not 0, 1, 2 or 3", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_selected_value_still_means_no_official_outcome()
    {
        var text = Valid.Replace("project_id;cost;name", "project_id;cost;name;selected", StringComparison.Ordinal)
            .Replace("p1;400;One", "p1;400;One;", StringComparison.Ordinal)
            .Replace("p2;700;Two", "p2;700;Two; ", StringComparison.Ordinal);

        Assert.All(PbReaderTests.ReadText(text).Projects, p => Assert.Null(p.Selected));
    }

    [Fact]
    public void An_election_with_no_voters_is_refused()
    {
        var text = Valid.Replace("num_votes;2", "num_votes;0", StringComparison.Ordinal)
            .Replace("v1;p1,p2\nv2;p2", "", StringComparison.Ordinal);

        var error = ReadBroken(text);

        AssertPlace(error, 11, 1, "VOTES");
        Assert.Contains("0 voters", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_named_twice_on_an_approval_ballot_is_counted_once_with_a_warning()
    {
        var warning = SingleWarning(Valid.Replace("v1;p1,p2", "v1;p2,p2", StringComparison.Ordinal));

        Assert.Equal((13, 7, "vote"), (warning.Line, warning.Column, warning.Field));
        Assert.Contains("1 ballot(s) name a project more than once (first: 'p2'", warning.Problem, StringComparison.Ordinal);
        Assert.StartsWith("odd.pb:13:7: field 'vote':", warning.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_ballot_is_read_with_a_warning()
    {
        var warning = SingleWarning(Valid.Replace("v2;p2", "v2;", StringComparison.Ordinal));

        Assert.Equal((14, 4, "vote"), (warning.Line, warning.Column, warning.Field));
        Assert.Contains("1 ballot(s) are empty", warning.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_votes_column_that_disagrees_with_the_ballots_is_named_at_the_project_row()
    {
        var text = Valid.Replace("project_id;cost;name", "project_id;cost;name;votes", StringComparison.Ordinal)
            .Replace("p1;400;One", "p1;400;One;1", StringComparison.Ordinal)
            .Replace("p2;700;Two", "p2;700;Two;5", StringComparison.Ordinal);

        var warning = SingleWarning(text);

        Assert.Equal((10, 12, "votes"), (warning.Line, warning.Column, warning.Field));
        Assert.Contains("says 5 but 2 ballot(s) name project 'p2'", warning.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_are_refused_at_their_line_column_and_field()
    {
        // "Twó" written in Windows-1250 (ó = 0xF3), a byte that cannot stand alone in UTF-8.
        var bytes = Encoding.UTF8.GetBytes(Valid.Replace("p2;700;Two", "p2;700;Tw#", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xF3;

        var error = Assert.Throws<PbFormatException>(() => PbReader.Read(new MemoryStream(bytes), "broken.pb"));

        AssertPlace(error, 10, 10, "name");
        Assert.Contains("not valid UTF-8", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_bytes_are_named_at_their_own_line_even_after_a_valid_replacement_character()
    {
        // The decoder reads a whole buffer ahead of the parser: a valid U+FFFD on line 9 must not take the blame for
        // the invalid byte on line 10.
        var bytes = Encoding.UTF8.GetBytes(Valid.Replace("p1;400;One", "p1;400;On\uFFFD", StringComparison.Ordinal)
            .Replace("p2;700;Two", "p2;700;Tw#", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xF3;

        var error = Assert.Throws<PbFormatException>(() => PbReader.Read(new MemoryStream(bytes), "broken.pb"));

        AssertPlace(error, 10, 10, "name");
    }

    [Fact]
    public void Invalid_bytes_on_the_second_line_of_a_quoted_field_are_named_at_that_line_and_column()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid.Replace("p2;700;Two", "p2;700;\"Two\nand Thr#\"", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xF3;

        var error = Assert.Throws<PbFormatException>(() => PbReader.Read(new MemoryStream(bytes), "broken.pb"));

        AssertPlace(error, 11, 8, "name");
    }

    [Fact]
    public void A_replacement_character_written_in_valid_UTF8_is_text_like_any_other()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid.Replace("p2;700;Two", "p2;700;Tw\uFFFD", StringComparison.Ordinal));

        var election = PbReader.Read(new MemoryStream(bytes), "ok.pb");

        Assert.Equal("Tw\uFFFD", election.Projects[1]["name"]);
    }

    [Fact]
    public void A_budget_of_40_digits_is_too_large_not_not_a_number()
    {
        var error = ReadBroken(Valid.Replace("budget;1000", "budget;1234567890123456789012345678901234567890", StringComparison.Ordinal));

        AssertPlace(error, 5, 8, "budget");
        Assert.Contains("too large", error.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("not a number", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cost_of_40_digits_is_too_large()
    {
        var error = ReadBroken(Valid.Replace("p2;700;Two", "p2;7000000000000000000000000000000000000000;Two", StringComparison.Ordinal));

        AssertPlace(error, 10, 4, "cost");
        Assert.Contains("too large", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_count_beyond_the_int_range_is_too_large_not_not_a_whole_number()
    {
        var error = ReadBroken(Valid.Replace("num_votes;2", "num_votes;99999999999", StringComparison.Ordinal));

        AssertPlace(error, 4, 11, "num_votes");
        Assert.Contains("'99999999999' is too large", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("max_length;three", 12, "max_length", "'three' is not a whole number")]
    [InlineData("min_project_score_threshold;30a", 29, "min_project_score_threshold", "'30a' is not a number")]
    [InlineData("min_project_score_threshold;1,000", 29, "min_project_score_threshold", "'1,000' is not a number (write a decimal point")]
    [InlineData("min_project_score_threshold;-5", 29, "min_project_score_threshold", "is negative")]
    public void A_META_value_the_rules_read_is_refused_when_it_is_not_a_number(string row, int column, string field, string problem)
    {
        // Ignored, it would silently change the outcome: greedy-threshold would count with a threshold of 0.
        var error = ReadBroken(Valid.Replace("vote_type;approval", "vote_type;approval\n" + row, StringComparison.Ordinal));

        AssertPlace(error, 7, column, field);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void META_values_the_rules_read_may_have_spaces_around_them()
    {
        var election = PbReaderTests.ReadText(Valid.Replace("vote_type;approval", "vote_type;approval\nmax_length; 2\nmin_project_score_threshold; 1 ", StringComparison.Ordinal));

        Assert.Equal(" 2", election.GetMeta("max_length"));
    }

    [Fact]
    public void An_unknown_section_is_named_as_such()
    {
        var error = ReadBroken(Valid + "\nCOMMENTS\nnote;checked by hand\n");

        AssertPlace(error, 15, 1, "COMMENTS");
        Assert.Contains("unknown section 'COMMENTS'", error.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("fields", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_section_between_known_ones_is_named_as_such()
    {
        var error = ReadBroken(Valid.Replace("PROJECTS\n", "CATEGORIES\nPROJECTS\n", StringComparison.Ordinal));

        AssertPlace(error, 7, 1, "CATEGORIES");
    }

    [Fact]
    public void Section_names_in_any_case_and_padded_with_empty_fields_are_sections_as_pabutools_reads_them()
    {
        var text = Valid.Replace("PROJECTS\n", "Projects;;\n", StringComparison.Ordinal).Replace("VOTES\n", "votes\n", StringComparison.Ordinal);

        var election = PbReaderTests.ReadText(text);

        Assert.Equal(2, election.Projects.Count);
        Assert.Equal(2, election.Voters.Count);
        Assert.Empty(election.Warnings);
    }

    [Fact]
    public void A_file_with_a_UTF16_byte_order_mark_is_named_as_UTF16()
    {
        var bytes = new UnicodeEncoding(bigEndian: false, byteOrderMark: true).GetPreamble().Concat(Encoding.Unicode.GetBytes(Valid)).ToArray();

        var error = Assert.Throws<PbFormatException>(() => PbReader.Read(new MemoryStream(bytes), "broken.pb"));

        AssertPlace(error, 1, 1, "(encoding)");
        Assert.Contains("the file is UTF-16", error.Problem, StringComparison.Ordinal);
        Assert.Contains("Pabulib files are UTF-8", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_comma_in_a_vote_is_named_as_an_empty_item()
    {
        var error = ReadBroken(Valid.Replace("v2;p2", "v2;p2,", StringComparison.Ordinal));

        AssertPlace(error, 14, 7, "vote");
        Assert.Contains("item 2 of the vote is empty (a stray ',' in 'p2,')", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decimal_comma_is_refused_with_a_hint_not_read_as_pabutools_would()
    {
        var error = ReadBroken(Valid.Replace("budget;1000", "budget;1,000", StringComparison.Ordinal));

        AssertPlace(error, 5, 8, "budget");
        Assert.Contains("'1,000' is not a number (write a decimal point as '.'", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_is_reported_as_a_directory()
    {
        var directory = Directory.CreateTempSubdirectory("connective-pb-dir-").FullName;
        try
        {
            var error = Assert.Throws<IOException>(() => PbReader.Read(directory));
            var cli = CliRunner.Run("pb", "stats", directory);

            Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);
            Assert.Equal(1, cli.ExitCode);
            Assert.Contains($"{directory}: is a directory", cli.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("not found", cli.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Fact]
    public void The_command_line_prints_each_warning_with_its_place()
    {
        var path = Path.Combine(Path.GetTempPath(), $"connective-warn-{Guid.NewGuid():N}.pb");
        File.WriteAllText(path, Valid.Replace("v2;p2", "v2;", StringComparison.Ordinal));
        try
        {
            var result = CliRunner.Run("pb", "stats", path);

            Assert.Equal(0, result.ExitCode);
            Assert.Contains($"warning: {Path.GetFileName(path)}:14:4: field 'vote': 1 ballot(s) are empty", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
