using Connective.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Voice.Budgets;

/// <summary>
/// The first step of voting: choose projects. The knapsack ballot's budget bar is worked out on the server ("Update my
/// total"), so it works without JavaScript.
/// </summary>
[Authorize]
public sealed class VoteModel(BudgetProcesses processes, SecretBallot ballot, CurrentPerson identity) : PageModel
{
    public ProcessView Process { get; private set; } = null!;
    public string? CannotVoteBecause { get; private set; }
    public bool HasVoted { get; private set; }
    public IReadOnlyCollection<int> Chosen { get; private set; } = [];
    public string? Receipt { get; private set; }
    public VoiceRefusedException? Error { get; private set; }

    public long ChosenPence => Process.Projects.Where(project => Chosen.Contains(project.Id)).Sum(project => project.CostPence);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (VoteJourney.Peek(TempData, id) is { } journey)
        {
            Chosen = journey.Choices;
            Receipt = journey.Receipt;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, List<int> choices, string? receipt, string? next, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Chosen = choices.Distinct().ToList();
        Receipt = receipt?.Trim();
        if (CannotVoteBecause is not null || next == "update")
        {
            return Page();
        }
        Error = SecretBallot.Check(Process, Chosen);
        if (Error is null && HasVoted && string.IsNullOrWhiteSpace(Receipt))
        {
            Error = new VoiceRefusedException("Receipt", "Enter the receipt you were given when you voted");
        }
        if (Error is not null)
        {
            return Page();
        }
        new VoteJourney(id, [.. Chosen.Order()], HasVoted ? Receipt : null).Keep(TempData);
        return Redirect(VoiceLinks.CheckVote(id));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await processes.FindAsync(id, cancellationToken) is not { } process)
        {
            return false;
        }
        Process = process;
        if (process.Phase != PbPhase.Voting)
        {
            CannotVoteBecause = process.Phase == PbPhase.Results ? "Voting has closed." : $"Voting has not opened yet. {VoicePhases.When(process)}";
        }
        else if (await identity.ResidentIdAsync(User, cancellationToken) is not { } residentId)
        {
            CannotVoteBecause = "Only residents can vote, and your account is not linked to a resident record.";
        }
        else
        {
            CannotVoteBecause = await ballot.IneligibleBecauseAsync(process, residentId, cancellationToken);
            HasVoted = await ballot.HasVotedAsync(id, residentId, cancellationToken);
        }
        return true;
    }
}
