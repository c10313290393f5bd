using System.Text.Json.Serialization;
using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connective.Web.Features.Circle.Credits;

/// <summary>Whose account it is: a resident's, or the community pool of donated hours.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CreditAccountKind>))]
public enum CreditAccountKind
{
    Resident = 0,
    CommunityPool = 1,
}

/// <summary>
/// A time-credit account. A resident's account has the resident's id as its own id (one account each, locked in id
/// order); the community pool is account 0. Balances are whole minutes, because SQLite cannot compare decimals in SQL
/// and the conditional update that stops an overdraft must compare in the database.
/// </summary>
public sealed class CreditAccount
{
    public const int CommunityPoolId = 0;

    public int Id { get; set; }
    public CreditAccountKind Kind { get; set; }

    /// <summary>The resident, or null for the pool and for the account of a person who has been erased.</summary>
    public int? ResidentId { get; set; }

    /// <summary>Always the sum of the account's entries; kept on the row so that a transfer checks it in one statement.</summary>
    public long BalanceMinutes { get; set; }

    /// <summary>The lowest the balance may go: a resident may receive help on credit down to this, the pool never below zero.</summary>
    public long FloorMinutes { get; set; }

    public DateTime OpenedAt { get; set; }
}

/// <summary>What a posting records.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CreditPostingKind>))]
public enum CreditPostingKind
{
    /// <summary>A helper gave time to a recipient.</summary>
    Task = 0,

    /// <summary>A resident gave some of their hours to the community pool.</summary>
    Donation = 1,
}

/// <summary>
/// One business event (a task's hours, a donation) with the caller's idempotency key, unique in the database: a retry
/// with the same key finds this row instead of moving credits twice. Its transfers carry the money.
/// </summary>
public sealed class CreditPosting
{
    public long Id { get; set; }
    public required string IdempotencyKey { get; set; }
    public CreditPostingKind Kind { get; set; }

    /// <summary>Who gave the time (tasks) or the hours (donations).</summary>
    public int? GiverResidentId { get; set; }

    /// <summary>Who received the help; null for donations.</summary>
    public int? RecipientResidentId { get; set; }

    /// <summary>The hours asked to move, in minutes.</summary>
    public long Minutes { get; set; }

    /// <summary>Minutes neither the recipient nor the pool could cover: the help still happened, and is still counted as given.</summary>
    public long UncoveredMinutes { get; set; }

    public DateTime At { get; set; }
}

/// <summary>Why a transfer moved credits.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CreditTransferKind>))]
public enum CreditTransferKind
{
    /// <summary>The recipient pays the helper for their time.</summary>
    FromRecipient = 0,

    /// <summary>The pool pays the helper for a recipient at their limit.</summary>
    FromPool = 1,

    /// <summary>A resident gives hours to the pool.</summary>
    Donation = 2,
}

/// <summary>One movement of minutes between two accounts; its two entries sum to zero.</summary>
public sealed class CreditTransfer
{
    public long Id { get; set; }
    public long PostingId { get; set; }
    public CreditTransferKind Kind { get; set; }
    public int FromAccountId { get; set; }
    public int ToAccountId { get; set; }
    public long Minutes { get; set; }
    public DateTime At { get; set; }
}

