using Connective.Web.Data;
using Connective.Web.Platform.DataRights;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Voice;

/// <summary>
/// Voice's part of erasure: the record that the person voted loses its link to them (the row stays, unnamed, so turnout
/// stays right and nobody can vote twice in its place); their ballot is anonymous already and stays counted.
/// </summary>
internal sealed class VoiceErasure : IErasureParticipant
{
    public async Task<IReadOnlyList<ErasureItem>> EraseAsync(AppDbContext db, DataSubject person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        if (person.ResidentId is not { } id)
        {
            return [];
        }
        var unlinked = await db.PbParticipations.Where(participation => participation.ResidentId == id)
            .ExecuteUpdateAsync(set => set.SetProperty(participation => participation.ResidentId, (int?)null), cancellationToken);
        return unlinked == 0
            ? []
            : [ErasureItem.Deleted("Records that you voted in a participatory budget (kept without your name, so turnout stays right; your ballot was never linked to you and stays counted)", unlinked)];
    }
}
