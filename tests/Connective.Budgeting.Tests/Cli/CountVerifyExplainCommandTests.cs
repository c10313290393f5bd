using System.Text.Json;
using Connective.TestSupport;

namespace Connective.Budgeting.Tests.Cli;

public sealed class CountVerifyExplainCommandTests
{
    private static readonly string Rakowiec = RepositoryPaths.SharedFile("pabulib", "Poland_Warszawa_2026_Rakowiec.pb");

    private static List<string> Expected(string file, string field)
    {
        using var stream = File.OpenRead(RepositoryPaths.SharedFile("pabulib", "expected.json"));
        using var document = JsonDocument.Parse(stream);
        var entry = document.RootElement.EnumerateArray().Single(e => e.GetProperty("file").GetString() == file);
        return [.. entry.GetProperty(field).EnumerateArray().Select(x => x.GetString()!)];
    }

    private static JsonElement Json(CliRunner.Outcome outcome)
    {
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        using var document = JsonDocument.Parse(outcome.Output);
        return document.RootElement.Clone();
    }

    [Theory]
    [InlineData("mes", new[] { "--rule", "mes", "--utility", "cost", "--completion", "none" })]
    [InlineData("mes_cardinality", new[] { "--rule", "mes", "--utility", "cardinality", "--completion", "none" })]
    [InlineData("greedy", new[] { "--rule", "greedy-density", "--utility", "cost" })]
    [InlineData("phragmen", new[] { "--rule", "phragmen" })]
    [InlineData("mes_add1", new[] { "--rule", "mes", "--utility", "cost", "--completion", "add1", "--preset", "pabutools" })]
    public void Count_prints_the_reference_outcome_and_the_options_used(string field, string[] options)
    {
        var root = Json(CliRunner.Run(["pb", "count", Rakowiec, .. options, "--tie-breaking", "id", "--format", "json"]));

        Assert.Equal(Expected("Poland_Warszawa_2026_Rakowiec.pb", field), root.GetProperty("selected").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal("id", root.GetProperty("tie_breaking").GetString());
        Assert.Equal(options[1], root.GetProperty("rule").GetString());
        Assert.Equal("exact", root.GetProperty("arithmetic").GetString());
    }

    [Fact]
    public void Count_with_the_pabutools_preset_reports_the_add1_variant_and_steps()
    {
        var root = Json(CliRunner.Run("pb", "count", Rakowiec, "--preset", "pabutools", "--format", "json"));

        Assert.Equal("add1", root.GetProperty("completion").GetString());
        var add1 = root.GetProperty("add1");
        Assert.Equal("exact", add1.GetProperty("start").GetString());
        Assert.Equal("supported", add1.GetProperty("stop").GetString());
        Assert.Equal(root.GetProperty("add1_runs").GetInt32() - 1, root.GetProperty("add1_steps").GetInt32());
    }

    [Fact]
    public void Explicit_options_override_the_preset()
    {
        var root = Json(CliRunner.Run("pb", "count", Rakowiec, "--preset", "pabulib-official", "--add1-stop", "all", "--tie-breaking", "cost-votes", "--format", "json"));

        Assert.Equal("all", root.GetProperty("add1").GetProperty("stop").GetString());
        Assert.Equal("cost-votes", root.GetProperty("tie_breaking").GetString());
        Assert.Equal("cost", root.GetProperty("utility").GetString());
    }

    [Fact]
    public void Count_with_repeat_reports_one_time_per_run()
    {
        var root = Json(CliRunner.Run("pb", "count", Rakowiec, "--rule", "greedy", "--repeat", "3", "--format", "json"));

        Assert.Equal(3, root.GetProperty("timing").GetProperty("count_ms").GetArrayLength());
    }

    [Fact]
    public void Count_as_markdown_lists_the_funded_projects()
    {
        var result = CliRunner.Run("pb", "count", Rakowiec, "--rule", "mes");

        Assert.Equal(0, result.ExitCode);
        foreach (var id in Expected("Poland_Warszawa_2026_Rakowiec.pb", "mes"))
        {
            Assert.Contains($"| {id} |", result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Verify_uses_the_files_official_rule_and_reproduces_it()
    {
        var root = Json(CliRunner.Run("pb", "verify", Rakowiec, "--format", "json"));

        Assert.True(root.GetProperty("reproduced").GetBoolean());
        Assert.Equal("greedy-threshold", root.GetProperty("rule").GetString());
        Assert.Equal("cost-votes", root.GetProperty("tie_breaking").GetString());
        Assert.Equal(0, root.GetProperty("missing").GetArrayLength());
    }

    [Fact]
    public void Verify_reproduces_the_official_equal_shares_count_of_Assen()
    {
        var root = Json(CliRunner.Run("pb", "verify", RepositoryPaths.SharedFile("pabulib", "Netherlands_Assen_2024.pb"), "--format", "json"));

        Assert.True(root.GetProperty("reproduced").GetBoolean(), root.ToString());
        Assert.Equal("budget", root.GetProperty("add1").GetProperty("stop").GetString());
    }

    [Theory]
    [InlineData("Poland_Poznan_2025_3_-_Piatkowo_Polnoc_Piatkowo__large.pb", "RD-III.1")]
    [InlineData("Poland_Poznan_2025_11_-_Fabianowo-Kotowo_Gorczyn_Junikowo_Kwiatowe_Lawica__large.pb", "RD-XI.4")]
    public void Verify_reproduces_Poznans_greedy_custom_with_its_reserve_funded_project(string file, string reserveFunded)
    {
        var root = Json(CliRunner.Run("pb", "verify", RepositoryPaths.SharedFile("pabulib", file), "--format", "json"));

        Assert.True(root.GetProperty("reproduced").GetBoolean(), root.ToString());
        Assert.Equal("greedy-custom", root.GetProperty("rule").GetString());
        Assert.Contains(reserveFunded, root.GetProperty("official").EnumerateArray().Select(x => x.GetString()));
    }

    public static TheoryData<string> PoznanFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepositoryPaths.SharedData, "pabulib"), "Poland_Poznan_*.pb").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(PoznanFiles))]
    public void Verify_reproduces_the_official_outcome_of_every_shared_Poznan_file(string file)
    {
        var outcome = CliRunner.Run("pb", "verify", RepositoryPaths.SharedFile("pabulib", file));

        Assert.True(outcome.ExitCode == 0, outcome.Output + outcome.Error);
        Assert.Contains("reproduced — greedy-custom funds exactly the", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void All_fourteen_Poznan_files_are_in_the_shared_data()
    {
        Assert.Equal(14, PoznanFiles().Count);
    }

    [Fact]
    public void Verify_without_the_reserve_step_does_not_reproduce_Poznan_and_exits_with_3()
    {
        var outcome = CliRunner.Run("pb", "verify", RepositoryPaths.SharedFile("pabulib", "Poland_Poznan_2025_3_-_Piatkowo_Polnoc_Piatkowo__large.pb"), "--rule", "greedy-no-skip");

        Assert.Equal(3, outcome.ExitCode);
        Assert.Contains("NOT reproduced by greedy-no-skip; official but not computed: [RD-III.1]; computed but not official: []", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_as_json_says_what_the_file_records_as_official()
    {
        var root = Json(CliRunner.Run("pb", "explain", RepositoryPaths.SharedFile("pabulib", "Poland_Poznan_2025_3_-_Piatkowo_Polnoc_Piatkowo__large.pb"), "--format", "json"));

        Assert.Equal("greedy-custom", root.GetProperty("official_rule").GetString());
        Assert.Equal(["RD-III.1", "RD-III.5"], root.GetProperty("officially_selected").EnumerateArray().Select(x => x.GetString()!).Order(StringComparer.Ordinal));
        Assert.Contains(root.GetProperty("summary").EnumerateArray(), p => p.GetString()!.StartsWith("This is not the official result the file records (its rule: greedy-custom)", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_with_plain_greedy_does_not_reproduce_Poznans_no_skip_and_exits_with_3()
    {
        // 2026 district 11: a cheaper project further down would fit, and Poznań's rule does not fund it.
        var outcome = CliRunner.Run("pb", "verify", RepositoryPaths.SharedFile("pabulib", "Poland_Poznan_2026_11_-_Fabianowo-Kotowo_Gorczyn_Junikowo_Kwiatowe_Lawica__large.pb"), "--rule", "greedy", "--tie-breaking", "cost-votes");

        Assert.Equal(3, outcome.ExitCode);
        Assert.Contains("NOT reproduced by greedy", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_with_another_rule_reports_the_differences_and_exits_with_3()
    {
        var outcome = CliRunner.Run("pb", "verify", Rakowiec, "--rule", "mes", "--format", "json");
        Assert.Equal(3, outcome.ExitCode);
        using var document = JsonDocument.Parse(outcome.Output);
        var root = document.RootElement;

        Assert.False(root.GetProperty("reproduced").GetBoolean());
        List<string> Ids(string name) => [.. root.GetProperty(name).EnumerateArray().Select(x => x.GetString()!).Order(StringComparer.Ordinal)];
        var official = Ids("official");
        var selected = Ids("selected");
        Assert.Equal(official.Except(selected).Order(StringComparer.Ordinal), Ids("missing"));
        Assert.Equal(selected.Except(official).Order(StringComparer.Ordinal), Ids("extra"));
    }

    [Fact]
    public void Verify_names_the_known_unreproducible_file_as_not_reproduced()
    {
        var result = CliRunner.Run("pb", "verify", RepositoryPaths.SharedFile("pabulib", "Poland_Warszawa_2018_Ursynow_Wysoki_Poludniowy.pb"));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("NOT reproduced", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_as_json_has_rounds_projects_satisfaction_and_priceability()
    {
        var root = Json(CliRunner.Run("pb", "explain", Rakowiec, "--rule", "mes", "--format", "json"));

        Assert.True(root.GetProperty("rounds").GetArrayLength() > 0);
        Assert.Equal(14, root.GetProperty("projects").GetArrayLength());
        Assert.Equal(2, root.GetProperty("satisfaction").GetArrayLength());
        Assert.True(root.GetProperty("priceability").GetProperty("priceable").GetBoolean());
    }

    [Fact]
    public void Explain_as_markdown_explains_each_project()
    {
        var result = CliRunner.Run("pb", "explain", Rakowiec, "--rule", "greedy");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("## Projects", result.Output, StringComparison.Ordinal);
        Assert.Contains("## Voters", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("## Priceability", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("count", "--rule", "approval-voting")]
    [InlineData("count", "--tie-breaking", "lot:abc")]
    [InlineData("count", "--utility", "happiness")]
    [InlineData("count", "--no-such-option", "1")]
    [InlineData("explain", "--completion", "add2")]
    [InlineData("verify", "--preset", "equalshares.net")]
    public void Invalid_options_are_usage_errors(string command, string option, string value)
    {
        var result = CliRunner.Run("pb", command, Rakowiec, option, value);

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void A_completion_with_a_rule_other_than_mes_is_a_usage_error()
    {
        var result = CliRunner.Run("pb", "count", Rakowiec, "--rule", "greedy", "--completion", "add1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--rule mes only", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Phragmen_on_cumulative_ballots_is_refused_as_bad_input()
    {
        var result = CliRunner.Run("pb", "count", RepositoryPaths.SharedFile("pabulib", "Poland_Czestochowa_2020_Grabowka.pb"), "--rule", "phragmen");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("approval and choose-1", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_selected_column_cannot_be_verified()
    {
        var path = Path.Combine(Path.GetTempPath(), $"connective-noselected-{Guid.NewGuid():N}.pb");
        File.WriteAllText(path, "META\nkey;value\nnum_projects;1\nnum_votes;1\nbudget;100\nvote_type;approval\nrule;greedy\nPROJECTS\nproject_id;cost\n1;50\nVOTES\nvoter_id;vote\n1;1\n");
        try
        {
            var result = CliRunner.Run("pb", "verify", path);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("no 'selected' column", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("count")]
    [InlineData("verify")]
    [InlineData("explain")]
    public void Every_rule_command_has_help(string command)
    {
        var result = CliRunner.Run("pb", command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--tie-breaking", result.Output, StringComparison.Ordinal);
    }
}
