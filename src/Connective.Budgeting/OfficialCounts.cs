using Connective.Budgeting.Rules;

namespace Connective.Budgeting;

/// <summary>
/// The official count a Pabulib file names in its META <c>rule</c> field: the options that reproduce it and the
/// projects the file marks as funded by it. One place, so that <c>pb verify</c> and the conformance tests agree.
/// </summary>
public static class OfficialCounts
{
    /// <summary>The rule options that stand for the file's META rule, or null when Connective has no counterpart (<c>unknown</c>, or none).</summary>
    /// <param name="election">The election.</param>
    public static RuleOptions? Options(Election election)
    {
        ArgumentNullException.ThrowIfNull(election);
        // The official greedy counts (and the Pabulib checker) break ties by lower cost, then more votes.
        var greedy = new RuleOptions { Rule = RuleKind.Greedy, TieBreaking = TieBreaking.ByCostThenVotes };
        return election.GetMeta("rule")?.Trim() switch
        {
            "greedy" => greedy,
            "greedy-no-skip" => greedy with { GreedyVariant = GreedyVariant.NoSkip },
            "greedy-threshold" => greedy with { GreedyVariant = GreedyVariant.Threshold },
            "greedy-exclusive" => greedy with { GreedyVariant = GreedyVariant.Exclusive },
            "greedy-custom" when IsPoznan(election) => greedy with { GreedyVariant = GreedyVariant.NoSkipWithReserve },
            "equalshares/add1" => RuleOptions.PabulibOfficialAdd1,
            "equalshares/add1-comparison" => RuleOptions.PabulibOfficialAdd1 with
            {
                Add1 = RuleOptions.PabulibOfficialAdd1.Add1 with { CompareWithGreedy = true },
            },
            _ => null,
        };
    }

    /// <summary>
    /// The projects the official rule funded according to the file's <c>selected</c> column: value 1, and for
    /// Poznań's <c>greedy-custom</c> also value 2 (the project its own reserve step funds). Value 2 elsewhere and
    /// value 3 mark money from outside the rule (turnout awards, extra funds) and are left out. Null when the file
    /// has no <c>selected</c> column.
    /// </summary>
    /// <param name="election">The election.</param>
    public static IReadOnlyList<Project>? Selected(Election election)
    {
        ArgumentNullException.ThrowIfNull(election);
        if (!election.ProjectColumns.Contains("selected"))
        {
            return null;
        }
        var withReserve = Options(election) is { GreedyVariant: GreedyVariant.NoSkipWithReserve, Rule: RuleKind.Greedy };
        return [.. election.Projects.Where(p => p.Selected == 1 || withReserve && p.Selected == 2)];
    }

    /// <summary>
    /// <c>greedy-custom</c> is "see the file's comment": only Poznań's comment (the reserve rule) is known. Other
    /// cities' custom rules are not guessed at.
    /// </summary>
    private static bool IsPoznan(Election election) =>
        election.GetMeta("unit")?.Trim() == "Poznań" || (election.GetMeta("comment") ?? "").Contains("at least 80% of that project", StringComparison.Ordinal);
}
