using System.CommandLine;
using Connective.Graph.Dynamics;

namespace Connective.Cli.Graph;

/// <summary>`connective graph contagion-test FILE --attributes TABLE --trait COLUMN`: honest tests of clustering and contagion.</summary>
internal static class ContagionTestCommand
{
    public static Command Create()
    {
        var file = GraphCli.FileArgument();
        var directed = GraphCli.DirectedOption();
        var undirected = GraphCli.UndirectedOption();
        var attributes = new Option<string>("--attributes") { Description = "The node table: CSV with a header, first column the node id.", Required = true };
        var trait = new Option<string>("--trait") { Description = "The yes/no column of the trait (at the first time point).", Required = true };
        var later = new Option<string?>("--later") { Description = "The yes/no column of the same trait at a second time point (enables the lagged tests)." };
        var strata = new Option<string[]>("--strata") { Description = "Columns to stratify the permutations by (for example ward age_band household_type).", AllowMultipleArgumentsPerToken = true };
        var placebo = new Option<string?>("--placebo") { Description = "A yes/no column of an attribute that cannot spread, at the first time point." };
        var placeboLater = new Option<string?>("--placebo-later") { Description = "The placebo at the second time point." };
        var distance = new Option<int>("--max-distance") { Description = "Degrees of separation to examine, 1 to 4 (default 4).", DefaultValueFactory = _ => 4 };
        var shuffles = new Option<int>("--shuffles") { Description = "Permutations in each null (default 1000).", DefaultValueFactory = _ => 1000 };
        var seed = GraphCli.SeedOption();
        var format = GraphCli.FormatOption("Output format", "text", "json", "csv");
        var output = GraphCli.OutputOption();
        var quiet = GraphCli.QuietOption();
        var command = new Command(
            "contagion-test",
            "Test whether a trait clusters in the network beyond a topology- and prevalence-preserving permutation null (by degree of "
            + "separation, optionally within strata) and, with two time points, whether its onset follows contacts' earlier trait. "
            + "Results say what the data are consistent with and list the alternatives that remain; they never establish causation. "
            + "Exit codes: 0 done, 1 bad input, 2 usage.")
        {
            file, directed, undirected, attributes, trait, later, strata, placebo, placeboLater, distance, shuffles, seed, format, output, quiet,
        };
        command.SetAction(parse => GraphCli.Run(() =>
        {
            var progress = new Progress(parse.GetValue(quiet));
            var graph = GraphCli.Load(parse.GetValue(file)!, parse.GetValue(directed), parse.GetValue(undirected), progress);
            var path = parse.GetValue(attributes)!;
            var table = DynamicsCli.ReadNodeTable(graph, path);
            var before = DynamicsCli.Flags(table, parse.GetValue(trait)!, path);
            var after = parse.GetValue(later) is { } l ? DynamicsCli.Flags(table, l, path) : null;
            var strataColumns = (parse.GetValue(strata) ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
            var placeboBefore = parse.GetValue(placebo) is { } p ? DynamicsCli.Flags(table, p, path) : null;
            var placeboAfter = parse.GetValue(placeboLater) is { } pl ? DynamicsCli.Flags(table, pl, path) : null;
            var options = new ContagionTestOptions
            {
                MaxDistance = parse.GetValue(distance),
                Shuffles = parse.GetValue(shuffles),
                Strata = strataColumns.Length > 0 ? DynamicsCli.Strata(table, strataColumns, path) : null,
                Seed = parse.GetValue(seed),
            };
            progress.Step($"testing with {options.Shuffles:N0} permutations{(options.Strata is null ? "" : $" within {options.Strata.Distinct().Count():N0} strata")}");
            var report = ContagionTest.Run(graph, before, after, options, placeboBefore, placeboAfter);
            progress.Step("done");
            Write(report, parse.GetValue(format)!, parse.GetValue(output));
            return GraphCli.Ok;
        }));
        return command;
    }

    private static void Write(ContagionReport report, string format, string? output)
    {
        if (format == "json")
        {
            GraphCli.WriteJson(output, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("prevalence", report.Prevalence);
                w.WriteStartArray("by_distance");
                foreach (var d in report.ByDistance)
                {
                    w.WriteStartObject();
                    w.WriteNumber("distance", d.Distance);
                    w.WriteNumber("pairs", d.Pairs);
                    GraphCli.WriteNumber(w, "observed", d.Observed);
                    GraphCli.WriteNumber(w, "null_mean", d.NullMean);
                    GraphCli.WriteNumber(w, "null_low", d.NullLow);
                    GraphCli.WriteNumber(w, "null_high", d.NullHigh);
                    GraphCli.WriteNumber(w, "relative_increase", d.RelativeIncrease);
                    GraphCli.WriteNumber(w, "increase_low", d.IncreaseLow);
                    GraphCli.WriteNumber(w, "increase_high", d.IncreaseHigh);
                    w.WriteNumber("p_value", d.PValue);
                    w.WriteBoolean("sampled_egos", d.SampledEgos);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                WritePermutation(w, "onset", report.Onset);
                WritePermutation(w, "placebo", report.Placebo);
                if (report.Lagged is { } lagged)
                {
                    w.WriteStartArray("lagged_model");
                    foreach (var c in lagged)
                    {
                        WriteCoefficient(w, c);
                    }
                    w.WriteEndArray();
                }
                if (report.Directionality is { } dir)
                {
                    w.WriteStartObject("directionality");
                    GraphCli.WriteNumber(w, "difference", dir.Difference);
                    GraphCli.WriteNumber(w, "low", dir.Low);
                    GraphCli.WriteNumber(w, "high", dir.High);
                    w.WriteEndObject();
                }
                if (report.EValue is { } e)
                {
                    w.WriteNumber("e_value", e);
                    w.WriteNumber("e_value_interval", report.EValueForInterval ?? 1);
                }
                w.WriteStartArray("findings");
                foreach (var f in report.Findings)
                {
                    w.WriteStringValue(f);
                }
                w.WriteEndArray();
                w.WriteStartArray("alternatives");
                foreach (var a in report.Alternatives)
                {
                    w.WriteStringValue(a);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
            return;
        }
        using var writer = GraphCli.OpenOutput(output);
        if (format == "csv")
        {
            writer.WriteLine("distance,pairs,observed,null_mean,null_low,null_high,relative_increase,increase_low,increase_high,p_value");
            foreach (var d in report.ByDistance)
            {
                writer.WriteLine($"{d.Distance},{d.Pairs},{DynamicsCli.F(d.Observed)},{DynamicsCli.F(d.NullMean)},{DynamicsCli.F(d.NullLow)},{DynamicsCli.F(d.NullHigh)},{DynamicsCli.F(d.RelativeIncrease)},{DynamicsCli.F(d.IncreaseLow)},{DynamicsCli.F(d.IncreaseHigh)},{DynamicsCli.F(d.PValue)}");
            }
            return;
        }
        writer.WriteLine("What the data are consistent with:");
        foreach (var f in report.Findings)
        {
            writer.WriteLine("- " + f);
        }
        writer.WriteLine();
        writer.WriteLine("Explanations that remain open:");
        foreach (var a in report.Alternatives)
        {
            writer.WriteLine("- " + a);
        }
    }

    private static void WritePermutation(System.Text.Json.Utf8JsonWriter w, string name, PermutationResult? result)
    {
        if (result is null)
        {
            return;
        }
        w.WriteStartObject(name);
        GraphCli.WriteNumber(w, "observed", result.Observed);
        GraphCli.WriteNumber(w, "null_mean", result.NullMean);
        GraphCli.WriteNumber(w, "null_low", result.NullLow);
        GraphCli.WriteNumber(w, "null_high", result.NullHigh);
        w.WriteNumber("p_value", result.PValue);
        w.WriteNumber("shuffles", result.Shuffles);
        w.WriteEndObject();
    }

    private static void WriteCoefficient(System.Text.Json.Utf8JsonWriter w, Coefficient c)
    {
        w.WriteStartObject();
        w.WriteString("term", c.Name);
        GraphCli.WriteNumber(w, "log_odds", c.Value);
        GraphCli.WriteNumber(w, "se", c.StandardError);
        GraphCli.WriteNumber(w, "low", c.Low);
        GraphCli.WriteNumber(w, "high", c.High);
        GraphCli.WriteNumber(w, "odds_ratio", c.OddsRatio);
        w.WriteEndObject();
    }
}
