using System.Globalization;

namespace Connective.Budgeting.Rules;

/// <summary>
/// An election's ballots as CSR arrays (voter → projects, project → supporters) with per-project totals, built once
/// per <see cref="Election"/> and shared by every rule run on it.
/// </summary>
internal sealed class BallotData
{
    public BallotData(Election election)
    {
        var m = election.Projects.Count;
        var n = election.Voters.Count;
        Costs = new decimal[m];
        for (var j = 0; j < m; j++)
        {
            Costs[j] = election.Projects[j].Cost;
        }
        VoterStart = new int[n + 1];
        for (var v = 0; v < n; v++)
        {
            VoterStart[v + 1] = VoterStart[v] + election.Voters[v].ProjectIndices.Count;
        }
        VoterProjects = new int[VoterStart[n]];
        var ordinal = election.VoteType == VoteType.Ordinal;
        var hasPoints = ordinal || election.Voters.Any(v => v.Points is not null);
        EntryPoints = hasPoints ? new decimal[VoterProjects.Length] : null;
        var positional = ordinal ? PositionalMaxLength(election) : 0;
        Votes = new int[m];
        for (var v = 0; v < n; v++)
        {
            var voter = election.Voters[v];
            var projects = voter.ProjectIndices;
            var at = VoterStart[v];
            for (var k = 0; k < projects.Count; k++, at++)
            {
                var j = projects[k];
                VoterProjects[at] = j;
                Votes[j]++;
                if (EntryPoints is not null)
                {
                    // Ordinal ballots score by position: max_length − rank + 1 (3-2-1 for three ranks).
                    EntryPoints[at] = ordinal ? positional - k : voter.Points?[k] ?? 1m;
                }
            }
        }
        VotesAsDecimal = new decimal[m];
        Points = new decimal[m];
        for (var j = 0; j < m; j++)
        {
            VotesAsDecimal[j] = Votes[j];
            Points[j] = Votes[j];
        }
        if (EntryPoints is not null)
        {
            Array.Clear(Points);
            for (var at = 0; at < VoterProjects.Length; at++)
            {
                Points[VoterProjects[at]] += EntryPoints[at];
            }
        }
        ZeroIndices = new int[VoterProjects.Length];

        SupporterStart = new int[m + 1];
        for (var j = 0; j < m; j++)
        {
            SupporterStart[j + 1] = SupporterStart[j] + Votes[j];
        }
        Supporters = new int[SupporterStart[m]];
        var fill = (int[])SupporterStart.Clone();
        for (var v = 0; v < n; v++)
        {
            for (var at = VoterStart[v]; at < VoterStart[v + 1]; at++)
            {
                Supporters[fill[VoterProjects[at]]++] = v;
            }
        }
    }

    public decimal[] Costs { get; }

    public int[] VoterStart { get; }

    public int[] VoterProjects { get; }

    /// <summary>Points per (voter, project) entry; positional scores for ordinal ballots; null for approval-like ballots.</summary>
    public decimal[]? EntryPoints { get; }

    public int[] Votes { get; }

    public decimal[] VotesAsDecimal { get; }

    /// <summary>Total points per project (the vote count for approval-like ballots).</summary>
    public decimal[] Points { get; }

    public int[] ZeroIndices { get; }

    public int[] SupporterStart { get; }

    public int[] Supporters { get; }

    /// <summary>The ordinal positional score's top value: META max_length, or the longest ballot.</summary>
    private static int PositionalMaxLength(Election election)
    {
        if (int.TryParse(election.GetMeta("max_length")?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > 0)
        {
            return max;
        }
        return election.Voters.Count == 0 ? 0 : election.Voters.Max(v => v.ProjectIndices.Count);
    }
}
