using System.CommandLine;
using Connective.Budgeting;
using Connective.Budgeting.Analysis;

namespace Connective.Cli.Pb;

/// <summary>`connective pb explain FILE --rule …`: why each project won or lost, round by round, and how voters fared.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var file = PbOptions.FileArgument();
        var rule = new RuleCommandOptions();
        var format = PbOptions.FormatOption();
        var allGroups = new Option<bool>("--all-endowment-groups")
        {
            Description = "JSON only: list every voter group's endowment after every round (large on city-wide elections).",
        };
        var command = new Command("explain",
            "Explain an outcome: per round the project chosen, its price factor, what each group of supporters paid and the endowments left; "
            + "per project why it won or lost (with Equal Shares' effective support); per voter satisfaction (share with nothing funded, average, Gini); "
            + "and for Equal Shares an exact priceability check of the payments.")
        { file };
        rule.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(allGroups);
        command.SetAction(parseResult => PbInput.Run(parseResult, output =>
        {
            var election = PbInput.Read(parseResult.GetRequiredValue(file), parseResult);
            var result = BudgetingRules.Count(election, rule.Resolve(parseResult));
            var explanation = Explanations.Explain(election, result);
            output.Write(PbOptions.FormatOf(parseResult, format) == OutputFormat.Json
                ? ExplanationRendering.ToJson(explanation, parseResult.GetValue(allGroups)) + Environment.NewLine
                : ExplanationRendering.ToMarkdown(explanation));
            return PbInput.Ok;
        }));
        return command;
    }
}
