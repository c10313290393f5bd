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
/// An e-mail the app sent, kept in the database. In Development and Demo the /outbox page shows them instead of a
/// mail server delivering them, so a newcomer can confirm an account on their own machine.
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
        builder.HasIndex(message => message.CreatedAt);
        builder.HasIndex(message => message.RecipientResidentId);
    }
}
