using System.Globalization;
using Connective.Budgeting.Numerics;
using Connective.Budgeting.Rules;

namespace Connective.Budgeting.Analysis;

/// <summary>Builds an <see cref="OutcomeExplanation"/> from an election and a rule's result.</summary>
public static class Explanations
{
    /// <summary>Explains <paramref name="result"/>, which must have been computed on <paramref name="election"/>.</summary>
    /// <param name="election">The election.</param>
    /// <param name="result">A result of the rule, with its trace.</param>
    public static OutcomeExplanation Explain(Election election, RuleResult result)
    {
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(result);
        var equalShares = result.Options.Rule == RuleKind.EqualShares && !result.ComparisonChoseGreedy;
        if (equalShares)
        {
            // The priceability check needs exact payments; the default mode traces in doubles, so replay the winners exactly.
            result = result.WithExactTrace();
        }
        MesReplay? replay = equalShares && result.ExactEndowment is { } endowment ? MesReplay.Run(election, result, endowment) : null;
        var priceability = replay is null
            ? null
            : Priceability.Check(election, [.. result.Selected.Select(p => p.Index)], replay.Endowment, replay.Payments);
        return new OutcomeExplanation(
            election.Source,
            election.Budget,
            result,
            ExplainProjects(election, result, replay),
            VoterSatisfaction(election, result),
            priceability)
        {
            Currency = string.IsNullOrWhiteSpace(election.GetMeta("currency")) ? null : election.GetMeta("currency")!.Trim(),
            VoterCount = election.Voters.Count,
            Threshold = result.Options is { Rule: RuleKind.Greedy, GreedyVariant: GreedyVariant.Threshold } ? GreedyRules.Threshold(election, result.Options) : null,
            OfficialRule = string.IsNullOrWhiteSpace(election.GetMeta("rule")) ? null : election.GetMeta("rule")!.Trim(),
            OfficiallySelected = OfficialCounts.Selected(election)?.Select(p => p.Id).ToList(),
            FundedOutsideTheCount = OfficialCounts.Selected(election) is { } official
                ? [.. election.Projects.Where(p => p.Selected is 2 or 3 && !official.Contains(p)).Select(p => p.Id)]
                : [],
        };
    }

    /// <summary>Per-voter satisfaction: money spent on their projects (cost), how many were funded (cardinality), and points for points ballots.</summary>
    public static IReadOnlyList<SatisfactionSummary> VoterSatisfaction(Election election, RuleResult result)
    {
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(result);
        var funded = new bool[election.Projects.Count];
        foreach (var project in result.Selected)
        {
            funded[project.Index] = true;
        }
        var n = election.Voters.Count;
        var cost = new double[n];
        var costMax = new double[n];
        var count = new double[n];
        var countMax = new double[n];
        var points = new double[n];
        var pointsMax = new double[n];
        var hasPoints = election.VoteType is VoteType.Cumulative or VoteType.Scoring;
        for (var i = 0; i < n; i++)
        {
            var ballot = election.Voters[i];
            for (var k = 0; k < ballot.ProjectIndices.Count; k++)
            {
                var p = ballot.ProjectIndices[k];
                var c = (double)election.Projects[p].Cost;
                var pt = ballot.Points is null ? 1.0 : (double)ballot.Points[k];
                costMax[i] += c;
                countMax[i] += 1;
                pointsMax[i] += pt;
                if (funded[p])
                {
                    cost[i] += c;
                    count[i] += 1;
                    points[i] += pt;
                }
            }
        }
        List<SatisfactionSummary> summaries =
        [
            SatisfactionSummary.Compute("cost", cost, costMax),
            SatisfactionSummary.Compute("cardinality", count, countMax),
        ];
        if (hasPoints)
        {
            summaries.Add(SatisfactionSummary.Compute("points", points, pointsMax));
        }
        return summaries;
    }

