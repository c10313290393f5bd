using Connective.Web.Features.Voice.Budgets;
using Connective.Web.Infrastructure;

namespace Connective.Web.Features.Voice;

/// <summary>How the pages name a process's phase and its dates.</summary>
public static class VoicePhases
{
    public static TagModel Tag(PbPhase phase) => phase switch
    {
        PbPhase.NotOpenYet => new TagModel("Coming soon", "grey"),
        PbPhase.IdeasAndReview => new TagModel("Ideas and review", "blue"),
        PbPhase.Voting => new TagModel("Voting open", "green"),
        _ => new TagModel("Results", "purple"),
    };

    public static string When(ProcessView process)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.Phase switch
        {
            PbPhase.NotOpenYet => $"Ideas open on {Day(process.IdeasOpenAt)}.",
            PbPhase.IdeasAndReview => $"Voting opens on {Day(process.VotingOpensAt)}.",
            PbPhase.Voting => $"Voting closes at the end of {Day(process.VotingClosesAt.AddTicks(-1))}.",
            _ => $"Voting closed on {Day(process.VotingClosesAt.AddTicks(-1))}.",
        };
    }

    public static string Day(DateTime utc) => UkTime.Date(utc);

    public static string Format(ProcessView process)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.Format switch
        {
            BallotFormat.ApprovalWithMaximum => $"Choose up to {process.MaxChoices} projects you support.",
            BallotFormat.Knapsack => $"Choose the projects you support, costing no more than {BudgetProcesses.Pounds(process.BudgetPence)} in total.",
            _ => "Choose every project you support.",
        };
    }

    public static string Rule(CountingRule rule) => rule switch
    {
        CountingRule.Greedy => "Projects are funded in order of votes, most first, skipping any that no longer fit in the budget.",
        _ => "Projects are funded by the Method of Equal Shares: every voter gets an equal share of the budget to spend on the projects they chose, so every group of voters gets a fair part of the money.",
    };
}
