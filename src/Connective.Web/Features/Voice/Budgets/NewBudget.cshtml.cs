using System.Globalization;
using Connective.Web.Data;
using Connective.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Voice.Budgets;

/// <summary>A budget officer sets up a process: budget, who votes, ballot, rule and dates.</summary>
[Authorize(Policy = VoicePolicies.BudgetOfficer)]
public sealed class NewBudgetModel(BudgetProcesses processes, AppDbContext db) : PageModel
{
    public IReadOnlyList<Ward> Wards { get; private set; } = [];
    public string? Title { get; private set; }
    public string? Summary { get; private set; }
    public string? BudgetPounds { get; private set; }
    public int? WardId { get; private set; }
    public BallotFormat Format { get; private set; } = BallotFormat.Knapsack;
    public string? MaxChoices { get; private set; }
    public CountingRule Rule { get; private set; } = CountingRule.EqualSharesAdd1;
    public DateParts IdeasOpenAt { get; private set; } = new();
    public DateParts VotingOpensAt { get; private set; } = new();
    public DateParts VotingClosesAt { get; private set; } = new();
    public VoiceRefusedException? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Wards = await db.Wards.AsNoTracking().OrderBy(ward => ward.Name).ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(
        string? title, string? summary, string? budgetPounds, int? wardId, BallotFormat format, string? maxChoices, CountingRule rule,
        DateParts ideasOpenAt, DateParts votingOpensAt, DateParts votingClosesAt, CancellationToken cancellationToken)
    {
        (Title, Summary, BudgetPounds, WardId, Format, MaxChoices, Rule) = (title, summary, budgetPounds, wardId, format, maxChoices, rule);
        (IdeasOpenAt, VotingOpensAt, VotingClosesAt) = (ideasOpenAt, votingOpensAt, votingClosesAt);
        try
        {
            var budget = long.TryParse(budgetPounds?.Replace(",", "", StringComparison.Ordinal).TrimStart('£').Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pounds) ? pounds : (long?)null;
            var max = int.TryParse(maxChoices, NumberStyles.None, CultureInfo.InvariantCulture, out var most) ? most : (int?)null;
            Require(ideasOpenAt, "IdeasOpenAt", "Enter the date ideas open, for example 1 3 2027");
            Require(votingOpensAt, "VotingOpensAt", "Enter the date voting opens, for example 1 4 2027");
            Require(votingClosesAt, "VotingClosesAt", "Enter the last day of voting, for example 30 4 2027");
            var id = await processes.CreateAsync(new ProcessInput(title, summary, wardId, budget, format, max, rule,
                UkMidnight(ideasOpenAt), UkMidnight(votingOpensAt), UkMidnight(votingClosesAt)?.AddDays(1)), cancellationToken);
            return Redirect(VoiceLinks.Budget(id));
        }
        catch (VoiceRefusedException refusal)
        {
            Error = refusal;
            Wards = await db.Wards.AsNoTracking().OrderBy(ward => ward.Name).ToListAsync(cancellationToken);
            return Page();
        }
    }

    private static void Require(DateParts date, string field, string message)
    {
        if (date.ToDate() is null)
        {
            throw new VoiceRefusedException(field, message);
        }
    }

    /// <summary>Midnight at the start of the day in the UK, as UTC.</summary>
    private static DateTime? UkMidnight(DateParts date) =>
        date.ToDate() is { } day ? UkTime.ToUtc(DateTime.SpecifyKind(day, DateTimeKind.Unspecified)) ?? day : null;
}
