using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connective.Web.Data;

/// <summary>
/// A sign-in account. A resident's account points at their resident record; staff accounts need not. The person's
/// name lives on the resident record, never here, so that audit rows and logs can carry the account id alone.
/// </summary>
public sealed class ConnectiveUser : IdentityUser
{
    /// <summary>The resident this account belongs to, when it is a resident's own account.</summary>
    public int? ResidentId { get; set; }

    /// <summary>True for the demo borough's shared role accounts, which are listed on the sign-in page of a demo database.</summary>
    public bool IsDemoAccount { get; set; }
}

/// <summary>
/// A message the app sends, written in the same save as the change that caused it. With a mail relay configured the
/// background <c>MailSender</c> delivers e-mails from here, with retries; without one (Development and Demo) the
/// /outbox page shows them, so a newcomer can confirm an account on their own machine. Letters are printed by staff.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }

    /// <summary>The one link the message asks the reader to follow (confirm, reset), if any.</summary>
    public string? Link { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>An e-mail, or a letter to a postal address for a resident without one.</summary>
    public OutboxKind Kind { get; set; }

    /// <summary>The resident it was written to, when known, so "my data" finds it and erasure removes it.</summary>
    public int? RecipientResidentId { get; set; }

    /// <summary>The recipient has been erased: the address is kept only to deliver this receipt and is never shown.</summary>
    public bool RecipientErased { get; set; }

    /// <summary>When the relay accepted the e-mail; null while it waits. The link is cleared then (it is a secret).</summary>
    public DateTime? SentAt { get; set; }

    /// <summary>Delivery attempts so far, successful or not.</summary>
    public int Attempts { get; set; }

    /// <summary>Not before this time (back-off after a failure); null means as soon as possible.</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>What the relay (or the network) said on the last failed attempt, for the admin's mail page.</summary>
    public string? LastError { get; set; }

    /// <summary>Set when the attempts ran out; an admin may send it again from the mail page.</summary>
    public DateTime? GaveUpAt { get; set; }

    /// <summary>
    /// A sender holds the message until this time while it delivers it, so two instances never send the same message;
    /// a sender that dies mid-delivery lets it go when the time passes.
    /// </summary>
    public DateTime? ClaimedUntil { get; set; }
}

/// <summary>How an outbox message travels.</summary>
public enum OutboxKind
{
    Email = 0,
    Letter = 1,
}

internal sealed class ConnectiveUserConfiguration : IEntityTypeConfiguration<ConnectiveUser>
{
    public void Configure(EntityTypeBuilder<ConnectiveUser> builder)
    {
        builder.HasOne<Resident>().WithMany().HasForeignKey(user => user.ResidentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(user => user.ResidentId);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(message => message.To).HasMaxLength(256);
        builder.Property(message => message.Subject).HasMaxLength(200);
        builder.Property(message => message.Body).HasMaxLength(4000);
        builder.Property(message => message.Link).HasMaxLength(2000);
        builder.Property(message => message.LastError).HasMaxLength(500);
        builder.HasIndex(message => message.CreatedAt);
        builder.HasIndex(message => message.RecipientResidentId);
        // The sender's question, "what is waiting?", reads only this index.
        builder.HasIndex(message => new { message.SentAt, message.NextAttemptAt });
    }
}