    private static List<ProjectExplanation> ExplainProjects(Election election, RuleResult result, MesReplay? replay)
    {
        var votes = new int[election.Projects.Count];
        foreach (var voter in election.Voters)
        {
            foreach (var p in voter.ProjectIndices)
            {
                votes[p]++;
            }
        }
        var lastRound = new RoundTrace?[election.Projects.Count];
        foreach (var round in result.Rounds)
        {
            lastRound[round.Project.Index] = round;
        }
        var funded = result.Selected.Select(p => p.Index).ToHashSet();
        var inv = CultureInfo.InvariantCulture;
        var explained = new List<ProjectExplanation>();
        foreach (var project in election.Projects)
        {
            var round = lastRound[project.Index];
            double? support = replay?.EffectiveSupport[project.Index];
            ProjectOutcome outcome;
            string reason;
            if (funded.Contains(project.Index))
            {
                outcome = round?.Action == RoundAction.FundedByCompletion ? ProjectOutcome.FundedByCompletion : ProjectOutcome.Funded;
                reason = FundedReason(result, round, outcome);
            }
            else if (votes[project.Index] == 0)
            {
                (outcome, reason) = (ProjectOutcome.NoSupport, "Not funded: nobody voted for it.");
            }
            else if (replay is not null)
            {
                outcome = ProjectOutcome.NotAffordable;
                var share = replay.EffectiveSupport[project.Index];
                var when = replay.BestRound[project.Index] is { } r and > 0
                    ? string.Create(inv, $"in round {r}, at the price per unit of utility that round's project was bought for, with what they held after paying for it")
                    : "with all they had left at the end";
                reason = string.Create(inv, $"Not funded: its supporters could pay at most {share:P1} of its cost ({when}).");
            }
            else
            {
                (outcome, reason) = round?.Action switch
                {
                    RoundAction.SkippedTooExpensive => (ProjectOutcome.TooExpensive, string.Create(inv, $"Not funded: when its turn came (round {round.Number}) only {round.RemainingBudget} of the budget was left, less than its cost {project.Cost}.")),
                    RoundAction.SkippedBelowThreshold => (ProjectOutcome.BelowThreshold, string.Create(inv, $"Not funded: its score {round.Score} is below the threshold.")),
                    RoundAction.SkippedExclusive => (ProjectOutcome.Excluded, "Not funded: an exclusive alternative (a project with the same name) was funded first."),
                    RoundAction.Stopped => (ProjectOutcome.NotReached, string.Create(inv, $"Not funded: the rule stopped at this project (round {round.Number}) because it did not fit.")),
                    _ => result.Options.Rule is RuleKind.Greedy or RuleKind.GreedyDensity or RuleKind.Phragmen
                        ? (ProjectOutcome.NotReached, "Not funded: the rule stopped before reaching it.")
                        : (ProjectOutcome.NotAffordable, "Not funded: a funded set with more total utility within the budget leaves it out."),
                };
            }
            if (funded.Contains(project.Index) && replay is not null)
            {
                support = 1;
            }
            explained.Add(new ProjectExplanation(project.Id, project["name"], project.Cost, votes[project.Index], outcome, round?.Number, support, reason));
        }
        var order = result.Selected.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return [.. explained
            .OrderBy(e => order.TryGetValue(e.Id, out var i) ? i : int.MaxValue)
            .ThenByDescending(e => e.EffectiveSupport ?? 0)
            .ThenByDescending(e => e.Votes)];
    }

    private static string FundedReason(RuleResult result, RoundTrace? round, ProjectOutcome outcome)
    {
        var inv = CultureInfo.InvariantCulture;
        if (outcome == ProjectOutcome.FundedByCompletion)
        {
            return "Funded by the utilitarian top-up after add1: it still fitted in the unspent budget.";
        }
        if (round is null)
        {
            return result.ComparisonChoseGreedy
                ? "Funded: the comparison step preferred the greedy outcome, which includes it."
                : "Funded.";
        }
        if (round.Action == RoundAction.FundedFromReserve)
        {
            return string.Create(inv, $"Funded in round {round.Number} from the external reserve: it did not fit in the budget left, but that covered at least {result.Options.ReserveShare:P0} of its cost; the count ended here.");
        }
        return result.Options.Rule switch
        {
            RuleKind.EqualShares => string.Create(inv,
                $"Funded in round {round.Number}: at price factor ρ = {round.PriceFactor:G6} (each supporter pays ρ × their utility, or all they have left) its {round.Payments.Where(g => g.Payment > 0).Sum(g => g.Voters)} paying supporters cover its cost exactly, and no other project was cheaper per unit of utility."),
            RuleKind.Phragmen => string.Create(inv,
                $"Funded in round {round.Number}: its supporters' load after buying it ({round.PriceFactor:G6}) was the lowest of all projects that fitted."),
            RuleKind.MaxWelfare => "Funded: it belongs to a budget-feasible set with the largest total utility.",
            _ => string.Create(inv, $"Funded in round {round.Number} with score {round.Score:G8}; {round.RemainingBudget} of the budget was left after it."),
        };
    }

