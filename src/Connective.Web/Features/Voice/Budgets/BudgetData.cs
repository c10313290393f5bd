using System.Text.Json.Serialization;
using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connective.Web.Features.Voice.Budgets;

/// <summary>How a voter fills in the ballot of a process.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BallotFormat>))]
public enum BallotFormat
{
    /// <summary>Tick every project you support.</summary>
    Approval,

    /// <summary>Tick up to <see cref="PbProcess.MaxChoices"/> projects.</summary>
    ApprovalWithMaximum,

    /// <summary>Tick projects whose costs add up to no more than the budget (a knapsack ballot).</summary>
    Knapsack,
}

/// <summary>The counting rule a process declares before voting opens.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CountingRule>))]
public enum CountingRule
{
    /// <summary>The Method of Equal Shares, completed by add1, with cost utilities (the default).</summary>
    EqualSharesAdd1,

    /// <summary>Fund projects in order of votes, skipping any that no longer fit.</summary>
    Greedy,
}

/// <summary>
/// A participatory budgeting process run by a budget officer: a budget (integer pence, whole pounds), an optional ward
/// (only its residents may vote: a ward budget), a ballot format and a counting rule fixed before voting opens, and the
/// dates of its phases. Ideas and review run until voting opens; results are published when voting closes.
/// </summary>
public sealed class PbProcess
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public int? WardId { get; set; }
    public long BudgetPence { get; set; }
    public BallotFormat Format { get; set; }
    public int? MaxChoices { get; set; }
    public CountingRule Rule { get; set; }
    public DateTime IdeasOpenAt { get; set; }
    public DateTime VotingOpensAt { get; set; }
    public DateTime VotingClosesAt { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A project on the ballot of a process, with its cost (integer pence, whole pounds).</summary>
public sealed class PbProject
{
    public int Id { get; set; }
    public int ProcessId { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public long CostPence { get; set; }
}

/// <summary>
/// Who voted in a process, and nothing about what they chose: no time, no ballot id. The unique index on
/// (process, resident) is what makes one counted ballot per voter. Erasure sets the resident to null and keeps the row,
/// so turnout stays right.
/// </summary>
public sealed class PbParticipation
{
    public long Id { get; set; }
    public int ProcessId { get; set; }
    public int? ResidentId { get; set; }
}

/// <summary>
/// What one voter chose, and nothing about who: a random id (so the table's key order, and SQLite's physical order, is
/// random), the day only, and the hash of the receipt that only the voter holds. Contents are shuffled between rows
/// on every write (see <see cref="SecretBallot"/>), so neither row order nor write order points to a voter.
/// </summary>
public sealed class PbBallot
{
    public long Id { get; set; }
    public int ProcessId { get; set; }

    /// <summary>The chosen project ids, ascending, separated by commas.</summary>
    public required string Choices { get; set; }

    /// <summary>SHA-256 of the voter's receipt, in lowercase hex.</summary>
    public required string ReceiptHash { get; set; }

    public DateOnly CastOn { get; set; }
}

internal sealed class PbProcessConfiguration : IEntityTypeConfiguration<PbProcess>
{
    public void Configure(EntityTypeBuilder<PbProcess> builder)
    {
        builder.ToTable("PbProcesses", table =>
        {
            table.HasCheckConstraint("CK_PbProcesses_budget", "\"BudgetPence\" > 0");
            table.HasCheckConstraint("CK_PbProcesses_phases", "\"IdeasOpenAt\" <= \"VotingOpensAt\" AND \"VotingOpensAt\" < \"VotingClosesAt\"");
        });
        builder.Property(process => process.Title).HasMaxLength(200);
        builder.Property(process => process.Summary).HasMaxLength(2000);
        builder.Property(process => process.Format).HasConversion<string>().HasMaxLength(30);
        builder.Property(process => process.Rule).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<Ward>().WithMany().HasForeignKey(process => process.WardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(process => process.VotingClosesAt);
    }
}

internal sealed class PbProjectConfiguration : IEntityTypeConfiguration<PbProject>
{
    public void Configure(EntityTypeBuilder<PbProject> builder)
    {
        builder.ToTable("PbProjects", table => table.HasCheckConstraint("CK_PbProjects_cost", "\"CostPence\" > 0"));
        builder.Property(project => project.Title).HasMaxLength(200);
        builder.Property(project => project.Description).HasMaxLength(2000);
        builder.HasOne<PbProcess>().WithMany().HasForeignKey(project => project.ProcessId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PbParticipationConfiguration : IEntityTypeConfiguration<PbParticipation>
{
    public void Configure(EntityTypeBuilder<PbParticipation> builder)
    {
        builder.ToTable("PbParticipations");
        builder.HasOne<PbProcess>().WithMany().HasForeignKey(participation => participation.ProcessId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resident>().WithMany().HasForeignKey(participation => participation.ResidentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(participation => new { participation.ProcessId, participation.ResidentId }).IsUnique();
        builder.HasIndex(participation => participation.ResidentId);
    }
}

internal sealed class PbBallotConfiguration : IEntityTypeConfiguration<PbBallot>
{
    public void Configure(EntityTypeBuilder<PbBallot> builder)
    {
        builder.ToTable("PbBallots");
        builder.Property(ballot => ballot.Id).ValueGeneratedNever();
        builder.Property(ballot => ballot.Choices).HasMaxLength(4000);
        builder.Property(ballot => ballot.ReceiptHash).HasMaxLength(64);
        builder.HasOne<PbProcess>().WithMany().HasForeignKey(ballot => ballot.ProcessId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(ballot => new { ballot.ProcessId, ballot.ReceiptHash }).IsUnique();
        builder.HasIndex(ballot => new { ballot.ProcessId, ballot.Id });
    }
}
