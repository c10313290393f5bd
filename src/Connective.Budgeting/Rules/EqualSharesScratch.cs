namespace Connective.Budgeting.Rules;

/// <summary>Arrays reused across the Equal Shares runs of one add1 completion (counts per project and group, voter groups).</summary>
internal sealed class EqualSharesScratch
{
    public int[] Counts { get; set; } = [];

    /// <summary>Cells per group row (Σ over projects of their distinct utility values).</summary>
    public int Slots { get; set; }

    public List<int>[] GroupsOf { get; set; } = [];

    public int[] VoterGroup { get; set; } = [];

    public int Capacity { get; set; } = 4;

    /// <summary>Groups created by the last run: the prefix of each counts array to clear before the next.</summary>
    public int UsedGroups { get; set; }
}
