using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connective.Web.Features.Open;

/// <summary>
/// One accepted upload of a council dataset: the change history of the portal. Who uploaded is kept as the role only:
/// the data are the council's, and the audit log holds the account for staff who need to know.
/// </summary>
public sealed class OpenDataUpload
{
    public long Id { get; set; }
    public required string DatasetId { get; set; }
    public required string FileName { get; set; }
    public int Rows { get; set; }
    public DateTime UploadedAt { get; set; }
    public required string UploadedByRole { get; set; }
}

/// <summary>A payment over £500 (Local Government Transparency Code): amounts in integer pence.</summary>
public sealed class SpendingPayment
{
    public long Id { get; set; }
    public long UploadId { get; set; }
    public DateOnly PaidOn { get; set; }
    public required string Department { get; set; }
    public required string Supplier { get; set; }
    public required string Purpose { get; set; }
    public long AmountPence { get; set; }
}

/// <summary>A contract the council let; the register publishes those at or above the configured threshold.</summary>
public sealed class PublicContract
{
    public long Id { get; set; }
    public long UploadId { get; set; }
    public required string Reference { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public required string Department { get; set; }
    public required string Supplier { get; set; }
    public long ValuePence { get; set; }
    public DateOnly AwardedOn { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
}

/// <summary>A grant to a community organisation, published as 360Giving.</summary>
public sealed class CommunityGrant
{
    public long Id { get; set; }
    public long UploadId { get; set; }
    public required string Reference { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public required string RecipientName { get; set; }
    public string? RecipientCharityNumber { get; set; }
    public required string Programme { get; set; }
    public long AmountPence { get; set; }
    public DateOnly AwardedOn { get; set; }
}

internal sealed class OpenDataUploadConfiguration : IEntityTypeConfiguration<OpenDataUpload>
{
    public void Configure(EntityTypeBuilder<OpenDataUpload> builder)
    {
        builder.Property(upload => upload.DatasetId).HasMaxLength(64);
        builder.Property(upload => upload.FileName).HasMaxLength(260);
        builder.Property(upload => upload.UploadedByRole).HasMaxLength(64);
        builder.HasIndex(upload => new { upload.DatasetId, upload.UploadedAt });
    }
}

internal sealed class SpendingPaymentConfiguration : IEntityTypeConfiguration<SpendingPayment>
{
    public void Configure(EntityTypeBuilder<SpendingPayment> builder)
    {
        builder.Property(payment => payment.Department).HasMaxLength(OpenLimits.Text);
        builder.Property(payment => payment.Supplier).HasMaxLength(OpenLimits.Text);
        builder.Property(payment => payment.Purpose).HasMaxLength(OpenLimits.Text);
        builder.HasOne<OpenDataUpload>().WithMany().HasForeignKey(payment => payment.UploadId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PublicContractConfiguration : IEntityTypeConfiguration<PublicContract>
{
    public void Configure(EntityTypeBuilder<PublicContract> builder)
    {
        builder.Property(contract => contract.Reference).HasMaxLength(OpenLimits.Reference);
        builder.HasIndex(contract => contract.Reference).IsUnique();
        builder.Property(contract => contract.Title).HasMaxLength(OpenLimits.Text);
        builder.Property(contract => contract.Description).HasMaxLength(OpenLimits.LongText);
        builder.Property(contract => contract.Department).HasMaxLength(OpenLimits.Text);
        builder.Property(contract => contract.Supplier).HasMaxLength(OpenLimits.Text);
        builder.HasOne<OpenDataUpload>().WithMany().HasForeignKey(contract => contract.UploadId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommunityGrantConfiguration : IEntityTypeConfiguration<CommunityGrant>
{
    public void Configure(EntityTypeBuilder<CommunityGrant> builder)
    {
        builder.Property(grant => grant.Reference).HasMaxLength(OpenLimits.Reference);
        builder.HasIndex(grant => grant.Reference).IsUnique();
        builder.Property(grant => grant.Title).HasMaxLength(OpenLimits.Text);
        builder.Property(grant => grant.Description).HasMaxLength(OpenLimits.LongText);
        builder.Property(grant => grant.RecipientName).HasMaxLength(OpenLimits.Text);
        builder.Property(grant => grant.RecipientCharityNumber).HasMaxLength(16);
        builder.Property(grant => grant.Programme).HasMaxLength(OpenLimits.Text);
        builder.HasOne<OpenDataUpload>().WithMany().HasForeignKey(grant => grant.UploadId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal static class OpenLimits
{
    public const int Reference = 64;
    public const int Text = 200;
    public const int LongText = 2000;
}
