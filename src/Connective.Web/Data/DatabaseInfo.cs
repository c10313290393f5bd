using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connective.Web.Data;

/// <summary>
/// The database's single row about itself: whether it holds the demo borough (the only kind the app will ever seed,
/// or offer demo accounts on) and, once seeded, with which seed and size.
/// </summary>
public sealed class DatabaseInfo
{
    /// <summary>The one row's id.</summary>
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
    public long? DemoSeed { get; set; }
    public int? DemoResidents { get; set; }
    public DateTime? SeededAt { get; set; }
}

internal sealed class DatabaseInfoConfiguration : IEntityTypeConfiguration<DatabaseInfo>
{
    public void Configure(EntityTypeBuilder<DatabaseInfo> builder)
    {
        builder.ToTable("DatabaseInfo", table => table.HasCheckConstraint("CK_DatabaseInfo_single_row", "\"Id\" = 1"));
        builder.Property(info => info.Id).ValueGeneratedNever();
    }
}