/// <summary>One side of a transfer on one account: negative on the account paying, positive on the account paid.</summary>
public sealed class CreditEntry
{
    public long Id { get; set; }
    public long TransferId { get; set; }
    public int AccountId { get; set; }
    public long Minutes { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A thank-you from one resident to another, usually after a task.</summary>
public sealed class ThanksMessage
{
    public long Id { get; set; }
    public int FromResidentId { get; set; }
    public int ToResidentId { get; set; }

    /// <summary>The Circle task it is about, if any (circle-core's task id; no foreign key so either part can change alone).</summary>
    public long? TaskId { get; set; }

    public required string Message { get; set; }
    public DateTime SentAt { get; set; }
}

internal sealed class CreditAccountConfiguration : IEntityTypeConfiguration<CreditAccount>
{
    public void Configure(EntityTypeBuilder<CreditAccount> builder)
    {
        builder.ToTable("CreditAccounts", table => table.HasCheckConstraint("CK_CreditAccounts_not_below_floor", "\"BalanceMinutes\" >= \"FloorMinutes\""));
        builder.Property(account => account.Id).ValueGeneratedNever();
        // Erasing a person keeps their account anonymous, so the ledger still sums to zero.
        builder.HasOne<Resident>().WithMany().HasForeignKey(account => account.ResidentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(account => account.ResidentId).IsUnique();
        builder.HasData(new CreditAccount
        {
            Id = CreditAccount.CommunityPoolId,
            Kind = CreditAccountKind.CommunityPool,
            BalanceMinutes = 0,
            FloorMinutes = 0,
            OpenedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        });
    }
}

internal sealed class CreditPostingConfiguration : IEntityTypeConfiguration<CreditPosting>
{
    public void Configure(EntityTypeBuilder<CreditPosting> builder)
    {
        builder.ToTable("CreditPostings", table => table.HasCheckConstraint("CK_CreditPostings_positive", "\"Minutes\" > 0 AND \"UncoveredMinutes\" >= 0"));
        builder.Property(posting => posting.IdempotencyKey).HasMaxLength(200);
        builder.HasIndex(posting => posting.IdempotencyKey).IsUnique();
        builder.HasOne<Resident>().WithMany().HasForeignKey(posting => posting.GiverResidentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Resident>().WithMany().HasForeignKey(posting => posting.RecipientResidentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(posting => new { posting.GiverResidentId, posting.At });
        builder.HasIndex(posting => new { posting.RecipientResidentId, posting.At });
    }
}

internal sealed class CreditTransferConfiguration : IEntityTypeConfiguration<CreditTransfer>
{
    public void Configure(EntityTypeBuilder<CreditTransfer> builder)
    {
        builder.ToTable("CreditTransfers", table =>
        {
            table.HasCheckConstraint("CK_CreditTransfers_positive", "\"Minutes\" > 0");
            table.HasCheckConstraint("CK_CreditTransfers_two_accounts", "\"FromAccountId\" <> \"ToAccountId\"");
        });
        builder.HasOne<CreditPosting>().WithMany().HasForeignKey(transfer => transfer.PostingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CreditAccount>().WithMany().HasForeignKey(transfer => transfer.FromAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CreditAccount>().WithMany().HasForeignKey(transfer => transfer.ToAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(transfer => transfer.PostingId);
    }
}

internal sealed class CreditEntryConfiguration : IEntityTypeConfiguration<CreditEntry>
{
    public void Configure(EntityTypeBuilder<CreditEntry> builder)
    {
        builder.ToTable("CreditEntries", table => table.HasCheckConstraint("CK_CreditEntries_nonzero", "\"Minutes\" <> 0"));
        builder.HasOne<CreditTransfer>().WithMany().HasForeignKey(entry => entry.TransferId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CreditAccount>().WithMany().HasForeignKey(entry => entry.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(entry => new { entry.AccountId, entry.At });
        builder.HasIndex(entry => entry.TransferId);
    }
}

internal sealed class ThanksMessageConfiguration : IEntityTypeConfiguration<ThanksMessage>
{
    public void Configure(EntityTypeBuilder<ThanksMessage> builder)
    {
        builder.ToTable("ThanksMessages");
        builder.Property(thanks => thanks.Message).HasMaxLength(1000);
        // A message is personal to both people: it goes when either is erased.
        builder.HasOne<Resident>().WithMany().HasForeignKey(thanks => thanks.FromResidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Resident>().WithMany().HasForeignKey(thanks => thanks.ToResidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(thanks => new { thanks.ToResidentId, thanks.SentAt });
        builder.HasIndex(thanks => thanks.FromResidentId);
    }
}
