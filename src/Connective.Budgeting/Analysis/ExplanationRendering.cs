using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Connective.Budgeting.Rules;

namespace Connective.Budgeting.Analysis;

/// <summary>Renders an <see cref="OutcomeExplanation"/> as Markdown (for people) or JSON (for scripts and pages).</summary>
public static class ExplanationRendering
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>At most this many payment and endowment groups are listed per round in Markdown (the largest first).</summary>
    public const int MarkdownGroupsPerRound = 8;

    /// <summary>Writes the explanation as JSON.</summary>
    /// <param name="explanation">The explanation.</param>
    /// <param name="writer">Destination.</param>
    /// <param name="allEndowmentGroups">Whether to list every voter group's endowment after every round (large on city-wide
    /// elections); otherwise each round gives the number of groups and the total, smallest and largest endowment left.</param>
    public static void WriteJson(OutcomeExplanation explanation, Utf8JsonWriter writer, bool allEndowmentGroups = false)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentNullException.ThrowIfNull(writer);
        var result = explanation.Result;
        writer.WriteStartObject();
        writer.WriteString("file", explanation.Source);
        writer.WriteString("title", PlainSummary.RuleTitle(explanation));
        writer.WriteStartArray("summary");
        foreach (var paragraph in PlainSummary.Paragraphs(explanation))
        {
            writer.WriteStringValue(paragraph);
        }
        writer.WriteEndArray();
        writer.WriteString("currency", explanation.Currency);
        writer.WriteString("official_rule", explanation.OfficialRule);
        if (explanation.OfficiallySelected is { } official)
        {
            writer.WriteStartArray("officially_selected");
            foreach (var id in official)
            {
                writer.WriteStringValue(id);
            }
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNull("officially_selected");
        }
        if (explanation.Threshold is { } threshold)
        {
            writer.WriteString("threshold", threshold.ToString(Inv));
        }
        writer.WriteString("budget", explanation.Budget.ToString(Inv));
        writer.WriteString("rule", result.Options.Rule.ToString());
        writer.WriteString("utility", result.Options.Utility.ToString());
        writer.WriteString("completion", result.Options.Completion.ToString());
        writer.WriteString("tie_breaking", result.Options.TieBreaking.ToString());
        if (result.Endowment is { } endowment)
        {
            writer.WriteNumber("endowment", endowment);
        }
        writer.WriteBoolean("comparison_chose_greedy", result.ComparisonChoseGreedy);
        writer.WriteStartArray("selected");
        foreach (var id in result.SelectedIdsSorted)
        {
            writer.WriteStringValue(id);
        }
        writer.WriteEndArray();
        writer.WriteString("total_cost", result.TotalCost.ToString(Inv));

        writer.WriteStartArray("rounds");
        foreach (var round in result.Rounds)
        {
            writer.WriteStartObject();
            writer.WriteNumber("number", round.Number);
            writer.WriteString("project", round.Project.Id);
            writer.WriteString("action", Snake(round.Action.ToString()));
            writer.WriteNumber("score", round.Score);
            if (round.PriceFactor is { } rho)
            {
                writer.WriteNumber("price_factor", rho);
            }
            if (round.RemainingBudget is { } remaining)
            {
                writer.WriteString("remaining_budget", remaining.ToString(Inv));
            }
            if (round.Payments.Count > 0)
            {
                writer.WriteStartArray("payments");
                foreach (var group in round.Payments)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("voters", group.Voters);
                    writer.WriteNumber("utility", group.Utility);
                    writer.WriteNumber("endowment_before", group.EndowmentBefore);
                    writer.WriteNumber("payment", group.Payment);
                    WriteIds(writer, "funded_projects_supported", group.FundedProjectsSupported);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            if (round.Endowments.Count > 0)
            {
                writer.WriteStartObject("endowments_after");
                writer.WriteNumber("groups", round.Endowments.Count);
                writer.WriteNumber("total", round.Endowments.Sum(g => g.Voters * g.Endowment));
                writer.WriteNumber("min", round.Endowments.Min(g => g.Endowment));
                writer.WriteNumber("max", round.Endowments.Max(g => g.Endowment));
                if (allEndowmentGroups)
                {
                    writer.WriteStartArray("all");
                    foreach (var group in round.Endowments)
                    {
                        writer.WriteStartObject();
                        writer.WriteNumber("voters", group.Voters);
                        writer.WriteNumber("endowment", group.Endowment);
                        WriteIds(writer, "funded_projects_supported", group.FundedProjectsSupported);
                        writer.WriteEndObject();
                    }
                    writer.WriteEndArray();
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteStartArray("projects");
        foreach (var project in explanation.Projects)
        {
            writer.WriteStartObject();
            writer.WriteString("id", project.Id);
            writer.WriteString("name", project.Name);
            writer.WriteString("cost", project.Cost.ToString(Inv));
            writer.WriteNumber("votes", project.Votes);
            writer.WriteString("outcome", Snake(project.Outcome.ToString()));
            if (project.Round is { } number)
            {
                writer.WriteNumber("round", number);
            }
            if (project.EffectiveSupport is { } support)
            {
                writer.WriteNumber("effective_support", Math.Round(support, 6));
            }
            writer.WriteString("reason", project.Reason);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteStartArray("satisfaction");
        foreach (var s in explanation.Satisfaction)
        {
            writer.WriteStartObject();
            writer.WriteString("utility", s.Utility);
            writer.WriteNumber("voters", s.Voters);
            writer.WriteNumber("share_with_nothing_funded", Math.Round(s.ShareWithNothingFunded, 6));
            writer.WriteNumber("average", Math.Round(s.AverageSatisfaction, 6));
            writer.WriteNumber("average_relative", Math.Round(s.AverageRelativeSatisfaction, 6));
            writer.WriteNumber("gini", Math.Round(s.Gini, 6));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        if (explanation.Priceability is { } check)
        {
            writer.WriteStartObject("priceability");
            writer.WriteBoolean("priceable", check.IsPriceable);
            writer.WriteString("endowment", check.Endowment);
            writer.WriteNumber("violation_count", check.ViolationCount);
            writer.WriteStartArray("violations");
            foreach (var v in check.Violations)
            {
                writer.WriteStartObject();
                writer.WriteString("condition", Snake(v.Condition.ToString()));
                writer.WriteString("project", v.ProjectId);
                writer.WriteString("voter", v.VoterId);
                writer.WriteString("detail", v.Detail);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    /// <summary>The explanation as a JSON string (indented, non-ASCII names kept readable).</summary>
    public static string ToJson(OutcomeExplanation explanation, bool allEndowmentGroups = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteJson(explanation, writer, allEndowmentGroups);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The explanation as Markdown: rounds, projects, voters' satisfaction and the priceability verdict.</summary>
    public static string ToMarkdown(OutcomeExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        var result = explanation.Result;
        var equalShares = result.Options.Rule == RuleKind.EqualShares;
        var text = new StringBuilder();
        text.AppendLine(Inv, $"# Why these projects: {Path.GetFileName(explanation.Source)}");
        text.AppendLine();
        text.AppendLine(Inv, $"## {PlainSummary.RuleTitle(explanation)}");
        foreach (var paragraph in PlainSummary.Paragraphs(explanation))
        {
            text.AppendLine();
            text.AppendLine(paragraph);
        }
        text.AppendLine();
        text.AppendLine("## Technical detail");
        text.AppendLine();
        text.AppendLine(Inv, $"Rule {result.Options.Rule}, utility {result.Options.Utility}, completion {result.Options.Completion}, tie-breaking {result.Options.TieBreaking}.");
        text.AppendLine(Inv, $"{result.Selected.Count} project{(result.Selected.Count == 1 ? "" : "s")} funded for {result.TotalCost.ToString(Inv)} of {explanation.Budget.ToString(Inv)}.");
        if (result.Endowment is { } endowment)
        {
            text.AppendLine();
            var steps = result.Add1Runs > 1 ? string.Create(Inv, $" (after {result.Add1Runs - 1} add1 steps; a virtual endowment, above budget ÷ voters)") : "";
            text.AppendLine(Inv, $"Every voter starts with an equal share of {endowment:N2}{steps}.");
        }
        if (result.ComparisonChoseGreedy)
        {
            text.AppendLine();
            text.AppendLine("The comparison step found that more voters prefer the greedy outcome, so it was used.");
        }

        text.AppendLine();
        text.AppendLine("## Rounds");
        text.AppendLine();
        if (equalShares)
        {
            text.AppendLine("Each round funds the project its supporters can buy at the lowest price factor ρ: each supporter pays ρ × their utility, or everything they have left if that is less.");
            text.AppendLine();
            text.AppendLine("| round | project | name | action | ρ | supporters paying | endowment left (groups, total) |");
            text.AppendLine("|---:|---|---|---|---:|---:|---|");
        }
        else
        {
            text.AppendLine("| round | project | name | action | score | budget left |");
            text.AppendLine("|---:|---|---|---|---:|---:|");
        }
        foreach (var round in result.Rounds)
        {
            var name = Cell(round.Project["name"]);
            if (equalShares)
            {
                var paying = round.Payments.Where(g => g.Payment > 0).Sum(g => g.Voters);
                var left = round.Endowments.Count == 0 ? "" : string.Create(Inv, $"{round.Endowments.Count} groups, {round.Endowments.Sum(g => g.Voters * g.Endowment):N2}");
                text.AppendLine(Inv, $"| {round.Number} | {round.Project.Id} | {name} | {Words(round.Action)} | {round.PriceFactor:G6} | {paying} | {left} |");
            }
            else
            {
                text.AppendLine(Inv, $"| {round.Number} | {round.Project.Id} | {name} | {Words(round.Action)} | {round.Score:G8} | {round.RemainingBudget?.ToString(Inv) ?? ""} |");
            }
        }
        if (equalShares)
        {
            foreach (var round in result.Rounds.Where(r => r.Payments.Count > 0))
            {
                text.AppendLine();
                text.AppendLine(Inv, $"### Round {round.Number}: {round.Project.Id} ({round.Project.Cost.ToString(Inv)})");
                text.AppendLine();
                text.AppendLine("| voters | had | utility | paid each | had voted for (funded earlier) |");
                text.AppendLine("|---:|---:|---:|---:|---|");
                foreach (var group in round.Payments.OrderByDescending(g => g.Voters).Take(MarkdownGroupsPerRound))
                {
                    text.AppendLine(Inv, $"| {group.Voters} | {group.EndowmentBefore:N2} | {group.Utility:G8} | {group.Payment:N2} | {string.Join(", ", group.FundedProjectsSupported)} |");
                }
                if (round.Payments.Count > MarkdownGroupsPerRound)
                {
                    text.AppendLine(Inv, $"| … | | | | {round.Payments.Count - MarkdownGroupsPerRound} smaller groups |");
                }
            }
        }

        text.AppendLine();
        text.AppendLine("## Projects");
        text.AppendLine();
        text.AppendLine(equalShares ? "| project | name | cost | votes | outcome | effective support | why |" : "| project | name | cost | votes | outcome | why |");
        text.AppendLine(equalShares ? "|---|---|---:|---:|---|---:|---|" : "|---|---|---:|---:|---|---|");
        foreach (var p in explanation.Projects)
        {
            var support = equalShares ? string.Create(Inv, $" {p.EffectiveSupport:P1} |") : "";
            text.AppendLine(Inv, $"| {p.Id} | {Cell(p.Name)} | {p.Cost.ToString(Inv)} | {p.Votes} | {Words(p.Outcome)} |{support} {Cell(p.Reason)} |");
        }

        text.AppendLine();
        text.AppendLine("## Voters");
        text.AppendLine();
        text.AppendLine("| satisfaction | voters | with nothing funded | average | average share of what they voted for | Gini |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var s in explanation.Satisfaction)
        {
            text.AppendLine(Inv, $"| {s.Utility} | {s.Voters} | {s.ShareWithNothingFunded:P1} | {s.AverageSatisfaction:N2} | {s.AverageRelativeSatisfaction:P1} | {s.Gini:F3} |");
        }

        if (explanation.Priceability is { } check)
        {
            text.AppendLine();
            text.AppendLine("## Priceability");
            text.AppendLine();
            if (check.IsPriceable)
            {
                text.AppendLine(Inv, $"The payments in the rounds above form a price system with endowment {check.Endowment} per voter: nobody pays more than their share or for a project they did not vote for, every funded project is paid in full, and no unfunded project's supporters have its cost left over. Checked exactly, independently of the rule.");
            }
            else
            {
                text.AppendLine(Inv, $"The payments are **not** a price system with endowment {check.Endowment}: {check.ViolationCount} violations, the first:");
                text.AppendLine();
                foreach (var v in check.Violations.Take(10))
                {
                    text.AppendLine(Inv, $"- {Words(v.Condition)}: {(v.ProjectId is null ? "" : $"project {v.ProjectId} ")}{(v.VoterId is null ? "" : $"voter {v.VoterId} ")}{v.Detail}");
                }
            }
        }
        return text.ToString();
    }

    private static void WriteIds(Utf8JsonWriter writer, string name, IReadOnlyList<string> ids)
    {
        writer.WriteStartArray(name);
        foreach (var id in ids)
        {
            writer.WriteStringValue(id);
        }
        writer.WriteEndArray();
    }

    private static string Cell(string? text) => (text ?? "").Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');

    /// <summary>PascalCase enum names as snake_case for JSON.</summary>
    private static string Snake(string pascal)
    {
        var text = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    private static string Words(Enum value) => Snake(value.ToString()).Replace('_', ' ');
}
