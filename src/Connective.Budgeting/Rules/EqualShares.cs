using System.Numerics;
using Connective.Budgeting.Numerics;

namespace Connective.Budgeting.Rules;

/// <summary>The Method of Equal Shares with its completions (add1, the comparison step, add1u).</summary>
internal static class EqualShares
{
    public static RuleResult Run(BallotProfile profile, RuleOptions options)
    {
        var supporterUtility = EqualSharesRun<Float>.SupporterUtilityIndices(profile);
        var n = profile.VoterCount;
        var budget = Rational.FromDecimal(profile.Budget);
        var share = n == 0 ? Rational.Zero : budget / Rational.FromLong(n);
        var rechecked = false;

        if (options.Completion == CompletionKind.None)
        {
            var only = Certified(profile, supporterUtility, share, options.Arithmetic, trace: true, ref rechecked);
            return Result(profile, supporterUtility, options, only, only.Rounds ?? [], share, 1, false, rechecked);
        }

        var add1 = options.Add1;
        var endowment = add1.Start == Add1Start.Floor ? Rational.Create(BigInteger.Divide(share.Numerator, share.Denominator), 1) : share;
        var step = Rational.FromDecimal(add1.Step);
        if (step.Sign <= 0)
        {
            throw new ArgumentException("The add1 step must be positive.", nameof(options));
        }
        var supported = Enumerable.Range(0, profile.ProjectCount).Where(j => profile.TotalUtility[j] > 0).ToArray();
        List<int>? previous = null;
        Rational previousEndowment = endowment;
        var runs = 0;
        List<int> chosen;
        Rational chosenEndowment;
        // The steps are independent runs, so a batch of them (one per core) is computed at once; they are then
        // judged strictly in order, so the outcome and the step count do not depend on the number of cores.
        var batchSize = Math.Max(1, Math.Min(Environment.ProcessorCount, 8));
        var scratches = Enumerable.Range(0, batchSize).Select(_ => new EqualSharesScratch()).ToArray();
        var batch = new List<int>[batchSize];
        var batchRechecked = new bool[batchSize];
        var stopped = false;
        chosen = [];
        chosenEndowment = endowment;
        while (!stopped)
        {
            var first = endowment;
            Parallel.For(0, batchSize, i =>
            {
                var stepRechecked = false;
                var at = first + (step * Rational.FromLong(i));
                batch[i] = Certified(profile, supporterUtility, at, options.Arithmetic, trace: false, ref stepRechecked, scratches[i]).Selected;
                batchRechecked[i] = stepRechecked;
            });
            for (var i = 0; i < batchSize && !stopped; i++)
            {
                runs++;
                rechecked |= batchRechecked[i];
                var outcome = batch[i];
                var cost = outcome.Sum(j => profile.Costs[j]);
                if (cost > profile.Budget)
                {
                    // pabutools returns the previous outcome (at the very start, the projects of cost 0).
                    chosen = previous ?? [.. supported.Where(j => profile.Costs[j] == 0)];
                    chosenEndowment = previousEndowment;
                    stopped = true;
                    continue;
                }
                var remaining = profile.Budget - cost;
                var inOutcome = new bool[profile.ProjectCount];
                foreach (var j in outcome)
                {
                    inOutcome[j] = true;
                }
                var allSupportedFunded = supported.All(j => inOutcome[j]);
                var exhaustive = add1.Stop switch
                {
                    Add1Stop.ExhaustiveOverSupported => supported.All(j => inOutcome[j] || profile.Costs[j] > remaining),
                    Add1Stop.ExhaustiveOverAll => Enumerable.Range(0, profile.ProjectCount).All(j => inOutcome[j] || profile.Costs[j] > remaining),
                    _ => false,
                };
                if (exhaustive || allSupportedFunded)
                {
                    chosen = outcome;
                    chosenEndowment = endowment;
                    stopped = true;
                    continue;
                }
                previous = outcome;
                previousEndowment = endowment;
                endowment += step;
            }
        }

        // The final run again, with its trace (replayed exactly when the floating-point pass was certain).
        var final = Certified(profile, supporterUtility, chosenEndowment, options.Arithmetic, trace: true, ref rechecked);
        if (!final.Selected.Order().SequenceEqual(chosen.Order()))
        {
            // Only when the outcome above was the empty start: nothing to explain.
            final = new EqualSharesOutcome(chosen, [], false, true);
        }
        var selected = final.Selected;
        var rounds = new List<RoundTrace>(final.Rounds ?? []);
        var choseGreedy = false;
        if (add1.CompareWithGreedy)
        {
            var greedy = GreedyRules.Pabulib(profile, options with { Rule = RuleKind.Greedy, GreedyVariant = GreedyVariant.Skip });
            var greedyIndices = greedy.Selected.Select(p => p.Index).ToList();
            if (MorePrefer(profile, greedyIndices, selected))
            {
                selected = greedyIndices;
                rounds = [.. greedy.Rounds];
                choseGreedy = true;
            }
        }
        if (options.Completion == CompletionKind.Add1Utilitarian)
        {
            selected = [.. selected];
            TopUp(profile, selected, rounds);
        }
        return Result(profile, supporterUtility, options, final, rounds, chosenEndowment, runs, choseGreedy, rechecked) with { Selected = [.. selected.Select(profile.Project)] };
    }