    /// <summary>
    /// Replays an Equal Shares trace voter by voter: each supporter of a funded project pays what the trace's payment
    /// group with their utility and endowment paid. Yields the per-voter payment vector (exact) for the priceability
    /// check, and each project's effective support (in doubles: it is a displayed percentage).
    /// </summary>
    private sealed class MesReplay
    {
        private MesReplay(Rational endowment, List<Payment> payments, double[] effectiveSupport, int?[] bestRound)
        {
            Endowment = endowment;
            Payments = payments;
            EffectiveSupport = effectiveSupport;
            BestRound = bestRound;
        }

        public Rational Endowment { get; }

        public List<Payment> Payments { get; }

        public double[] EffectiveSupport { get; }

        /// <summary>The round at which a project's effective support peaked; 0 means after the last round.</summary>
        public int?[] BestRound { get; }

        public static MesReplay Run(Election election, RuleResult result, Rational endowment)
        {
            var profile = new BallotProfile(election, result.Options.Utility, result.Options.TieBreaking);
            var n = profile.VoterCount;
            var m = profile.ProjectCount;
            var left = new Rational[n];
            var leftDouble = new double[n];
            Array.Fill(left, endowment);
            Array.Fill(leftDouble, endowment.ToDouble());
            var funded = new bool[m];
            var support = new double[m];
            var bestRound = new int?[m];
            var payments = new List<Payment>();

            // Each supporter's utility for each project, aligned with profile.Supporters.
            var utility = new decimal[profile.Supporters.Length];
            var position = (int[])profile.SupporterStart.Clone();
            for (var v = 0; v < n; v++)
            {
                for (var at = profile.VoterStart[v]; at < profile.VoterStart[v + 1]; at++)
                {
                    var j = profile.VoterProjects[at];
                    utility[position[j]++] = profile.UtilityValues[j][profile.VoterUtilityIndex[at]];
                }
            }

            foreach (var round in result.Rounds)
            {
                if (round.Action != RoundAction.Funded || round.ExactPriceFactor is not { } rho)
                {
                    continue;
                }
                // Equal Shares' payment depends only on a voter's utility and endowment, so groups that differ only in
                // the funded projects they supported share one key. A trace whose groups disagree there is left to the
                // priceability check to expose: the first group's payment is used.
                var paid = new Dictionary<(Rational Utility, Rational Before), Rational>();
                foreach (var group in round.Payments)
                {
                    if (group is { ExactUtility: { } u, ExactEndowmentBefore: { } before, ExactPayment: { } payment })
                    {
                        paid.TryAdd((u, before), payment);
                    }
                }
                var c = round.Project.Index;
                funded[c] = true;
                for (var s = profile.SupporterStart[c]; s < profile.SupporterStart[c + 1]; s++)
                {
                    var v = profile.Supporters[s];
                    if (paid.TryGetValue((Rational.FromDecimal(utility[s]), left[v]), out var amount) && amount.Sign != 0)
                    {
                        payments.Add(new Payment(v, c, amount));
                        left[v] -= amount;
                        leftDouble[v] = left[v].ToDouble();
                    }
                }

                // As pabutools measures it: at the round's price factor, with what supporters hold after paying for this round's project.
                var rhoDouble = rho.ToDouble();
                for (var j = 0; j < m; j++)
                {
                    if (funded[j] || profile.Costs[j] == 0)
                    {
                        continue;
                    }
                    var cover = 0.0;
                    for (var s = profile.SupporterStart[j]; s < profile.SupporterStart[j + 1]; s++)
                    {
                        cover += Math.Min(leftDouble[profile.Supporters[s]], rhoDouble * (double)utility[s]);
                    }
                    var share = cover / (double)profile.Costs[j];
                    if (share > support[j])
                    {
                        (support[j], bestRound[j]) = (share, round.Number);
                    }
                }
            }

            // What the supporters of each unfunded project still hold at the end.
            for (var j = 0; j < m; j++)
            {
                if (funded[j] || profile.Costs[j] == 0)
                {
                    continue;
                }
                var cover = 0.0;
                for (var s = profile.SupporterStart[j]; s < profile.SupporterStart[j + 1]; s++)
                {
                    cover += leftDouble[profile.Supporters[s]];
                }
                var share = cover / (double)profile.Costs[j];
                if (share > support[j])
                {
                    (support[j], bestRound[j]) = (share, 0);
                }
            }
            return new MesReplay(endowment, payments, support, bestRound);
        }
    }
}
