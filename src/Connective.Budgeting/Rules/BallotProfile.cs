using System.Globalization;
using Connective.Budgeting.Numerics;

namespace Connective.Budgeting.Rules;

/// <summary>
/// The election in the compact form the rules work on: dense project and voter ids, ballots and supporters as CSR
/// arrays, each (voter, project) utility as an index into the project's few distinct utility values, and the
/// tie-breaking order as a rank per project.
/// </summary>
internal sealed class BallotProfile
{
    public BallotProfile(Election election, UtilityKind utility, TieBreaking tieBreaking)
    {
        Election = election;
        ProjectCount = election.Projects.Count;
        VoterCount = election.Voters.Count;
        Budget = election.Budget;
        Costs = [.. election.Projects.Select(p => p.Cost)];
        Utility = ResolveUtility(election.VoteType, utility);

        var positional = PositionalMaxLength(election);
        VoterStart = new int[VoterCount + 1];
        for (var v = 0; v < VoterCount; v++)
        {
            VoterStart[v + 1] = VoterStart[v] + election.Voters[v].ProjectIndices.Count;
        }
        VoterProjects = new int[VoterStart[VoterCount]];
        var points = new decimal[VoterProjects.Length];
        Votes = new int[ProjectCount];
        Points = new decimal[ProjectCount];
        for (var v = 0; v < VoterCount; v++)
        {
            var voter = election.Voters[v];
            for (var k = 0; k < voter.ProjectIndices.Count; k++)
            {
                var j = voter.ProjectIndices[k];
                var at = VoterStart[v] + k;
                VoterProjects[at] = j;
                points[at] = election.VoteType == VoteType.Ordinal ? positional - k : voter.Points?[k] ?? 1m;
                Votes[j]++;
                Points[j] += points[at];
            }
        }

        // Distinct utility values per project; a (voter, project) entry keeps the index of its value.
        VoterUtilityIndex = new int[VoterProjects.Length];
        var values = new List<decimal>[ProjectCount];
        for (var j = 0; j < ProjectCount; j++)
        {
            values[j] = [];
        }
        for (var at = 0; at < VoterProjects.Length; at++)
        {
            var j = VoterProjects[at];
            var u = Utility switch
            {
                UtilityKind.Cost => Costs[j],
                UtilityKind.Cardinality => 1m,
                _ => points[at],
            };
            var list = values[j];
            var index = list.IndexOf(u);
            if (index < 0)
            {
                index = list.Count;
                list.Add(u);
            }
            VoterUtilityIndex[at] = index;
        }
        UtilityValues = [.. values.Select(l => l.ToArray())];
        TotalUtility = new decimal[ProjectCount];
        for (var at = 0; at < VoterProjects.Length; at++)
        {
            TotalUtility[VoterProjects[at]] += UtilityValues[VoterProjects[at]][VoterUtilityIndex[at]];
        }

        SupporterStart = new int[ProjectCount + 1];
        for (var j = 0; j < ProjectCount; j++)
        {
            SupporterStart[j + 1] = SupporterStart[j] + Votes[j];
        }
        Supporters = new int[SupporterStart[ProjectCount]];
        var fill = (int[])SupporterStart.Clone();
        for (var v = 0; v < VoterCount; v++)
        {
            for (var at = VoterStart[v]; at < VoterStart[v + 1]; at++)
            {
                Supporters[fill[VoterProjects[at]]++] = v;
            }
        }

        Score = election.VoteType is VoteType.Approval or VoteType.ChooseOne ? [.. Votes.Select(x => (decimal)x)] : Points;
        TieRank = TieRanks(election, tieBreaking, Votes);
    }

    public Election Election { get; }

    public int ProjectCount { get; }

    public int VoterCount { get; }

    public decimal Budget { get; }

    public decimal[] Costs { get; }

    /// <summary>The utility actually used (Auto resolved).</summary>
    public UtilityKind Utility { get; }

    public int[] VoterStart { get; }

    public int[] VoterProjects { get; }

    public int[] VoterUtilityIndex { get; }

    public decimal[][] UtilityValues { get; }

    public int[] SupporterStart { get; }

    public int[] Supporters { get; }

    /// <summary>Number of ballots naming each project.</summary>
    public int[] Votes { get; }

    /// <summary>Total points per project (positional score for ordinal ballots; the vote count for approval).</summary>
    public decimal[] Points { get; }

    /// <summary>Pabulib's greedy score: votes for approval and choose-1, total points otherwise.</summary>
    public decimal[] Score { get; }

    /// <summary>Σ utilities per project under <see cref="Utility"/>.</summary>
    public decimal[] TotalUtility { get; }

    /// <summary>Position of each project in the tie-breaking order (0 = wins every tie).</summary>
    public int[] TieRank { get; }

    public Project Project(int j) => Election.Projects[j];

    public static UtilityKind ResolveUtility(VoteType voteType, UtilityKind utility) => utility != UtilityKind.Auto
        ? utility
        : voteType is VoteType.Approval or VoteType.ChooseOne ? UtilityKind.Cost : UtilityKind.Points;

    /// <summary>The ordinal positional score's top value: META max_length, or the longest ballot (score = max_length − rank + 1).</summary>
    private static int PositionalMaxLength(Election election)
    {
        if (int.TryParse(election.GetMeta("max_length"), NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > 0)
        {
            return max;
        }
        return election.Voters.Count == 0 ? 0 : election.Voters.Max(v => v.ProjectIndices.Count);
    }

    private static int[] TieRanks(Election election, TieBreaking tieBreaking, int[] votes)
    {
        var m = election.Projects.Count;
        var order = Enumerable.Range(0, m).ToArray();
        Comparison<int> byId = (a, b) => string.CompareOrdinal(election.Projects[a].Id, election.Projects[b].Id);
        switch (tieBreaking.Kind)
        {
            case TieBreakingKind.Id:
                Array.Sort(order, byId);
                break;
            case TieBreakingKind.CostVotes:
                Array.Sort(order, (a, b) =>
                {
                    var c = election.Projects[a].Cost.CompareTo(election.Projects[b].Cost);
                    if (c == 0)
                    {
                        c = votes[b].CompareTo(votes[a]);
                    }
                    return c != 0 ? c : byId(a, b);
                });
                break;
            case TieBreakingKind.Lot:
                // The lot: projects in id order, shuffled once by Fisher–Yates with SplitMix64(seed).
                Array.Sort(order, byId);
                var random = new SplitMix64(tieBreaking.Seed);
                for (var i = m - 1; i > 0; i--)
                {
                    var k = (int)random.NextBelow((ulong)(i + 1));
                    (order[i], order[k]) = (order[k], order[i]);
                }
                break;
        }
        var rank = new int[m];
        for (var i = 0; i < m; i++)
        {
            rank[order[i]] = i;
        }
        return rank;
    }

    public Rational CostRational(int j) => Rational.FromDecimal(Costs[j]);
}
