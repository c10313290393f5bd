using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Connective.Budgeting;
using Connective.Budgeting.Rules;

namespace Connective.Cli.Pb;

/// <summary>`connective pb count FILE --rule …`: which projects a rule funds.</summary>
internal static class CountCommand
{
    public static Command Create()
    {
        var file = PbOptions.FileArgument();
        var rule = new RuleCommandOptions();
        var format = PbOptions.FormatOption();
        var repeat = new Option<int>("--repeat")
        {
            Description = "Count this many times in one process and report each run's time (for benchmarks; the first run is a warm-up).",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command("count", "Run a rule on an election and print the funded projects and the options used.") { file };
        rule.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(repeat);
        command.SetAction(parseResult => PbInput.Run(parseResult, output =>
        {
            var runs = parseResult.GetValue(repeat);
            if (runs < 1)
            {
                throw new UsageException("--repeat must be at least 1.");
            }
            var parse = Stopwatch.StartNew();
            var election = PbInput.Read(parseResult.GetRequiredValue(file), parseResult);
            var parseMs = parse.Elapsed.TotalMilliseconds;
            var options = rule.Resolve(parseResult);
            var timesMs = new double[runs];
            var cpuMs = new double[runs];
            RuleResult? result = null;
            using var process = Process.GetCurrentProcess();
            for (var r = 0; r < runs; r++)
            {
                // CPU time as well as wall time: on a shared machine it is the steadier of the two.
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                result = BudgetingRules.Count(election, options);
                timesMs[r] = watch.Elapsed.TotalMilliseconds;
                process.Refresh();
                cpuMs[r] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            }
            var timing = parseResult.GetResult(repeat) is { Implicit: false } ? new Timing(parseMs, timesMs, cpuMs) : null;
            if (PbOptions.FormatOf(parseResult, format) == OutputFormat.Json)
            {
                PbOptions.WriteJson(output, writer => WriteJson(writer, election, result!, timing));
            }
            else
            {
                output.Write(ToMarkdown(election, result!));
            }
            return PbInput.Ok;
        }));
        return command;
    }

    internal sealed record Timing(double ParseMs, double[] CountMs, double[] CountCpuMs);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The options a result was computed with, as the command line names them.</summary>
    public static void WriteOptions(Utf8JsonWriter writer, RuleOptions options)
    {
        writer.WriteString("rule", RuleCommandOptions.RuleName(options));
        writer.WriteString("utility", RuleCommandOptions.UtilityName(options.Utility));
        writer.WriteString("tie_breaking", options.TieBreaking.ToString());
        writer.WriteString("arithmetic", RuleCommandOptions.ArithmeticName(options.Arithmetic));
        if (options.Rule == RuleKind.EqualShares)
        {
            writer.WriteString("completion", RuleCommandOptions.CompletionName(options.Completion));
            if (options.Completion != CompletionKind.None)
            {
                writer.WriteStartObject("add1");
                writer.WriteString("start", RuleCommandOptions.Add1StartName(options.Add1.Start));
                writer.WriteString("step", Number(options.Add1.Step));
                writer.WriteString("stop", RuleCommandOptions.Add1StopName(options.Add1.Stop));
                writer.WriteBoolean("compare_with_greedy", options.Add1.CompareWithGreedy);
                writer.WriteEndObject();
            }
        }
        if (options.Rule == RuleKind.Greedy && options.GreedyVariant == GreedyVariant.Threshold && options.ScoreThreshold is { } threshold)
        {
            writer.WriteString("threshold", Number(threshold));
        }
    }

    private static void WriteJson(Utf8JsonWriter writer, Election election, RuleResult result, Timing? timing)
    {
        writer.WriteStartObject();
        writer.WriteString("file", election.Source);
        WriteOptions(writer, result.Options);
        writer.WriteStartArray("selected");
        foreach (var id in result.SelectedIdsSorted)
        {
            writer.WriteStringValue(id);
        }
        writer.WriteEndArray();
        writer.WriteStartArray("selected_in_order");
        foreach (var project in result.Selected)
        {
            writer.WriteStringValue(project.Id);
        }
        writer.WriteEndArray();
        writer.WriteString("total_cost", Number(result.TotalCost));
        writer.WriteString("budget", Number(election.Budget));
        if (result.Endowment is { } endowment)
        {
            writer.WriteNumber("endowment", endowment);
        }
        if (result.Options.Rule == RuleKind.EqualShares && result.Options.Completion != CompletionKind.None)
        {
            writer.WriteNumber("add1_runs", result.Add1Runs);
            writer.WriteNumber("add1_steps", Math.Max(0, result.Add1Runs - 1));
            writer.WriteBoolean("comparison_chose_greedy", result.ComparisonChoseGreedy);
        }
        writer.WriteBoolean("rechecked_exactly", result.RecheckedExactly);
        if (timing is not null)
        {
            writer.WriteStartObject("timing");
            writer.WriteNumber("parse_ms", Math.Round(timing.ParseMs, 3));
            writer.WriteStartArray("count_ms");
            foreach (var ms in timing.CountMs)
            {
                writer.WriteNumberValue(Math.Round(ms, 3));
            }
            writer.WriteEndArray();
            writer.WriteStartArray("count_cpu_ms");
            foreach (var ms in timing.CountCpuMs)
            {
                writer.WriteNumberValue(Math.Round(ms, 3));
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static string ToMarkdown(Election election, RuleResult result)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new System.Text.StringBuilder();
        var options = result.Options;
        text.AppendLine(inv, $"# {Path.GetFileName(election.Source)}: {RuleCommandOptions.RuleName(options)}");
        text.AppendLine();
        text.Append(inv, $"Utility {RuleCommandOptions.UtilityName(options.Utility)}, tie-breaking {options.TieBreaking}, arithmetic {RuleCommandOptions.ArithmeticName(options.Arithmetic)}");
        if (options.Rule == RuleKind.EqualShares)
        {
            text.Append(inv, $", completion {RuleCommandOptions.CompletionName(options.Completion)}");
            if (options.Completion != CompletionKind.None)
            {
                text.Append(inv, $" (start {RuleCommandOptions.Add1StartName(options.Add1.Start)}, step {Number(options.Add1.Step)}, stop {RuleCommandOptions.Add1StopName(options.Add1.Stop)}{(options.Add1.CompareWithGreedy ? ", comparison with greedy" : "")}; {result.Add1Runs} runs)");
            }
        }
        text.AppendLine(".");
        text.AppendLine();
        text.AppendLine(inv, $"{result.Selected.Count} projects funded for {Number(result.TotalCost)} of the budget {Number(election.Budget)}:");
        text.AppendLine();
        text.AppendLine("| order | project | name | cost |");
        text.AppendLine("|---:|---|---|---:|");
        for (var i = 0; i < result.Selected.Count; i++)
        {
            var project = result.Selected[i];
            text.AppendLine(inv, $"| {i + 1} | {project.Id} | {Markdown.Cell(project["name"])} | {Number(project.Cost)} |");
        }
        return text.ToString();
    }
}

/// <summary>Markdown helpers.</summary>
internal static class Markdown
{
    /// <summary>Text made safe for a table cell.</summary>
    public static string Cell(string? text) => (text ?? "").Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
