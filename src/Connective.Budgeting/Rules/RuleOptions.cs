using System.Globalization;

namespace Connective.Budgeting.Rules;

/// <summary>The rule to run.</summary>
public enum RuleKind
{
    /// <summary>Pabulib's greedy: fund projects in order of votes (approval, choose-1) or total points (cumulative, scoring; positional score for ordinal), see <see cref="GreedyVariant"/>.</summary>
    Greedy,

    /// <summary>Utilitarian greedy by satisfaction per unit of cost (pabutools <c>greedy_utilitarian_welfare</c>): the ratio of total utility to cost, skipping what no longer fits.</summary>
    GreedyDensity,

    /// <summary>The Method of Equal Shares (pabutools <c>method_of_equal_shares</c>, equalshares.net).</summary>
    EqualShares,

    /// <summary>Sequential Phragmén (pabutools <c>sequential_phragmen</c>): stops at the first project that does not fit.</summary>
    Phragmen,

    /// <summary>A budget-feasible set of projects with the largest total utility (exact, by branch and bound).</summary>
    MaxWelfare,
}

/// <summary>Variants of Pabulib's greedy rule (the META <c>rule</c> field).</summary>
public enum GreedyVariant
{
    /// <summary><c>greedy</c>: skip a project that no longer fits and go on.</summary>
    Skip,

    /// <summary><c>greedy-no-skip</c>: stop at the first project that does not fit.</summary>
    NoSkip,

    /// <summary><c>greedy-threshold</c>: only projects whose score reaches <see cref="RuleOptions.ScoreThreshold"/> (META <c>min_project_score_threshold</c>), skipping what does not fit.</summary>
    Threshold,

    /// <summary><c>greedy-exclusive</c>: as <see cref="Skip"/>, but a project is not funded when another funded project has the same <c>name</c> (Warsaw's mutually exclusive alternatives).</summary>
    Exclusive,

    /// <summary>
    /// <c>greedy-custom</c> as Poznań counts it: as <see cref="NoSkip"/> up to the first project that does not fit;
    /// that project is then funded from an external reserve when the budget left covers at least
    /// <see cref="RuleOptions.ReserveShare"/> (80%) of its cost (the files mark it <c>selected</c> = 2), and the count ends.
    /// </summary>
    NoSkipWithReserve,
}

/// <summary>A voter's utility for a project they voted for.</summary>
public enum UtilityKind
{
    /// <summary>Cost for approval and choose-1 ballots (pabutools <c>Cost_Sat</c>); the points for cumulative, scoring and ordinal ballots (<c>Additive_Cardinal_Sat</c>; ordinal points are positional scores).</summary>
    Auto,

    /// <summary>The project's cost (equalshares.net's definition for approval ballots).</summary>
    Cost,

    /// <summary>One per approved project (pabutools <c>Cardinality_Sat</c>).</summary>
    Cardinality,

    /// <summary>The points given (positional score for ordinal ballots).</summary>
    Points,
}

/// <summary>How Equal Shares is completed when it leaves budget unspent.</summary>
public enum CompletionKind
{
    /// <summary>No completion.</summary>
    None,

    /// <summary>Raise every voter's endowment step by step (see <see cref="Add1Options"/>).</summary>
    Add1,

    /// <summary><see cref="Add1"/>, then fund remaining projects greedily by votes (points) while they fit.</summary>
    Add1Utilitarian,
}

/// <summary>Where add1 starts.</summary>
public enum Add1Start
{
    /// <summary>Exactly budget ÷ voters (pabutools).</summary>
    Exact,

    /// <summary>budget ÷ voters rounded down to a whole currency unit (equalshares.net).</summary>
    Floor,
}

/// <summary>When add1 stops raising the endowment.</summary>
public enum Add1Stop
{
    /// <summary>At the first outcome to which no project with at least one supporter can be added within the budget (pabutools); or, if an outcome exceeds the budget first, with the previous one.</summary>
    ExhaustiveOverSupported,

    /// <summary>At the first outcome to which no project at all can be added within the budget (equalshares.net); or with the last outcome within budget.</summary>
    ExhaustiveOverAll,

    /// <summary>Only when the next step's outcome would exceed the budget: returns the last outcome within budget (the Pabulib checker; the official Wieliczka and Assen counts).</summary>
    BeforeExceedingBudget,
}

/// <summary>The add1 completion's options.</summary>
/// <param name="Start">Where the per-voter endowment starts.</param>
/// <param name="Step">How much every voter's endowment rises per step, in currency units.</param>
/// <param name="Stop">When to stop.</param>
/// <param name="CompareWithGreedy">The comparison step of <c>equalshares/add1-comparison</c>: if more voters prefer the greedy outcome than the add1 outcome (by the number of their approved projects funded), the greedy outcome is used.</param>
public sealed record Add1Options(Add1Start Start = Add1Start.Exact, decimal Step = 1m, Add1Stop Stop = Add1Stop.ExhaustiveOverSupported, bool CompareWithGreedy = false);

/// <summary>Arithmetic used by the rules.</summary>
public enum ArithmeticMode
{
    /// <summary>Exact results: a floating-point pass whose every close decision (two candidates, or a payment and a budget, within a relative 1e-9) makes the run start over in exact rational arithmetic.</summary>
    Exact,

