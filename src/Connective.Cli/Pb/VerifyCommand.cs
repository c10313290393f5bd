using System.CommandLine;
using Connective.Budgeting;
using Connective.Budgeting.Rules;

namespace Connective.Cli.Pb;

/// <summary>`connective pb verify FILE`: does a rule reproduce the file's officially selected projects?</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var file = PbOptions.FileArgument();
        var rule = new RuleCommandOptions();
        var format = PbOptions.FormatOption();
        var command = new Command("verify",
            "Check whether a rule reproduces the projects the file marks as officially selected (selected = 1). Without --rule or --preset, the file's META rule is used "
            + "(greedy variants as named; equalshares/add1 with the pabulib-official preset; equalshares/add1-comparison adds the comparison step).")
        { file };
        rule.AddTo(command);
        command.Options.Add(format);
        command.SetAction(parseResult => PbInput.Run(parseResult, output =>
        {
            var election = PbInput.Read(parseResult.GetRequiredValue(file));
            if (election.Projects.All(p => p.Selected is null))
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
            var officialIds = election.Projects.Where(p => p.Selected == 1).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
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
                    ? $"{Path.GetFileName(election.Source)}: reproduced — {RuleCommandOptions.RuleName(result.Options)} funds exactly the {officialIds.Count} officially selected projects."
                    : $"{Path.GetFileName(election.Source)}: NOT reproduced by {RuleCommandOptions.RuleName(result.Options)}; official but not computed: [{string.Join(", ", missing)}]; computed but not official: [{string.Join(", ", extra)}].");
            }
            return PbInput.Ok;
        }));
        return command;
    }

    /// <summary>The rule options that stand for the file's META rule, or null when Connective has no counterpart.</summary>
    public static RuleOptions? OfficialRule(Election election)
    {
        var rule = election.GetMeta("rule")?.Trim();
        return rule switch
        {
            // The official greedy counts (and the Pabulib checker) break ties by lower cost, then more votes.
            "greedy" or "greedy-no-skip" or "greedy-threshold" or "greedy-exclusive" =>
                RuleCommandOptions.WithRule(new RuleOptions { TieBreaking = TieBreaking.ByCostThenVotes }, rule),
            "equalshares/add1" => RuleOptions.PabulibOfficialAdd1,
            "equalshares/add1-comparison" => RuleOptions.PabulibOfficialAdd1 with
            {
                Add1 = RuleOptions.PabulibOfficialAdd1.Add1 with { CompareWithGreedy = true },
            },
            _ => null,
        };
    }

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
