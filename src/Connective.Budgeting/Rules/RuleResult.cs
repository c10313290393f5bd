using Connective.Budgeting.Numerics;

namespace Connective.Budgeting.Rules;

/// <summary>The outcome of a rule: the funded projects, the options used and a per-round trace to explain it.</summary>
public sealed record RuleResult
{
    /// <summary>The options the outcome was computed with (including tie-breaking).</summary>
    public required RuleOptions Options { get; init; }

    /// <summary>Funded projects in the order the rule chose them.</summary>
    public required IReadOnlyList<Project> Selected { get; init; }

    /// <summary>Total cost of <see cref="Selected"/>.</summary>
    public decimal TotalCost => Selected.Sum(p => p.Cost);

    /// <summary>What happened round by round (for Equal Shares with add1: the rounds of the final run).</summary>
    public required IReadOnlyList<RoundTrace> Rounds { get; init; }

    /// <summary>For Equal Shares: the per-voter endowment of the final run (with add1, after the last step).</summary>
    public double? Endowment => ExactEndowment?.ToDouble();

    internal Rational? ExactEndowment { get; init; }

    /// <summary>For add1: how many Equal Shares runs were made (1 + the number of raises).</summary>
    public int Add1Runs { get; init; }

    /// <summary>For the add1 comparison step: whether the greedy outcome replaced the Equal Shares outcome.</summary>
    public bool ComparisonChoseGreedy { get; init; }

    /// <summary>For Equal Shares and Phragmén: whether the floating-point pass met a close decision and the run was redone exactly.</summary>
    public bool RecheckedExactly { get; init; }

    /// <summary>Whether the trace's internal exact values are filled (exact runs); otherwise <see cref="WithExactTrace"/> replays the run exactly.</summary>
    internal bool HasExactTrace { get; init; }

    internal Func<RuleResult>? ExactReplay { get; init; }

    /// <summary>
    /// The same result with a trace in exact rational arithmetic. The default exact mode decides the outcome in a
    /// certified floating-point pass and its trace shows doubles; this replays the funded projects exactly (only
    /// the winners' prices are computed), for analyses such as a priceability check that need exact payments.
    /// </summary>
    internal RuleResult WithExactTrace() => HasExactTrace || ExactReplay is null ? this : ExactReplay();

    /// <summary>The project ids of <see cref="Selected"/>, sorted as Pabulib lists them (shorter first, then ordinal).</summary>
    public IReadOnlyList<string> SelectedIdsSorted =>
        [.. Selected.Select(p => p.Id).OrderBy(id => id.Length).ThenBy(id => id, StringComparer.Ordinal)];
}

/// <summary>What a round considered or did.</summary>
public enum RoundAction
{
    /// <summary>The project was funded.</summary>
    Funded,

    /// <summary>The project was passed over because it no longer fits in the remaining budget (greedy).</summary>
    SkippedTooExpensive,

    /// <summary>The project was passed over because its score is below the threshold (greedy-threshold).</summary>
    SkippedBelowThreshold,

    /// <summary>The project was passed over because an exclusive alternative was funded (greedy-exclusive).</summary>
    SkippedExclusive,

    /// <summary>The rule stopped at this project (greedy-no-skip; Phragmén when the next project does not fit).</summary>
    Stopped,

    /// <summary>Funded by the utilitarian top-up after add1.</summary>
    FundedByCompletion,

    /// <summary>greedy-custom (Poznań): the project that stopped the count, funded from an external reserve because the budget left covered at least the reserve share of its cost. It is in <see cref="RuleResult.Selected"/>; its cost beyond the budget left comes from outside the election's budget.</summary>
    FundedFromReserve,
}

/// <summary>
/// One round. For Equal Shares: the project funded, its price factor ρ (each supporter pays min(endowment, ρ × utility)),
/// what each group of supporters paid and every group's endowment after the round. For Phragmén: the new load of the
/// project's supporters (in <see cref="PriceFactor"/>). For greedy: the project's score and the budget left.
/// </summary>
public sealed record RoundTrace
{
    /// <summary>1-based round number.</summary>
    public required int Number { get; init; }

    /// <summary>The project concerned.</summary>
    public required Project Project { get; init; }

    /// <summary>What happened to it.</summary>
    public required RoundAction Action { get; init; }

    /// <summary>Greedy: the score it orders by (votes, points, or utility per cost). Equal Shares: 1 ÷ ρ (higher is better). Phragmén: the number of supporters.</summary>
    public double Score { get; init; }

    /// <summary>Equal Shares: ρ; Phragmén: the supporters' new load. Null for greedy.</summary>
    public double? PriceFactor { get; init; }

    /// <summary>The exact ρ (or load), when the round was computed in exact arithmetic (see <see cref="RuleResult.HasExactTrace"/>).</summary>
    internal Rational? ExactPriceFactor { get; init; }

    /// <summary>Budget left after the round (greedy and completions), or null.</summary>
    public decimal? RemainingBudget { get; init; }

    /// <summary>Equal Shares: each group of the project's supporters (voters with the same endowment and utility) and what each member paid.</summary>
    public IReadOnlyList<PaymentGroup> Payments { get; init; } = [];

    /// <summary>Equal Shares: every group of voters with its endowment after the round (groups split only when some of their members pay; voters with nothing left form one group). Built when first read.</summary>
    public IReadOnlyList<EndowmentGroup> Endowments => _endowments?.Value ?? [];

    internal Lazy<IReadOnlyList<EndowmentGroup>>? LazyEndowments { init => _endowments = value; }

    private readonly Lazy<IReadOnlyList<EndowmentGroup>>? _endowments;
}

/// <summary>Supporters of a funded project who had the same endowment and utility, and what each paid.</summary>
public sealed record PaymentGroup
{
    /// <summary>Number of voters in the group.</summary>
    public required int Voters { get; init; }

    /// <summary>Each member's utility for the project.</summary>
    public required double Utility { get; init; }

    /// <summary>Each member's endowment before paying.</summary>
    public required double EndowmentBefore { get; init; }

    /// <summary>What each member paid.</summary>
    public required double Payment { get; init; }

    /// <summary>Ids of the funded projects the members had voted for before this round (what made them a group). Built when first read.</summary>
    public IReadOnlyList<string> FundedProjectsSupported => _signature?.Value ?? [];

    internal Lazy<IReadOnlyList<string>>? LazySignature { init => _signature = value; }

    private readonly Lazy<IReadOnlyList<string>>? _signature;

    /// <summary>Exact values, when the round was computed in exact arithmetic.</summary>
    internal Rational? ExactUtility { get; init; }

    internal Rational? ExactEndowmentBefore { get; init; }

    internal Rational? ExactPayment { get; init; }
}

/// <summary>Voters who have the same remaining endowment (they voted for the same funded projects so far).</summary>
public sealed record EndowmentGroup
{
    /// <summary>Number of voters.</summary>
    public required int Voters { get; init; }

    /// <summary>Each member's remaining endowment.</summary>
    public required double Endowment { get; init; }

    /// <summary>Ids of the funded projects the members voted for (what made them a group; empty for the group of voters with nothing left). Built when first read.</summary>
    public IReadOnlyList<string> FundedProjectsSupported => _signature?.Value ?? [];

    internal Lazy<IReadOnlyList<string>>? LazySignature { init => _signature = value; }

    private readonly Lazy<IReadOnlyList<string>>? _signature;

    internal Rational? ExactEndowment { get; init; }
}
