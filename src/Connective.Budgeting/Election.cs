using System.Collections.ObjectModel;

namespace Connective.Budgeting;

/// <summary>How voters expressed their preferences (the Pabulib META field <c>vote_type</c>).</summary>
public enum VoteType
{
    /// <summary>Each voter approves a set of projects (<c>approval</c>).</summary>
    Approval,

    /// <summary>Each voter picks at most one project (<c>choose-1</c>).</summary>
    ChooseOne,

    /// <summary>Each voter spreads points over projects (<c>cumulative</c>).</summary>
    Cumulative,

    /// <summary>Each voter gives each project a score (<c>scoring</c>).</summary>
    Scoring,

    /// <summary>Each voter ranks projects, best first (<c>ordinal</c>).</summary>
    Ordinal,
}

/// <summary>One project of an election: its id, cost and every column of its row in the file.</summary>
public sealed class Project
{
    private readonly ReadOnlyDictionary<string, int> _columnIndex;

    internal Project(int index, string id, decimal cost, string[] values, ReadOnlyDictionary<string, int> columnIndex)
    {
        Index = index;
        Id = id;
        Cost = cost;
        Values = Array.AsReadOnly(values);
        _columnIndex = columnIndex;
    }

    /// <summary>Dense position of the project in <see cref="Election.Projects"/> (file order).</summary>
    public int Index { get; }

    /// <summary>The project id (<c>project_id</c>), compared as a string.</summary>
    public string Id { get; }

    /// <summary>The cost, exactly as written (costs need not be integers).</summary>
    public decimal Cost { get; }

    /// <summary>The raw text of every column of the project's row, aligned with <see cref="Election.ProjectColumns"/>.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>The raw text of a column, or null when the file has no such column.</summary>
    /// <param name="column">A column name from the PROJECTS header, for example <c>name</c> or <c>selected</c>.</param>
    public string? this[string column] => _columnIndex.TryGetValue(column, out var i) ? Values[i] : null;

    /// <summary>The <c>selected</c> column as a number (1 = funded by the official rule; 2 and 3 funded outside it, or by Poznań's reserve), or null when absent or empty. The reader refuses any other text.</summary>
    public int? Selected => int.TryParse(this["selected"], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : null;

    /// <inheritdoc />
    public override string ToString() => Id;
}

/// <summary>One ballot: the voter's id, the projects they voted for (in ballot order) and, for points ballots, the points.</summary>
public sealed class Voter
{
    internal Voter(string id, int[] projects, decimal[]? points, string[] values)
    {
        Id = id;
        ProjectIndices = Array.AsReadOnly(projects);
        Points = points is null ? null : Array.AsReadOnly(points);
        Values = Array.AsReadOnly(values);
    }

    /// <summary>The voter id (<c>voter_id</c>).</summary>
    public string Id { get; }

    /// <summary>Indices into <see cref="Election.Projects"/> in the order written on the ballot (for ordinal ballots, best first).</summary>
    public IReadOnlyList<int> ProjectIndices { get; }

    /// <summary>The points given to each project of <see cref="ProjectIndices"/> (the <c>points</c> column), or null when the file has none.</summary>
    public IReadOnlyList<decimal>? Points { get; }

    /// <summary>The raw text of every column of the voter's row, aligned with <see cref="Election.VoteColumns"/>.</summary>
    public IReadOnlyList<string> Values { get; }
}

/// <summary>
/// A participatory budgeting election as a Pabulib file describes it: the META key/value pairs (in file order),
/// the projects and the ballots, with every column kept so that writing it back reproduces the file's content.
/// </summary>
public sealed class Election
{
    internal Election(
        string source,
        IReadOnlyList<KeyValuePair<string, string>> meta,
        decimal budget,
        VoteType voteType,
        string[] projectColumns,
        Project[] projects,
        string[] voteColumns,
        Voter[] voters,
        IReadOnlyList<Pabulib.PbWarning>? warnings = null)
    {
        Warnings = warnings ?? [];
        Source = source;
        Meta = meta;
        Budget = budget;
        VoteType = voteType;
        ProjectColumns = Array.AsReadOnly(projectColumns);
        Projects = Array.AsReadOnly(projects);
        VoteColumns = Array.AsReadOnly(voteColumns);
        Voters = Array.AsReadOnly(voters);
    }

    private Rules.BallotData? _ballots;

    /// <summary>The ballots as CSR arrays, built once per election for the rules.</summary>
    internal Rules.BallotData Ballots => _ballots ??= new Rules.BallotData(this);

    /// <summary>What the reader accepted but reports (empty ballots, a project named twice on a ballot, <c>votes</c> that disagree with the ballots), each with file, line and field.</summary>
    public IReadOnlyList<Pabulib.PbWarning> Warnings { get; }

    /// <summary>Where the election was read from (a file name), used in messages.</summary>
    public string Source { get; }

    /// <summary>The META section: key/value pairs in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Meta { get; }

    /// <summary>The total budget (META <c>budget</c>).</summary>
    public decimal Budget { get; }

    /// <summary>The ballot type (META <c>vote_type</c>).</summary>
    public VoteType VoteType { get; }

    /// <summary>The PROJECTS header: <c>project_id</c>, <c>cost</c> and any further columns, in file order.</summary>
    public IReadOnlyList<string> ProjectColumns { get; }

    /// <summary>The projects in file order; <see cref="Project.Index"/> is the position here.</summary>
    public IReadOnlyList<Project> Projects { get; }

    /// <summary>The VOTES header: <c>voter_id</c>, <c>vote</c>, possibly <c>points</c>, and any further columns.</summary>
    public IReadOnlyList<string> VoteColumns { get; }

    /// <summary>The ballots in file order.</summary>
    public IReadOnlyList<Voter> Voters { get; }

    /// <summary>The value of a META key, or null when absent.</summary>
    /// <param name="key">For example <c>rule</c>, <c>max_length</c> or <c>min_project_score_threshold</c>.</param>
    public string? GetMeta(string key)
    {
        foreach (var pair in Meta)
        {
            if (pair.Key == key)
            {
                return pair.Value;
            }
        }
        return null;
    }

    /// <summary>The project with this id, or null.</summary>
    /// <param name="id">A project id as written in the file.</param>
    public Project? FindProject(string id)
    {
        foreach (var p in Projects)
        {
            if (p.Id == id)
            {
                return p;
            }
        }
        return null;
    }
}
