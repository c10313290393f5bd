using System.Globalization;
using System.Text;
using Connective.Budgeting;
using Connective.Budgeting.Analysis;
using Connective.Budgeting.Pabulib;
using Connective.Budgeting.Rules;
using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Voice.Budgets;

/// <summary>A counted process: the rule's outcome, why each project won or lost, and the file anyone can recount.</summary>
public sealed record CountedProcess(ProcessView Process, OutcomeExplanation Explanation, string PbFileName, string PbText, string Command)
{
    public IReadOnlyList<int> WinnerIds => [.. Explanation.Result.Selected.Select(project => int.Parse(project.Id, CultureInfo.InvariantCulture)).Order()];
}

/// <summary>
/// Counts a closed process with Connective.Budgeting: the ballots are written as an anonymised Pabulib file (voters
/// numbered 1, 2, … in the order of the ballots' random ids), read back with <see cref="PbReader"/> and counted with the
/// rule the process declared, so what the page shows is exactly what <c>connective pb count</c> gives on the download.
/// Money in the file is in whole pounds.
/// </summary>
public sealed class BudgetCount(AppDbContext db, BudgetProcesses processes)
{
    public static RuleOptions OptionsFor(CountingRule rule) => rule switch
    {
        CountingRule.Greedy => new RuleOptions { Rule = RuleKind.Greedy, GreedyVariant = GreedyVariant.Skip, Utility = UtilityKind.Cost },
        _ => new RuleOptions { Rule = RuleKind.EqualShares, Utility = UtilityKind.Cost, Completion = CompletionKind.Add1, Add1 = new Add1Options() },
    };

    public static string CommandFor(CountingRule rule, string fileName) => rule switch
    {
        CountingRule.Greedy => $"connective pb count {fileName} --rule greedy --utility cost --tie-breaking id",
        _ => $"connective pb count {fileName} --rule mes --utility cost --completion add1 --tie-breaking id",
    };

    /// <summary>
    /// The count of a process whose voting has closed, or null when there is no such process, it is still open, or no one
    /// voted (a budget cannot be shared among nobody: the .pb reader refuses an election without ballots).
    /// </summary>
    public async Task<CountedProcess?> CountAsync(int processId, CancellationToken cancellationToken)
    {
        if (await processes.FindAsync(processId, cancellationToken) is not { Phase: PbPhase.Results } process)
        {
            return null;
        }
        var ballots = await db.PbBallots.AsNoTracking().Where(ballot => ballot.ProcessId == processId).OrderBy(ballot => ballot.Id)
            .Select(ballot => ballot.Choices).ToListAsync(cancellationToken);
        if (ballots.Count == 0)
        {
            return null;
        }
        var fileName = $"connective-budget-{processId.ToString(CultureInfo.InvariantCulture)}.pb";
        var text = PbText(process, ballots);
        var election = PbReader.Read(new StringReader(text), fileName);
        var result = BudgetingRules.Count(election, OptionsFor(process.Rule));
        return new CountedProcess(process, Explanations.Explain(election, result), fileName, text, CommandFor(process.Rule, fileName));
    }

    private static string PbText(ProcessView process, List<string> ballots)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append("META\nkey;value\n");
        text.Append("description;").Append(Field(process.Title)).Append('\n');
        text.Append("country;United Kingdom\n");
        text.Append("unit;").Append(Field(process.WardName ?? "Whole borough")).Append('\n');
        text.Append("instance;").Append(process.VotingClosesAt.Year.ToString(inv)).Append('\n');
        text.Append(inv, $"num_projects;{process.Projects.Count}\n");
        text.Append(inv, $"num_votes;{ballots.Count}\n");
        text.Append(inv, $"budget;{process.BudgetPence / 100}\n");
        text.Append("vote_type;approval\n");
        text.Append("rule;").Append(process.Rule == CountingRule.Greedy ? "greedy" : "equalshares/add1").Append('\n');
        text.Append("currency;GBP\n");
        if (process.Format == BallotFormat.ApprovalWithMaximum)
        {
            text.Append(inv, $"max_length;{process.MaxChoices}\n");
        }
        if (process.Format == BallotFormat.Knapsack)
        {
            text.Append(inv, $"max_sum_cost;{process.BudgetPence / 100}\n");
        }
        text.Append("PROJECTS\nproject_id;cost;name\n");
        foreach (var project in process.Projects)
        {
            text.Append(inv, $"{project.Id};{project.CostPence / 100};").Append(Field(project.Title)).Append('\n');
        }
        text.Append("VOTES\nvoter_id;vote\n");
        for (var i = 0; i < ballots.Count; i++)
        {
            text.Append(inv, $"{i + 1};{ballots[i]}\n");
        }
        return text.ToString();
    }

    private static string Field(string value)
    {
        var flat = value.Replace('\r', ' ').Replace('\n', ' ');
        return flat.Contains(';', StringComparison.Ordinal) || flat.Contains('"', StringComparison.Ordinal)
            ? "\"" + flat.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : flat;
    }
}
