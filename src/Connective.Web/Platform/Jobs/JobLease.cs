using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connective.Web.Platform.Jobs;

/// <summary>
/// One scheduled job's lease and record: which instance holds it and until when, and how its runs went, so that the
/// job runs on one instance at a time and an admin can see it (last run, next run, failures).
/// </summary>
public sealed class JobLease
{
    public const int MaxNameLength = 100;
    public const int MaxHolderLength = 200;
    public const int MaxErrorLength = 1000;

    public required string Name { get; set; }

    /// <summary>The instance that holds (or last held) the lease: host name, process id and a per-process random part.</summary>
    public string? Holder { get; set; }

    /// <summary>Until when the holder may run the job; after it, another instance may take over (the holder died mid-run).</summary>
    public DateTime? LeasedUntil { get; set; }

    public DateTime? LastStartedAt { get; set; }
    public DateTime? LastSucceededAt { get; set; }
    public DateTime? LastFailedAt { get; set; }
    public string? LastError { get; set; }
    public DateTime? NextRunAt { get; set; }
    public long Runs { get; set; }
    public long Failures { get; set; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.HasKey(lease => lease.Name);
        builder.Property(lease => lease.Name).HasMaxLength(JobLease.MaxNameLength);
        builder.Property(lease => lease.Holder).HasMaxLength(JobLease.MaxHolderLength);
        builder.Property(lease => lease.LastError).HasMaxLength(JobLease.MaxErrorLength);
    }
}
