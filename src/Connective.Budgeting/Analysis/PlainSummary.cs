using System.Globalization;
using System.Text;
using Connective.Budgeting.Rules;

namespace Connective.Budgeting.Analysis;

/// <summary>
/// The opening of an explanation for a reader who is not a researcher (a council officer, a resident): which rule,
/// the money in the election's currency, what each voter's share was, why money was left, and for add1 that the
/// raised shares are only a device of the count. Sentences, no symbols; the technical detail follows it.
/// </summary>
public static class PlainSummary
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The rule's name as a heading says it, with greedy-threshold's threshold.</summary>
    /// <param name="explanation">The explanation.</param>
    public static string RuleTitle(OutcomeExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        var options = explanation.Result.Options;
        return options.Rule switch
        {
            RuleKind.Greedy => options.GreedyVariant switch
            {
                GreedyVariant.NoSkip => "Greedy by votes, stopping at the first project that does not fit (greedy-no-skip)",
                GreedyVariant.Threshold => string.Create(Inv, $"Greedy by votes among projects with a score of at least {explanation.Threshold ?? 0} (greedy-threshold, threshold {explanation.Threshold ?? 0})"),
                GreedyVariant.Exclusive => "Greedy by votes, one of each set of alternatives (greedy-exclusive)",
                GreedyVariant.NoSkipWithReserve => string.Create(Inv, $"Greedy by votes with the {Percent((double)options.ReserveShare)} reserve rule (greedy-custom, Poznań)"),
                _ => "Greedy by votes (greedy)",
            },
            RuleKind.GreedyDensity => "Greedy by support per unit of cost (greedy-density)",
            RuleKind.EqualShares => options.Completion switch
            {
                CompletionKind.Add1 => "Method of Equal Shares, completed by raising every voter's share (mes, add1)",
                CompletionKind.Add1Utilitarian => "Method of Equal Shares, completed by raising every voter's share, then by votes (mes, add1u)",
                _ => "Method of Equal Shares (mes)",
            },
            RuleKind.Phragmen => "Sequential Phragmén (phragmen)",
            _ => "Largest total support within the budget (max-welfare)",
        };
    }

    /// <summary>The summary as paragraphs of plain text.</summary>
    /// <param name="explanation">The explanation.</param>
    public static IReadOnlyList<string> Paragraphs(OutcomeExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        var result = explanation.Result;
        var options = result.Options;
        var paragraphs = new List<string>();
        var spent = result.TotalCost;
        var reserve = result.Rounds.Where(r => r.Action == RoundAction.FundedFromReserve).Select(r => r.Project).ToList();
        var withinBudget = spent - reserve.Sum(p => p.Cost);
        var left = explanation.Budget - spent;
        var funded = result.Selected.Count;
        var summary = new StringBuilder();
        summary.Append(Inv, $"The budget was {Money(explanation, explanation.Budget)}, to be shared among {explanation.Projects.Count} projects by {explanation.VoterCount:N0} voters. ");
        summary.Append(Inv, $"{funded} project{(funded == 1 ? " was" : "s were")} funded, costing {Money(explanation, spent)} in total");
        summary.Append(left > 0 ? $"; {Money(explanation, left)} of the budget was not spent." : ".");
        paragraphs.Add(summary.ToString());
        if (OfficialParagraph(explanation) is { } official)
        {
            paragraphs.Add(official);
        }

        if (reserve.Count > 0)
        {
            var project = reserve[0];
            var had = explanation.Budget - withinBudget;
            paragraphs.Add(string.Create(Inv, $"Project {Label(project)} costs {Money(explanation, project.Cost)}, more than the {Money(explanation, had)} left after the projects before it. Because what was left covered at least {Percent((double)options.ReserveShare)} of its cost, it was funded anyway, the difference of {Money(explanation, project.Cost - had)} coming from the city's reserve, outside this budget."));
        }

        if (options.Rule == RuleKind.EqualShares && !result.ComparisonChoseGreedy)
        {
            paragraphs.AddRange(EqualSharesParagraphs(explanation, left));
        }
        else if (options.Rule is RuleKind.Greedy or RuleKind.GreedyDensity)
        {
            paragraphs.Add(GreedyParagraph(explanation, left));
        }
        else if (options.Rule == RuleKind.Phragmen)
        {
            paragraphs.Add("Sequential Phragmén shares the cost of each funded project equally among its supporters and keeps the total each voter carries as even as possible: each step funds the project that raises the largest voter's load least. The count stops at the first project that no longer fits in the budget.");
        }
        else if (options.Rule == RuleKind.MaxWelfare)
        {
            paragraphs.Add("This count picks, among all sets of projects that fit within the budget, one with the largest total support. It shows what a purely utilitarian choice would fund; it is not an official rule.");
        }
        if (result.ComparisonChoseGreedy)
        {
            paragraphs.Add("Equal Shares was counted first, but the comparison step found that more voters have more of the projects they voted for funded by the simple vote count (greedy), so that outcome was used.");
        }

        if (explanation.Satisfaction.FirstOrDefault(s => s.Utility == "cardinality") is { } cardinality)
        {
            paragraphs.Add(string.Create(Inv, $"{Percent(1 - cardinality.ShareWithNothingFunded)} of voters see at least one project they voted for funded; {Percent(cardinality.ShareWithNothingFunded)} see none."));
        }
        return paragraphs;
    }

    private static IEnumerable<string> EqualSharesParagraphs(OutcomeExplanation explanation, decimal left)
    {
        var result = explanation.Result;
        var voters = Math.Max(1, explanation.VoterCount);
        var realShare = explanation.Budget / voters;
        var finalShare = result.Endowment ?? (double)realShare;
        yield return string.Create(Inv, $"The Method of Equal Shares gives every voter the same share of the budget, {Money(explanation, realShare)} each ({Money(explanation, explanation.Budget)} ÷ {voters:N0} voters), to be spent only on projects they voted for. Step by step, it funds the project whose supporters can pay for it with the smallest and most even contributions; a supporter who has less left pays all they have and the others pay the rest in equal proportion.");
        if (result.Add1Runs > 1)
        {
            yield return string.Create(Inv, $"Counted with real shares, money was left over, so the count was repeated {result.Add1Runs - 1} time(s), raising every voter's share by {Money(explanation, result.Options.Add1.Step)} each time, to {Money(explanation, (decimal)finalShare)} per voter. These raised shares are virtual: all of them together ({Money(explanation, (decimal)finalShare * voters)}) are more than the real budget, but they only decide the order and choice of projects. The projects funded still cost {Money(explanation, result.TotalCost)}, within the real budget of {Money(explanation, explanation.Budget)}.");
        }
        if (left > 0)
        {
            var closest = explanation.Projects
                .Where(p => p.Outcome == ProjectOutcome.NotAffordable && p.EffectiveSupport is not null)
                .OrderByDescending(p => p.EffectiveSupport)
                .FirstOrDefault();
            var why = closest is null
                ? "no project that was not funded had supporters with enough left between them to pay for it."
                : string.Create(Inv, $"no project that was not funded had supporters with enough left between them to pay for it. The closest was {closest.Id}{(closest.Name is null ? "" : $" ({closest.Name})")}, whose supporters could have paid {Percent(closest.EffectiveSupport!.Value)} of its {Money(explanation, closest.Cost)}.");
            yield return string.Create(Inv, $"Why {Money(explanation, left)} was left: it is what voters still held of their shares once the funded projects were paid for, and {why}");
        }
    }

    private static string GreedyParagraph(OutcomeExplanation explanation, decimal left)
    {
        var result = explanation.Result;
        var options = result.Options;
        var text = new StringBuilder();
        text.Append(options.Rule == RuleKind.GreedyDensity
            ? "The projects were taken in order of support per unit of cost, and each was funded if it still fitted in what was left of the budget."
            : "The projects were taken in order of votes, most first, and each was funded if it still fitted in what was left of the budget.");
        if (options.Rule == RuleKind.Greedy && options.GreedyVariant == GreedyVariant.Threshold)
        {
            text.Append(Inv, $" Only projects with a score of at least {explanation.Threshold ?? 0} were considered.");
        }
        if (options.Rule == RuleKind.Greedy && options.GreedyVariant is GreedyVariant.NoSkip or GreedyVariant.NoSkipWithReserve)
        {
            text.Append(" The count stopped at the first project that did not fit; projects after it were not considered, even cheaper ones.");
            if (result.Rounds.FirstOrDefault(r => r.Action == RoundAction.Stopped) is { RemainingBudget: { } had } stop)
            {
                text.Append(Inv, $" It stopped at {Label(stop.Project)}, which costs {Money(explanation, stop.Project.Cost)} with {Money(explanation, had)} left");
                text.Append(options.GreedyVariant == GreedyVariant.NoSkipWithReserve && stop.Project.Cost > 0
                    ? string.Create(Inv, $"; that is {Percent((double)(had / stop.Project.Cost))} of its cost, less than the {Percent((double)options.ReserveShare)} the reserve rule needs, so the reserve did not pay for it.")
                    : ".");
            }
        }
        if (left > 0)
        {
            var cheapest = explanation.Projects.Where(p => p.Outcome is ProjectOutcome.TooExpensive or ProjectOutcome.NotReached).OrderBy(p => p.Cost).FirstOrDefault();
            if (cheapest is not null && cheapest.Cost > left)
            {
                text.Append(Inv, $" {Money(explanation, left)} was left because every project not funded costs more than that (the cheapest, {Label(cheapest.Id, cheapest.Name)}, costs {Money(explanation, cheapest.Cost)}).");
            }
            else if (cheapest is not null)
            {
                text.Append(Inv, $" {Money(explanation, left)} was left because the count had stopped before reaching cheaper projects such as {Label(cheapest.Id, cheapest.Name)}, costing {Money(explanation, cheapest.Cost)}.");
            }
            else
            {
                text.Append(Inv, $" {Money(explanation, left)} was left because no other project was eligible.");
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// Whether this count gives the result the file records as official: a reader of an explanation of another rule
    /// must not take its outcome for the published one. Null when the file records no official result.
    /// </summary>
    private static string? OfficialParagraph(OutcomeExplanation explanation)
    {
        if (explanation.OfficiallySelected is not { } official)
        {
            return null;
        }
        var rule = explanation.OfficialRule is { } name ? $" (its rule: {name})" : "";
        var computed = explanation.Result.Selected.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var officialSet = official.ToHashSet(StringComparer.Ordinal);
        var onlyOfficial = official.Where(id => !computed.Contains(id)).ToList();
        var onlyHere = explanation.Result.Selected.Where(p => !officialSet.Contains(p.Id)).Select(p => p.Id).ToList();
        var outside = explanation.FundedOutsideTheCount.ToList();
        var extra = outside.Count == 0
            ? ""
            : $" The file also records {(outside.Count == 1 ? "project" : "projects")} {Ids(outside)} as funded with money from outside the count (for example funds left over elsewhere), which no rule decides.";
        if (onlyOfficial.Count == 0 && onlyHere.Count == 0)
        {
            return $"These are the projects the file records as funded by the official count{rule}.{extra}";
        }
        var text = new StringBuilder().Append(Inv, $"This is not the official result the file records{rule}:");
        if (onlyOfficial.Count > 0)
        {
            text.Append(Inv, $" officially, {(onlyOfficial.Count == 1 ? "project" : "projects")} {Ids(onlyOfficial)} {(onlyOfficial.Count == 1 ? "was" : "were")} funded, which this count does not fund");
        }
        if (onlyHere.Count > 0)
        {
            text.Append(onlyOfficial.Count > 0 ? ";" : "").Append(Inv, $" this count funds {(onlyHere.Count == 1 ? "project" : "projects")} {Ids(onlyHere)}, which the official count did not");
        }
        return text.Append('.').Append(extra).ToString();
    }

    /// <summary>Up to five project ids joined for a sentence, then how many more.</summary>
    private static string Ids(List<string> ids)
    {
        const int Shown = 5;
        if (ids.Count > Shown)
        {
            return string.Create(Inv, $"{string.Join(", ", ids.Take(Shown))} and {ids.Count - Shown} more");
        }
        return ids.Count == 1 ? ids[0] : $"{string.Join(", ", ids.Take(ids.Count - 1))} and {ids[^1]}";
    }

    private static string Percent(double fraction) => string.Create(Inv, $"{Math.Round(fraction * 100):0}%");

    private static string Label(Project project) => Label(project.Id, project["name"]);

    private static string Label(string id, string? name) => name is { Length: > 0 } ? $"{id} ({name.Trim()})" : id;

    /// <summary>An amount with thousands separators, whole units when it is whole, and the currency code when the file gives one.</summary>
    public static string Money(OutcomeExplanation explanation, decimal amount)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        var rounded = Math.Round(amount, 2);
        var number = rounded == Math.Round(rounded) ? rounded.ToString("N0", Inv) : rounded.ToString("N2", Inv);
        return explanation.Currency is { } currency ? $"{number} {currency}" : number;
    }
}
