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
        var data = election.Ballots;
        ProjectCount = election.Projects.Count;
        VoterCount = election.Voters.Count;
        Budget = election.Budget;
        Costs = data.Costs;
        Utility = ResolveUtility(election.VoteType, utility);
        VoterStart = data.VoterStart;
        VoterProjects = data.VoterProjects;
        Votes = data.Votes;
        Points = data.Points;
        SupporterStart = data.SupporterStart;
        Supporters = data.Supporters;
        Score = election.VoteType is VoteType.Approval or VoteType.ChooseOne ? data.VotesAsDecimal : Points;
        TieRank = TieRanks(election, tieBreaking, Votes);

        if (Utility is UtilityKind.Cost or UtilityKind.Cardinality || data.EntryPoints is null)
        {
            // One utility value per project: every (voter, project) entry points at value 0.
            VoterUtilityIndex = data.ZeroIndices;
            UtilityValues = new decimal[ProjectCount][];
            TotalUtility = new decimal[ProjectCount];
            for (var j = 0; j < ProjectCount; j++)
            {
                var u = Utility == UtilityKind.Cost ? Costs[j] : 1m;
                UtilityValues[j] = [u];
                TotalUtility[j] = u * Votes[j];
            }
            return;
        }

        // Points: distinct utility values per project; a (voter, project) entry keeps the index of its value.
        var points = data.EntryPoints;
        VoterUtilityIndex = new int[VoterProjects.Length];
        var values = new List<decimal>[ProjectCount];
        for (var j = 0; j < ProjectCount; j++)
        {
            values[j] = [];
        }
        for (var at = 0; at < VoterProjects.Length; at++)
        {
            var list = values[VoterProjects[at]];
            var index = list.IndexOf(points[at]);
            if (index < 0)
            {
                index = list.Count;
                list.Add(points[at]);
            }
            VoterUtilityIndex[at] = index;
        }
        UtilityValues = [.. values.Select(l => l.ToArray())];
        TotalUtility = Points;
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