    /// <summary>A run whose outcome is the exact rule's: a floating-point pass, redone exactly if any decision was close.</summary>
    private static EqualSharesOutcome Certified(BallotProfile profile, int[] supporterUtility, Rational endowment, ArithmeticMode mode, bool trace, ref bool rechecked, EqualSharesScratch? scratch = null)
    {
        switch (mode)
        {
            case ArithmeticMode.FloatingPoint:
                return EqualSharesRun<Float>.Run(profile, supporterUtility, endowment, null, trace, scratch);
            case ArithmeticMode.ExactOnly:
                return EqualSharesRun<Rational>.Run(profile, supporterUtility, endowment, null, trace, scratch);
        }
        var fast = EqualSharesRun<Float>.Run(profile, supporterUtility, endowment, null, trace, scratch);
        if (fast.Uncertain)
        {
            rechecked = true;
            return EqualSharesRun<Rational>.Run(profile, supporterUtility, endowment, null, trace, scratch, fast.Hint);
        }
        return fast;
    }

    /// <summary>Replays a certified outcome in exact arithmetic, computing only the winners' prices, for an exact trace.</summary>
    private static List<RoundTrace> ExactRounds(BallotProfile profile, int[] supporterUtility, Rational endowment, List<int> selected) =>
        EqualSharesRun<Rational>.Run(profile, supporterUtility, endowment, selected, trace: true).Rounds ?? [];

    /// <summary>The comparison step: true if more voters have more of their voted projects funded by <paramref name="greedy"/> than by <paramref name="equalShares"/>.</summary>
    private static bool MorePrefer(BallotProfile profile, List<int> greedy, List<int> equalShares)
    {
        var inGreedy = new bool[profile.ProjectCount];
        var inShares = new bool[profile.ProjectCount];
        greedy.ForEach(j => inGreedy[j] = true);
        equalShares.ForEach(j => inShares[j] = true);
        int preferGreedy = 0, preferShares = 0;
        for (var v = 0; v < profile.VoterCount; v++)
        {
            int g = 0, s = 0;
            for (var at = profile.VoterStart[v]; at < profile.VoterStart[v + 1]; at++)
            {
                g += inGreedy[profile.VoterProjects[at]] ? 1 : 0;
                s += inShares[profile.VoterProjects[at]] ? 1 : 0;
            }
            preferGreedy += g > s ? 1 : 0;
            preferShares += s > g ? 1 : 0;
        }
        return preferGreedy > preferShares;
    }

    /// <summary>add1u: fund the remaining projects in Pabulib greedy order (score, then tie-breaking) while they fit.</summary>
    private static void TopUp(BallotProfile profile, List<int> selected, List<RoundTrace> rounds)
    {
        var funded = new bool[profile.ProjectCount];
        selected.ForEach(j => funded[j] = true);
        var remaining = profile.Budget - selected.Sum(j => profile.Costs[j]);
        var order = Enumerable.Range(0, profile.ProjectCount).Where(j => !funded[j]).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var c = profile.Score[b].CompareTo(profile.Score[a]);
            return c != 0 ? c : profile.TieRank[a].CompareTo(profile.TieRank[b]);
        });
        foreach (var j in order)
        {
            if (profile.Costs[j] <= remaining)
            {
                remaining -= profile.Costs[j];
                selected.Add(j);
                rounds.Add(new RoundTrace { Number = rounds.Count + 1, Project = profile.Project(j), Action = RoundAction.FundedByCompletion, Score = (double)profile.Score[j], RemainingBudget = remaining });
            }
        }
    }

    private static RuleResult Result(BallotProfile profile, int[] supporterUtility, RuleOptions options, EqualSharesOutcome equalShares, List<RoundTrace> rounds, Rational endowment, int runs, bool choseGreedy, bool rechecked)
    {
        var exact = equalShares.Exact || choseGreedy;
        RuleResult result = null!;
        result = new()
        {
            Options = options,
            Selected = [.. equalShares.Selected.Select(profile.Project)],
            Rounds = rounds,
            ExactEndowment = endowment,
            Add1Runs = runs,
            ComparisonChoseGreedy = choseGreedy,
            RecheckedExactly = rechecked,
            HasExactTrace = exact,
            ExactReplay = exact ? null : () =>
            {
                // The Equal Shares rounds come first in the trace; completion rounds carry no prices.
                var exactRounds = ExactRounds(profile, supporterUtility, endowment, equalShares.Selected);
                return result with { Rounds = [.. exactRounds, .. rounds.Skip(exactRounds.Count)], HasExactTrace = true };
            },
        };
        return result;
    }
}
