using Connective.Budgeting.Numerics;

namespace Connective.Budgeting.Rules;

/// <summary>
/// Sequential Phragmén as pabutools computes it: each round funds the project whose supporters would reach the
/// lowest common load (their loads so far plus its cost, shared by its supporters); the rule stops as soon as a
/// project with that lowest load does not fit in the budget. A voter's load is the one set by the last funded
/// project they approved, so voters are grouped by that project.
/// </summary>
internal static class Phragmen
{
    public static RuleResult Run(BallotProfile profile, RuleOptions options)
    {
        var rechecked = false;
        (List<int> Selected, List<RoundTrace> Rounds, bool Uncertain) outcome;
        switch (options.Arithmetic)
        {
            case ArithmeticMode.FloatingPoint:
                outcome = Execute<Float>(profile, null);
                break;
            case ArithmeticMode.ExactOnly:
                outcome = Execute<Rational>(profile, null);
                break;
            default:
                var fast = Execute<Float>(profile, null);
                rechecked = fast.Uncertain;
                // Certified: replay the choices exactly (only the winners' loads) for an exact trace, keeping the stop.
                outcome = Execute<Rational>(profile, rechecked ? null : fast.Selected);
                if (!rechecked && fast.Rounds.Count > 0 && fast.Rounds[^1].Action == RoundAction.Stopped)
                {
                    outcome.Rounds.Add(fast.Rounds[^1]);
                }
                break;
        }
        return new RuleResult
        {
            Options = options,
            Selected = [.. outcome.Selected.Select(profile.Project)],
            Rounds = outcome.Rounds,
            RecheckedExactly = rechecked,
            HasExactTrace = options.Arithmetic != ArithmeticMode.FloatingPoint,
        };
    }

    private static (List<int> Selected, List<RoundTrace> Rounds, bool Uncertain) Execute<T>(BallotProfile profile, List<int>? forced)
        where T : struct, INumeric<T>
    {
        var m = profile.ProjectCount;
        var groupLoad = new List<T> { T.Zero };
        var voterGroup = new int[profile.VoterCount];
        var counts = new List<int>[m];
        var remaining = new bool[m];
        for (var j = 0; j < m; j++)
        {
            counts[j] = [profile.Votes[j]];
            remaining[j] = profile.Costs[j] <= profile.Budget;
        }
        var selected = new List<int>();
        var rounds = new List<RoundTrace>();
        var uncertain = false;
        var spent = 0m;
        while (true)
        {
            var best = -1;
            var bestLoad = T.Zero;
            var bestInfinite = true;
            var tied = new List<int>();
            if (forced is not null)
            {
                if (selected.Count == forced.Count)
                {
                    break;
                }
                best = forced[selected.Count];
                bestInfinite = profile.Votes[best] == 0;
                bestLoad = bestInfinite ? T.Zero : NewLoad<T>(profile, counts[best], groupLoad, best);
                tied.Add(best);
            }
            else
            {
                for (var j = 0; j < m; j++)
                {
                    if (!remaining[j])
                    {
                        continue;
                    }
                    var infinite = profile.Votes[j] == 0;
                    var load = infinite ? T.Zero : NewLoad<T>(profile, counts[j], groupLoad, j);
                    int order;
                    if (best < 0)
                    {
                        order = -1;
                    }
                    else if (infinite || bestInfinite)
                    {
                        order = infinite == bestInfinite ? 0 : infinite ? 1 : -1;
                    }
                    else
                    {
                        uncertain |= !T.IsExact && T.NearlyEqual(load, bestLoad);
                        order = load < bestLoad ? -1 : load > bestLoad ? 1 : 0;
                    }
                    if (order < 0)
                    {
                        best = j;
                        bestLoad = load;
                        bestInfinite = infinite;
                        tied.Clear();
                        tied.Add(j);
                    }
                    else if (order == 0)
                    {
                        tied.Add(j);
                    }
                }
                if (best < 0)
                {
                    break;
                }
                // pabutools stops when any project with the lowest load does not fit.
                var stopAt = tied.FirstOrDefault(j => spent + profile.Costs[j] > profile.Budget, -1);
                if (stopAt >= 0)
                {
                    rounds.Add(new RoundTrace { Number = rounds.Count + 1, Project = profile.Project(stopAt), Action = RoundAction.Stopped, Score = profile.Votes[stopAt], RemainingBudget = profile.Budget - spent });
                    break;
                }
                best = tied.MinBy(j => profile.TieRank[j]);
            }

            spent += profile.Costs[best];
            remaining[best] = false;
            selected.Add(best);
            rounds.Add(new RoundTrace
            {
                Number = rounds.Count + 1,
                Project = profile.Project(best),
                Action = RoundAction.Funded,
                Score = profile.Votes[best],
                PriceFactor = bestInfinite ? null : bestLoad.ToDouble(),
                ExactPriceFactor = bestInfinite || !T.IsExact ? null : bestLoad.ToRational(),
                RemainingBudget = profile.Budget - spent,
            });
            if (bestInfinite)
            {
                continue;
            }
            var group = groupLoad.Count;
            groupLoad.Add(bestLoad);
            for (var s = profile.SupporterStart[best]; s < profile.SupporterStart[best + 1]; s++)
            {
                var v = profile.Supporters[s];
                var from = voterGroup[v];
                voterGroup[v] = group;
                for (var at = profile.VoterStart[v]; at < profile.VoterStart[v + 1]; at++)
                {
                    var list = counts[profile.VoterProjects[at]];
                    while (list.Count <= group)
                    {
                        list.Add(0);
                    }
                    list[from]--;
                    list[group]++;
                }
            }
        }
        return (selected, rounds, uncertain);
    }

    private static T NewLoad<T>(BallotProfile profile, List<int> counts, List<T> groupLoad, int j)
        where T : struct, INumeric<T>
    {
        var total = T.FromDecimal(profile.Costs[j]);
        for (var g = 0; g < counts.Count; g++)
        {
            if (counts[g] != 0 && !groupLoad[g].IsZero)
            {
                total += T.FromLong(counts[g]) * groupLoad[g];
            }
        }
        return total / T.FromLong(profile.Votes[j]);
    }
}
