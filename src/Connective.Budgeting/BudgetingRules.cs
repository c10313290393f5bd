using Connective.Budgeting.Rules;

namespace Connective.Budgeting;

/// <summary>Runs a participatory budgeting rule on an election.</summary>
public static class BudgetingRules
{
    /// <summary>Computes the outcome of the rule described by <paramref name="options"/>.</summary>
    /// <param name="election">The election (for example from <see cref="Pabulib.PbReader"/>).</param>
    /// <param name="options">The rule and all its variants; the result records them.</param>
    /// <exception cref="ArgumentException">When the rule does not apply to the ballots (Phragmén needs approval-like ballots).</exception>
    public static RuleResult Count(Election election, RuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(options);
        var profile = new BallotProfile(election, options.Utility, options.TieBreaking);
        var resolved = options with { Utility = profile.Utility };
        return options.Rule switch
        {
            RuleKind.Greedy => GreedyRules.Pabulib(profile, resolved),
            RuleKind.GreedyDensity => GreedyRules.ByDensity(profile, resolved),
            RuleKind.EqualShares => EqualShares.Run(profile, resolved),
            RuleKind.Phragmen => election.VoteType is VoteType.Approval or VoteType.ChooseOne
                ? Phragmen.Run(profile, resolved)
                : throw new ArgumentException("Sequential Phragmén applies to approval and choose-1 ballots only.", nameof(options)),
            RuleKind.MaxWelfare => MaxWelfare.Run(profile, resolved),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Rule, "Unknown rule."),
        };
    }
}
