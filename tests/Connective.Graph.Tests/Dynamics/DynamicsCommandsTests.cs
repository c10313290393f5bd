using System.Diagnostics;
using System.Text.Json;
using Connective.TestSupport;

namespace Connective.Graph.Tests.Dynamics;

/// <summary>Runs the real `connective` executable's dynamics commands as a script would.</summary>
public sealed class DynamicsCommandsTests
{
    private static readonly string Karate = RepositoryPaths.SharedFile("networks", "karate.edgelist");

    [Fact]
    public void Simulate_writes_a_series_and_json_with_final_sizes_and_the_same_seed_repeats()
    {
        var (code, csv, _) = Run("graph", "simulate", Karate, "--model", "sir", "--beta", "0.5", "--runs", "200", "--points", "11", "-q");
        var (_, again, _) = Run("graph", "simulate", Karate, "--model", "sir", "--beta", "0.5", "--runs", "200", "--points", "11", "-q");
        var (jsonCode, json, _) = Run("graph", "simulate", Karate, "--model", "ic", "--beta", "0.2", "--runs", "100", "--start", "0,33", "--immune", "2", "--format", "json", "-q");

        Assert.Equal(0, code);
        var lines = csv.Trim().Split('\n');
        Assert.Equal("time,active,active_low,active_high,ever,ever_low,ever_high", lines[0]);
        Assert.Equal(12, lines.Length);
        Assert.Equal(csv, again);
        Assert.Equal(0, jsonCode);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(100, root.GetProperty("final_sizes").GetArrayLength());
        Assert.True(root.GetProperty("final_size").GetProperty("mean").GetDouble() >= 2);
    }

    [Fact]
    public void Seed_lists_k_seeds_with_gains_and_protect_lists_people_to_protect()
    {
        var (code, csv, _) = Run("graph", "seed", Karate, "-k", "3", "--p", "0.1", "--evaluate", "500", "-q");
        var (protectCode, protect, _) = Run("graph", "seed", Karate, "-k", "2", "--protect", "--p", "0.2", "--worlds", "50", "-q");

        Assert.Equal(0, code);
        var lines = csv.Trim().Split('\n');
        Assert.Equal("rank,node,gain", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal(0, protectCode);
        Assert.Equal(3, protect.Trim().Split('\n').Length);
    }

    [Fact]
    public void Introduce_and_contagion_test_read_a_node_table_and_bad_columns_exit_1()
    {
        var table = Path.Combine(Path.GetTempPath(), $"connective-people-{Guid.NewGuid():N}.csv");
        // One supporter, 16, on the edge of the club: most of the lonely (every third member) are more than two steps away.
        File.WriteAllLines(table, ["node,lonely,lonely_later,ward,helper", .. Enumerable.Range(0, 34).Select(v => $"{v},{(v % 3 == 0 ? 1 : 0)},{(v % 4 == 0 ? 1 : 0)},W{v % 2},{(v == 16 ? "yes" : "no")}")]);
        try
        {
            var (introCode, intro, _) = Run("graph", "introduce", Karate, "-k", "2", "--attributes", table, "--isolated-column", "lonely", "--supporter-column", "helper", "--capacity", "2", "--format", "json", "-q");
            var (testCode, text, _) = Run("graph", "contagion-test", Karate, "--attributes", table, "--trait", "lonely", "--later", "lonely_later", "--strata", "ward", "--shuffles", "99", "--max-distance", "2", "-q");
            var (badCode, _, error) = Run("graph", "contagion-test", Karate, "--attributes", table, "--trait", "missing", "-q");

            Assert.Equal(0, introCode);
            Assert.Equal(2, JsonDocument.Parse(intro).RootElement.GetProperty("introductions").GetArrayLength());
            Assert.Equal(0, testCode);
            Assert.Contains("What the data are consistent with:", text, StringComparison.Ordinal);
            Assert.Contains("Explanations that remain open:", text, StringComparison.Ordinal);
            Assert.Equal(1, badCode);
            Assert.Contains("no column 'missing'", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(table);
        }
    }

    [Fact]
    public void Bad_options_name_the_problem_and_exit_1()
    {
        var (code, stdout, stderr) = Run("graph", "simulate", Karate, "--model", "sir-discrete", "--beta", "3", "-q");
        var (unknownCode, _, unknown) = Run("graph", "simulate", Karate, "--start", "999", "-q");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("Transmission", stderr, StringComparison.Ordinal);
        Assert.Equal(1, unknownCode);
        Assert.Contains("'999'", unknown, StringComparison.Ordinal);
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "connective.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