    /// <summary>Exact rational arithmetic throughout (slow; used to check <see cref="Exact"/>).</summary>
    ExactOnly,

    /// <summary>Doubles only, for screening: near-ties may be decided differently from the exact rule.</summary>
    FloatingPoint,
}

/// <summary>How ties between projects are broken.</summary>
public enum TieBreakingKind
{
    /// <summary>By project id compared as strings, ordinal ("10" before "9"), as pabutools does.</summary>
    Id,

    /// <summary>Lower cost first, then more votes, then by id (equalshares.net and the Pabulib checker).</summary>
    CostVotes,

    /// <summary>By a lot drawn once from a seed (SplitMix64, see <see cref="SplitMix64"/>) and reused for every tie.</summary>
    Lot,
}

/// <summary>A tie-breaking rule: <c>id</c>, <c>cost-votes</c> or <c>lot:SEED</c>.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Seed">The seed for <see cref="TieBreakingKind.Lot"/>.</param>
public sealed record TieBreaking(TieBreakingKind Kind, ulong Seed = 0)
{
    /// <summary>By project id (the default).</summary>
    public static TieBreaking ById { get; } = new(TieBreakingKind.Id);

    /// <summary>Lower cost, then more votes.</summary>
    public static TieBreaking ByCostThenVotes { get; } = new(TieBreakingKind.CostVotes);

    /// <summary>Parses <c>id</c>, <c>cost-votes</c> or <c>lot:SEED</c> (SEED a non-negative integer).</summary>
    /// <param name="text">The option text.</param>
    public static TieBreaking Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "id")
        {
            return ById;
        }
        if (text == "cost-votes")
        {
            return ByCostThenVotes;
        }
        if (text.StartsWith("lot:", StringComparison.Ordinal) && ulong.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
        {
            return new(TieBreakingKind.Lot, seed);
        }
        throw new FormatException($"Unknown tie-breaking '{text}': expected id, cost-votes or lot:SEED.");
    }

    /// <summary>The option text: <c>id</c>, <c>cost-votes</c> or <c>lot:SEED</c>.</summary>
    public override string ToString() => Kind switch
    {
        TieBreakingKind.Id => "id",
        TieBreakingKind.CostVotes => "cost-votes",
        _ => "lot:" + Seed.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>Everything that determines a rule's outcome. Every result carries the options it was computed with.</summary>
public sealed record RuleOptions
{
    /// <summary>The rule.</summary>
    public RuleKind Rule { get; init; } = RuleKind.EqualShares;

    /// <summary>The greedy variant (for <see cref="RuleKind.Greedy"/>).</summary>
    public GreedyVariant GreedyVariant { get; init; } = GreedyVariant.Skip;

    /// <summary>Minimum score for <see cref="GreedyVariant.Threshold"/>; null reads META <c>min_project_score_threshold</c>.</summary>
    public decimal? ScoreThreshold { get; init; }

    /// <summary>For <see cref="GreedyVariant.NoSkipWithReserve"/>: the least share of the stopping project's cost the budget left must cover for the reserve to fund it (Poznań: 0.8).</summary>
    public decimal ReserveShare { get; init; } = 0.8m;

    /// <summary>The utility (for Equal Shares, greedy by density and maximum welfare).</summary>
    public UtilityKind Utility { get; init; } = UtilityKind.Auto;

    /// <summary>The completion (for Equal Shares).</summary>
    public CompletionKind Completion { get; init; } = CompletionKind.None;

    /// <summary>The add1 options (when <see cref="Completion"/> is add1 or add1u).</summary>
    public Add1Options Add1 { get; init; } = new();

    /// <summary>How ties are broken.</summary>
    public TieBreaking TieBreaking { get; init; } = TieBreaking.ById;

    /// <summary>The arithmetic.</summary>
    public ArithmeticMode Arithmetic { get; init; } = ArithmeticMode.Exact;

    /// <summary>Equal Shares with add1 as pabutools runs it (<c>voter_budget_increment=1</c>): start at exactly budget ÷ voters, step 1, stop at the first outcome exhaustive over supported projects.</summary>
    public static RuleOptions PabutoolsAdd1 { get; } = new()
    {
        Rule = RuleKind.EqualShares,
        Completion = CompletionKind.Add1,
        Add1 = new Add1Options(Add1Start.Exact, 1m, Add1Stop.ExhaustiveOverSupported),
    };

    /// <summary>Equal Shares with add1 as the official Pabulib counts (Wieliczka 2023, Assen 2024) ran it: cost utilities, start at budget ÷ voters, step 1, stop only when the next step would exceed the budget.</summary>
    public static RuleOptions PabulibOfficialAdd1 { get; } = new()
    {
        Rule = RuleKind.EqualShares,
        Utility = UtilityKind.Cost,
        Completion = CompletionKind.Add1,
        Add1 = new Add1Options(Add1Start.Exact, 1m, Add1Stop.BeforeExceedingBudget),
    };

    /// <summary>The named preset: <c>pabutools</c> or <c>pabulib-official</c>.</summary>
    /// <param name="name">The preset name.</param>
    public static RuleOptions Preset(string name) => name switch
    {
        "pabutools" => PabutoolsAdd1,
        "pabulib-official" => PabulibOfficialAdd1,
        _ => throw new ArgumentException($"Unknown preset '{name}': expected pabutools or pabulib-official.", nameof(name)),
    };
}
