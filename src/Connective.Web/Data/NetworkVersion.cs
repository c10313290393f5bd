using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connective.Web.Data;

/// <summary>
/// One row whose number goes up, in the same transaction, whenever a tie, a consent or a resident changes. Every web
/// instance compares it with the version its cached graphs were built from, so a change made through any instance
/// masks every stale snapshot on the next read (a primary-key read, far cheaper than rebuilding).
/// </summary>
public sealed class NetworkVersion
{
    /// <summary>Always <see cref="SingletonId"/>: the table has exactly one row, created by the migrations.</summary>
    public int Id { get; set; }

    public long Version { get; set; }

    public const int SingletonId = 1;
}

internal sealed class NetworkVersionConfiguration : IEntityTypeConfiguration<NetworkVersion>
{
    public void Configure(EntityTypeBuilder<NetworkVersion> builder)
    {
        builder.Property(version => version.Id).ValueGeneratedNever();
        builder.HasData(new NetworkVersion { Id = NetworkVersion.SingletonId, Version = 0 });
    }
}
