using System.Globalization;
using Connective.Budgeting.Numerics;

namespace Connective.Budgeting.Rules;

/// <summary>Pabulib's greedy variants and pabutools' utilitarian greedy by utility per cost.</summary>
internal static class GreedyRules
{
    /// <summary>
    /// Pabulib's greedy: projects in order of score (votes, or total points; ties by the tie-breaking order), each
    /// funded if it fits, with the variant deciding what happens to the others.
    /// </summary>
    public static RuleResult Pabulib(BallotProfile profile, RuleOptions options)
    {
        var threshold = options.GreedyVariant == GreedyVariant.Threshold ? Threshold(profile.Election, options) : 0m;
        var order = Enumerable.Range(0, profile.ProjectCount).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var c = profile.Score[b].CompareTo(profile.Score[a]);
            return c != 0 ? c : profile.TieRank[a].CompareTo(profile.TieRank[b]);
        });
        var selected = new List<Project>();
        var rounds = new List<RoundTrace>();
        var remaining = profile.Budget;
        var fundedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var j in order)
        {
            var project = profile.Project(j);
            RoundAction action;
            if (options.GreedyVariant == GreedyVariant.Threshold && profile.Score[j] < threshold)
            {
                action = RoundAction.SkippedBelowThreshold;
            }
            else if (profile.Costs[j] > remaining)
            {
                action = options.GreedyVariant switch
                {
                    GreedyVariant.NoSkip => RoundAction.Stopped,
                    GreedyVariant.NoSkipWithReserve when remaining >= options.ReserveShare * profile.Costs[j] => RoundAction.FundedFromReserve,
                    GreedyVariant.NoSkipWithReserve => RoundAction.Stopped,
                    _ => RoundAction.SkippedTooExpensive,
                };
                if (action == RoundAction.FundedFromReserve)
                {
                    // The reserve pays the difference, so nothing of the election's own budget is left.
                    remaining = 0;
                    selected.Add(project);
                }
            }
            else if (options.GreedyVariant == GreedyVariant.Exclusive && !fundedNames.Add(ExclusiveKey(project)))
            {
                action = RoundAction.SkippedExclusive;
            }
            else
            {
                action = RoundAction.Funded;
                remaining -= profile.Costs[j];
                selected.Add(project);
            }
            rounds.Add(new RoundTrace
            {
                Number = rounds.Count + 1,
                Project = project,
                Action = action,
                Score = (double)profile.Score[j],
                RemainingBudget = remaining,
            });
            if (action is RoundAction.Stopped or RoundAction.FundedFromReserve)
            {
                break;
            }
        }
        return new RuleResult { Options = options, Selected = selected, Rounds = rounds };
    }

    /// <summary>The key under which greedy-exclusive treats projects as alternatives: the project's name.</summary>
    private static string ExclusiveKey(Project project) => (project["name"] ?? project.Id).Trim();

    /// <summary>greedy-threshold's threshold: the option if given, else META <c>min_project_score_threshold</c>, else 0.</summary>
    public static decimal Threshold(Election election, RuleOptions options)
    {
        if (options.ScoreThreshold is { } given)
        {
            return given;
        }
        var text = election.GetMeta("min_project_score_threshold");
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var fromMeta) ? fromMeta : 0m;
    }

    /// <summary>
    /// pabutools' <c>greedy_utilitarian_welfare</c> with an additive satisfaction: projects ordered by total utility ÷
    /// cost (a supported project of cost 0 first, an unsupported one last with density 0), ties by the tie-breaking
    /// order; each is funded if it still fits.
    /// </summary>
    public static RuleResult ByDensity(BallotProfile profile, RuleOptions options)
    {
        var m = profile.ProjectCount;
        var density = new Rational[m];
        var infinite = new bool[m];
        for (var j = 0; j < m; j++)
        {
            if (profile.TotalUtility[j] > 0)
            {
                if (profile.Costs[j] > 0)
                {
                    density[j] = Rational.FromDecimal(profile.TotalUtility[j]) / Rational.FromDecimal(profile.Costs[j]);
                }
                else
                {
                    infinite[j] = true;
                }
            }
        }
        var order = Enumerable.Range(0, m).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var c = infinite[b].CompareTo(infinite[a]);
            if (c == 0)
            {
                c = density[b].CompareTo(density[a]);
            }
            return c != 0 ? c : profile.TieRank[a].CompareTo(profile.TieRank[b]);
        });
        var selected = new List<Project>();
        var rounds = new List<RoundTrace>();
        var remaining = profile.Budget;
        foreach (var j in order)
        {
            var fits = profile.Costs[j] <= remaining;
            if (fits)
            {
                remaining -= profile.Costs[j];
                selected.Add(profile.Project(j));
            }
            rounds.Add(new RoundTrace
            {
                Number = rounds.Count + 1,
                Project = profile.Project(j),
                Action = fits ? RoundAction.Funded : RoundAction.SkippedTooExpensive,
                Score = infinite[j] ? double.PositiveInfinity : density[j].ToDouble(),
                RemainingBudget = remaining,
            });
        }
        return new RuleResult { Options = options, Selected = selected, Rounds = rounds };
    }
}
