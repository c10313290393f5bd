using Connective.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Voice.Budgets;

/// <summary>Check your answers, then confirm: the ballot is cast (or changed) only here.</summary>
[Authorize]
public sealed class CheckVoteModel(BudgetProcesses processes, SecretBallot ballot, CurrentPerson identity) : PageModel
{
    public ProcessView Process { get; private set; } = null!;
    public VoteJourney Journey { get; private set; } = null!;
    public IReadOnlyList<ProjectView> Chosen { get; private set; } = [];
    public VoiceRefusedException? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }
        if (await identity.ResidentIdAsync(User, cancellationToken) is not { } residentId)
        {
            return Redirect(VoiceLinks.Vote(id));
        }
        try
        {
            var receipt = await ballot.VoteAsync(id, residentId, Journey.Choices, Journey.Receipt, cancellationToken);
            VoteJourney.Finish(TempData, receipt);
            return Redirect(VoiceLinks.VoteDone(id));
        }
        catch (VoiceRefusedException refusal)
        {
            Error = refusal;
            return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await processes.FindAsync(id, cancellationToken) is not { } process)
        {
            return NotFound();
        }
        if (VoteJourney.Peek(TempData, id) is not { } journey)
        {
            return Redirect(VoiceLinks.Vote(id));
        }
        Process = process;
        Journey = journey;
        Chosen = [.. process.Projects.Where(project => journey.Choices.Contains(project.Id))];
        return null;
    }
}
