using Connective.Web.Data;
using Connective.Web.Features.Voice.Budgets;
using Connective.Web.Platform.DataRights;
using Microsoft.EntityFrameworkCore;
using static Connective.Web.Platform.DataRights.PersonalDataExport;

namespace Connective.Web.Features.Voice;

/// <summary>
/// Voice's part of a person's download: the budgets they voted in, never what they chose. Ballots hold no link to anyone
/// (that is the secret ballot), so they cannot be anyone's personal data.
/// </summary>
internal sealed class VoiceExport : IExportParticipant
{
    public IReadOnlyCollection<Type> Exports { get; } = [typeof(PbParticipation)];

    public IReadOnlyDictionary<Type, string> Withheld { get; } = new Dictionary<Type, string>();

    public async Task<IReadOnlyList<Section>> ExportAsync(AppDbContext db, DataSubject person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        if (person.ResidentId is not { } id)
        {
            return [];
        }
        var voted = await db.PbParticipations.AsNoTracking().Where(participation => participation.ResidentId == id)
            .Join(db.PbProcesses, participation => participation.ProcessId, process => process.Id, (participation, process) => new { process.Title, process.VotingClosesAt })
            .OrderBy(row => row.VotingClosesAt)
            .ToListAsync(cancellationToken);
        return
        [
            new("budget-votes", [.. voted.Select(row => Row(("Budget", row.Title), ("Voted", true), ("VotingClosed", row.VotingClosesAt),
                ("WhatYouChose", "Not recorded against you: your ballot is secret and cannot be linked back to you.")))]),
        ];
    }
}
