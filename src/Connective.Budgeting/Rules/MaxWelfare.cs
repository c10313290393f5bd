namespace Connective.Budgeting.Rules;

/// <summary>
/// Maximum utilitarian welfare: a set of projects within the budget with the largest total utility, found exactly
/// by depth-first branch and bound. Projects are branched on in tie-breaking order, funding before skipping, and a
/// branch is abandoned only when its fractional-knapsack bound cannot beat the best total found, so among several
/// optimal sets the first in that order wins: the one that funds the earliest project in the tie-breaking order
/// where they differ.
/// </summary>
internal static class MaxWelfare
{
    public static RuleResult Run(BallotProfile profile, RuleOptions options)
    {
        var m = profile.ProjectCount;
        var byTie = Enumerable.Range(0, m).OrderBy(j => profile.TieRank[j]).ToArray();
        var value = byTie.Select(j => profile.TotalUtility[j]).ToArray();
        var cost = byTie.Select(j => profile.Costs[j]).ToArray();
        // For the bound: positions (in tie order) sorted by value per cost, best first; free projects first.
        var byDensity = Enumerable.Range(0, m)
            .OrderByDescending(i => cost[i] == 0 ? decimal.MaxValue : value[i] / cost[i])
            .ToArray();

        var chosen = new bool[m];
        var best = new bool[m];
        var bestValue = -1m;
        Search(0, profile.Budget, 0m);
        var selected = Enumerable.Range(0, m).Where(i => best[i]).Select(i => profile.Project(byTie[i])).ToList();
        var rounds = selected.Select((p, k) => new RoundTrace { Number = k + 1, Project = p, Action = RoundAction.Funded, Score = (double)profile.TotalUtility[p.Index] }).ToList();
        return new RuleResult { Options = options, Selected = selected, Rounds = rounds };

        void Search(int depth, decimal room, decimal total)
        {
            if (depth == m)
            {
                if (total > bestValue)
                {
                    bestValue = total;
                    Array.Copy(chosen, best, m);
                }
                return;
            }
            if (bestValue >= 0 && Bound(depth, room, total) <= bestValue)
            {
                return;
            }
            if (cost[depth] <= room)
            {
                chosen[depth] = true;
                Search(depth + 1, room - cost[depth], total + value[depth]);
                chosen[depth] = false;
            }
            Search(depth + 1, room, total);
        }

        decimal Bound(int depth, decimal room, decimal total)
        {
            var bound = total;
            foreach (var i in byDensity)
            {
                if (i < depth || value[i] <= 0)
                {
                    continue;
                }
                if (cost[i] <= room)
                {
                    room -= cost[i];
                    bound += value[i];
                }
                else
                {
                    bound += value[i] * (room / cost[i]);
                    break;
                }
            }
            // Decimal division rounds; widen the bound so that it never falls below the true one.
            return bound + (Math.Abs(bound) * 1e-20m) + 1e-12m;
        }
    }
}
