using System.CommandLine;
using Connective.Budgeting;
using Connective.Budgeting.Rules;

namespace Connective.Cli.Pb;

/// <summary>`connective pb verify FILE`: does a rule reproduce the file's officially selected projects?</summary>
internal static class VerifyCommand
{
    /// <summary>Exit code when the rule does not reproduce the official outcome (1 and 2 stay bad input and usage), so scripts and CI can tell.</summary>
    public const int NotReproduced = 3;

    public static Command Create()
    {
        var file = PbOptions.FileArgument();
        var rule = new RuleCommandOptions();
        var format = PbOptions.FormatOption();
        var command = new Command("verify",
            "Check whether a rule reproduces the projects the file marks as officially selected (selected = 1; for Poznań's greedy-custom also 2, the reserve-funded project). "
            + "Without --rule or --preset, the file's META rule is used (greedy variants as named; equalshares/add1 with the pabulib-official preset; equalshares/add1-comparison adds the comparison step). "
            + "Exit code 0 when reproduced, 3 when not.")
        { file };
        rule.AddTo(command);
        command.Options.Add(format);
        command.SetAction(parseResult => PbInput.Run(parseResult, output =>
        {
            var election = PbInput.Read(parseResult.GetRequiredValue(file), parseResult);
            if (OfficialCounts.Selected(election) is null)
            {
                throw new PbInputException($"{election.Source}: the PROJECTS section has no 'selected' column, so there is no official outcome to verify.");
            }
            RuleOptions options;
            if (rule.RuleGiven(parseResult))
            {
                options = rule.Resolve(parseResult);
            }
            else
            {
                var official = OfficialRule(election)
                    ?? throw new PbInputException($"{election.Source}: META rule '{election.GetMeta("rule") ?? "(none)"}' names no rule Connective runs; pass --rule.");
                options = rule.Resolve(parseResult, official);
            }
            var result = BudgetingRules.Count(election, options);
            var officialIds = OfficialCounts.Selected(election)!.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            var computed = result.SelectedIdsSorted;
            var missing = Sorted(officialIds.Except(computed));
            var extra = Sorted(computed.Except(officialIds));
            var reproduced = missing.Count == 0 && extra.Count == 0;
            if (PbOptions.FormatOf(parseResult, format) == OutputFormat.Json)
            {
                PbOptions.WriteJson(output, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("file", election.Source);
                    writer.WriteString("official_rule", election.GetMeta("rule"));
                    CountCommand.WriteOptions(writer, result.Options);
                    writer.WriteBoolean("reproduced", reproduced);
                    WriteIds(writer, "official", Sorted(officialIds));
                    WriteIds(writer, "selected", computed);
                    WriteIds(writer, "missing", missing);
                    WriteIds(writer, "extra", extra);
                    writer.WriteEndObject();
                });
            }
            else
            {
                output.WriteLine(reproduced
                    ? $"{Path.GetFileName(election.Source)}: reproduced — {RuleCommandOptions.RuleName(result.Options)} funds exactly the {officialIds.Count} officially selected project{(officialIds.Count == 1 ? "" : "s")}."
                    : $"{Path.GetFileName(election.Source)}: NOT reproduced by {RuleCommandOptions.RuleName(result.Options)}; official but not computed: [{string.Join(", ", missing)}]; computed but not official: [{string.Join(", ", extra)}].");
            }
            return reproduced ? PbInput.Ok : NotReproduced;
        }));
        return command;
    }

    /// <summary>The rule options that stand for the file's META rule, or null when Connective has no counterpart.</summary>
    public static RuleOptions? OfficialRule(Election election) => OfficialCounts.Options(election);

    private static List<string> Sorted(IEnumerable<string> ids) =>
        [.. ids.OrderBy(id => id.Length).ThenBy(id => id, StringComparer.Ordinal)];

    private static void WriteIds(System.Text.Json.Utf8JsonWriter writer, string name, IEnumerable<string> ids)
    {
        writer.WriteStartArray(name);
        foreach (var id in ids)
        {
            writer.WriteStringValue(id);
        }
        writer.WriteEndArray();
    }
}

/// <summary>Input that is readable but unusable for the command (exit code 1).</summary>
internal sealed class PbInputException(string message) : Exception(message);
