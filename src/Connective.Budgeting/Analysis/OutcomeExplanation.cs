using Connective.Budgeting.Rules;

namespace Connective.Budgeting.Analysis;

/// <summary>Why a project ended up funded or not.</summary>
public enum ProjectOutcome
{
    /// <summary>Funded by the rule itself.</summary>
    Funded,

    /// <summary>Funded by the utilitarian top-up after add1 (add1u), not by Equal Shares.</summary>
    FundedByCompletion,

    /// <summary>Not funded: its supporters could never pay for it (Equal Shares), or it lost to better-placed projects (Phragmén, maximum welfare).</summary>
    NotAffordable,

    /// <summary>Not funded: it no longer fitted in the remaining budget when its turn came (greedy).</summary>
    TooExpensive,

    /// <summary>Not funded: its score is below the threshold (greedy-threshold).</summary>
    BelowThreshold,

    /// <summary>Not funded: an exclusive alternative was funded (greedy-exclusive).</summary>
    Excluded,

    /// <summary>Not funded: the rule stopped before reaching it (greedy-no-skip, Phragmén).</summary>
    NotReached,

    /// <summary>Not funded: nobody voted for it.</summary>
    NoSupport,
}

/// <summary>One project's fate and the reason, in plain words.</summary>
/// <param name="Id">Project id.</param>
/// <param name="Name">The project's name from the file, if any.</param>
/// <param name="Cost">Its cost.</param>
/// <param name="Votes">How many ballots name it.</param>
/// <param name="Outcome">Funded or why not.</param>
/// <param name="Round">The round that funded it or passed it over, if any.</param>
/// <param name="EffectiveSupport">Equal Shares only: for a project not funded, the largest share of its cost its
/// supporters could have paid in any round at that round's price factor, or with all they had left at the end
/// (pabutools' effective support, as a fraction: 1 means it would have been affordable); for a funded project, 1.</param>
/// <param name="Reason">The explanation, in one sentence.</param>
public sealed record ProjectExplanation(
    string Id,
    string? Name,
    decimal Cost,
    int Votes,
    ProjectOutcome Outcome,
    int? Round,
    double? EffectiveSupport,
    string Reason);

/// <summary>
/// Everything needed to explain an outcome: the rule's round-by-round trace (project chosen, price factor, what each
/// group of supporters paid, the endowments left), each project's fate and why, how satisfied voters are, and for
/// Equal Shares an independent priceability check of the payments. Render it as Markdown or JSON with
/// <see cref="ExplanationRendering"/>, or use the data directly.
/// </summary>
/// <param name="Source">The election's file name.</param>
/// <param name="Budget">The budget.</param>
/// <param name="Result">The rule's result, with its options and trace.</param>
/// <param name="Projects">Every project, in the order funded first (by round), then the rest by votes.</param>
/// <param name="Satisfaction">Per-voter satisfaction summaries under cost and cardinality (and points, for points ballots).</param>
/// <param name="Priceability">For Equal Shares: the priceability check of the payments in the trace; otherwise null.</param>
public sealed record OutcomeExplanation(
    string Source,
    decimal Budget,
    RuleResult Result,
    IReadOnlyList<ProjectExplanation> Projects,
    IReadOnlyList<SatisfactionSummary> Satisfaction,
    PriceabilityReport? Priceability)
{
    /// <summary>The election's currency (META <c>currency</c>, for example PLN or EUR), or null when the file does not say.</summary>
    public string? Currency { get; init; }

    /// <summary>The number of voters (ballots).</summary>
    public int VoterCount { get; init; }

    /// <summary>For greedy-threshold: the score a project needed to be considered.</summary>
    public decimal? Threshold { get; init; }

    /// <summary>The rule the file says the official count used (META <c>rule</c>), or null when it does not say.</summary>
    public string? OfficialRule { get; init; }

    /// <summary>The ids of the projects the file records as funded by the official count (<see cref="OfficialCounts.Selected"/>), or null when it has no <c>selected</c> column.</summary>
    public IReadOnlyList<string>? OfficiallySelected { get; init; }

    /// <summary>The ids of projects the file marks as funded with money from outside the official count (<c>selected</c> 2 or 3 where the rule does not fund them).</summary>
    public IReadOnlyList<string> FundedOutsideTheCount { get; init; } = [];
}
