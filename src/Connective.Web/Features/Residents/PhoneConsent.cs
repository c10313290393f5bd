using System.Globalization;
using System.Security.Claims;
using System.Text;
using Connective.Web.Data;
using Connective.Web.Platform.Audit;
using Connective.Web.Platform.ConsentPath;
using Microsoft.AspNetCore.Identity;

namespace Connective.Web.Features.Residents;

/// <summary>
/// Consent a resident gives on the phone: recorded through the consent query path with the coordinator's account id,
/// the time and the script version read out, audited, and confirmed by a letter to their postal address.
/// </summary>
public sealed class PhoneConsent(AppDbContext db, ConsentRecords consents, ResidentRecords residents, AuditLog audit,
    UserManager<ConnectiveUser> users, TimeProvider time)
{
    /// <summary>Records the person's yes or no to every purpose; a no withdraws consent they had given before.</summary>
    public async Task RecordAsync(ClaimsPrincipal coordinator, int residentId, IReadOnlySet<ConsentPurpose> agreed, string scriptVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreed);
        var script = PhoneScripts.Find(scriptVersion) ?? throw new ArgumentException($"There is no phone script '{scriptVersion}'.", nameof(scriptVersion));
        var coordinatorId = users.GetUserId(coordinator) ?? throw new InvalidOperationException("Only a signed-in coordinator records phone consent.");
        var address = await residents.PostalAddressAsync(residentId, cancellationToken)
            ?? throw new ArgumentException($"There is no resident {residentId}.", nameof(residentId));
        var current = await consents.CurrentAsync(residentId, cancellationToken);
        foreach (var purpose in Enum.GetValues<ConsentPurpose>())
        {
            if (agreed.Contains(purpose))
            {
                await consents.GiveAsync(residentId, purpose, ConsentMethod.Phone, coordinatorId, script.Version, cancellationToken);
            }
            else if (current.Contains(purpose))
            {
                await consents.WithdrawAsync(residentId, purpose, coordinatorId, cancellationToken);
            }
        }
        await audit.RecordAsync(coordinator, AuditActions.RecordedPhoneConsent, residentId, script.Version, cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage
        {
            To = address,
            Subject = "Confirmation of what you agreed on the phone",
            Body = LetterBody(agreed, script, now),
            CreatedAt = now,
            Kind = OutboxKind.Letter,
            RecipientResidentId = residentId,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string LetterBody(IReadOnlySet<ConsentPurpose> agreed, PhoneScript script, DateTime at)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"On {at:d MMMM yyyy} at {at:HH:mm} UTC you spoke to one of our coordinators, who read you our consent script (version {script.Version}). ");
        body.Append("You said yes to: ");
        body.Append(agreed.Count == 0 ? "nothing. " : string.Join(" ", agreed.Order().Select(PhoneScripts.Question)) + " ");
        body.Append("To everything else you said no. If this is not what you meant, or you change your mind, phone us or write to us and we will change it at once.");
        return body.ToString();
    }
}
