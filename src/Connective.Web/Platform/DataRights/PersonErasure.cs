using System.Globalization;
using System.Security.Claims;
using System.Text;
using Connective.Web.Data;
using Connective.Web.Platform.Audit;
using Connective.Web.Platform.ConsentPath;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Platform.DataRights;

/// <summary>
/// Erases a person in one transaction: their resident record (the id-to-person mapping), account, consents, ties,
/// circle memberships and messages, and their household when nobody else lives there. Audit rows stay, referring
/// to ids that now map to no one. Features that must keep records take part through <see cref="IErasureParticipant"/>.
/// Ward figures are computed from the people held, so they are as they would be had the person never been recorded.
/// </summary>
public sealed class PersonErasure(AppDbContext db, ConsentRecords consents, ConsentedNetwork network, AuditLog audit, IEnumerable<IErasureParticipant> participants, TimeProvider time)
{
    public async Task<ErasureReceipt> EraseAsync(ClaimsPrincipal actor, DataSubject person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var now = time.GetUtcNow().UtcDateTime;
        var items = new List<ErasureItem>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var resident = person.ResidentId is { } id
            ? await db.Residents.AsNoTracking().Where(resident => resident.Id == id)
                .Join(db.Households, resident => resident.HouseholdId, household => household.Id, (resident, household) => new
                {
                    resident.Id,
                    resident.Email,
                    resident.HouseholdId,
                    Postal = household.AddressLine + ", " + household.Postcode,
                })
                .SingleOrDefaultAsync(cancellationToken)
            : null;
        var account = person.AccountId is null ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(user => user.Id == person.AccountId, cancellationToken);
        var email = account?.Email ?? resident?.Email;

        // Consent goes first, through the consent path, so every cached network drops the person before anything else.
        if (resident is not null)
        {
            foreach (var purpose in await consents.CurrentAsync(resident.Id, cancellationToken))
            {
                await consents.WithdrawAsync(resident.Id, purpose, "erasure", cancellationToken);
            }
        }

        foreach (var participant in participants)
        {
            items.AddRange(await participant.EraseAsync(db, person, cancellationToken));
        }

        if (resident is not null)
        {
            items.Add(ErasureItem.Deleted("Connections with other people (ties)",
                await db.Ties.Where(tie => tie.PersonAId == resident.Id || tie.PersonBId == resident.Id).ExecuteDeleteAsync(cancellationToken)));
            items.Add(ErasureItem.Deleted("Consent records, given and withdrawn",
                await db.Consents.Where(consent => consent.ResidentId == resident.Id).ExecuteDeleteAsync(cancellationToken)));
            items.Add(ErasureItem.Deleted("Circle memberships",
                await db.CircleMembers.Where(member => member.ResidentId == resident.Id).ExecuteDeleteAsync(cancellationToken)));
        }
        items.Add(ErasureItem.Deleted("Messages and letters sent to you",
            await db.OutboxMessages
                .Where(message => (resident != null && message.RecipientResidentId == resident.Id) || (email != null && message.To == email))
                .ExecuteDeleteAsync(cancellationToken)));
        if (account is not null)
        {
            // Roles, sign-in keys, passkeys and tokens go with the account (cascading foreign keys).
            items.Add(ErasureItem.Deleted("Your account (e-mail address, password, roles and sign-in keys)",
                await db.Users.Where(user => user.Id == account.Id).ExecuteDeleteAsync(cancellationToken)));
        }
        if (resident is not null)
        {
            items.Add(ErasureItem.Deleted("Your resident record (name, year of birth, phone, location)",
                await db.Residents.Where(row => row.Id == resident.Id).ExecuteDeleteAsync(cancellationToken)));
            var householdGone = !await db.Residents.AnyAsync(row => row.HouseholdId == resident.HouseholdId, cancellationToken)
                && await db.Households.Where(household => household.Id == resident.HouseholdId).ExecuteDeleteAsync(cancellationToken) == 1;
            items.Add(householdGone
                ? ErasureItem.Deleted("Your household's address (nobody else lives there on our records)", 1)
                : ErasureItem.Kept("Your household's address", 1, "Other people on our records live there; it no longer links to you."));
        }

        var auditRows = await db.AuditEntries.CountAsync(entry =>
            (resident != null && (entry.SubjectResidentId == resident.Id || entry.OnBehalfOfResidentId == resident.Id))
            || (account != null && (entry.ActorId == account.Id || entry.SubjectAccountId == account.Id)), cancellationToken);
        items.Add(ErasureItem.Kept("Audit log entries about you or by you", auditRows,
            "The law requires a record of who accessed personal data. The entries carry only internal numbers, which no longer lead to you."));

        var receipt = new ErasureReceipt(now, items);
        await audit.RecordAsync(actor, AuditActions.ErasedPerson, subjectResidentId: null, reason: null, cancellationToken);
        if (email is not null || resident is not null)
        {
            // The receipt is the one message kept: its address is used to deliver it and never shown (RecipientErased).
            db.OutboxMessages.Add(new OutboxMessage
            {
                To = email ?? resident!.Postal,
                Subject = "Your information has been erased",
                Body = ReceiptText(receipt),
                CreatedAt = now,
                Kind = email is null ? OutboxKind.Letter : OutboxKind.Email,
                RecipientErased = true,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        // Ties and a node went too: no graph built before this transaction is used after it.
        await ConsentedNetwork.RecordChangeAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        network.Refresh();
        return receipt;
    }

    /// <summary>The receipt in words, for the message; it names no one.</summary>
    public static string ReceiptText(ErasureReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"On {receipt.At:d MMMM yyyy} at {receipt.At:HH:mm} UTC we erased your information. Erased: ");
        text.AppendJoin("; ", receipt.Erased.Select(item => $"{item.What} ({item.Count.ToString(CultureInfo.InvariantCulture)})"));
        text.Append(". Kept: ");
        text.AppendJoin("; ", receipt.KeptItems.Select(item => $"{item.What} ({item.Count.ToString(CultureInfo.InvariantCulture)}), because: {item.KeptBecause}"));
        text.Append('.');
        return text.ToString();
    }
}
