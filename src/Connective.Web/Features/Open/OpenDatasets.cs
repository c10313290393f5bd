using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using Connective.Web.Data;
using Connective.Web.Platform.OpenData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Connective.Web.Features.Open;

public static class OpenDatasetIds
{
    public const string Spending = "spending-over-500";
    public const string Contracts = "contracts";
    public const string Grants = "grants";
}

/// <summary>The portal's settings: the publisher, and the contracts register's threshold.</summary>
public sealed class OpenOptions
{
    public const string Section = "Open";

    /// <summary>Contracts at or above this value (pence) are in the register: £25,000 by default; the Transparency Code asks for £5,000.</summary>
    [Range(1, long.MaxValue)]
    public long ContractThresholdPence { get; set; } = 25_000_00;

    [Required, StringLength(200, MinimumLength = 1)]
    public string Publisher { get; set; } = "Connective Demo Borough Council";

    /// <summary>The council's organisation identifier (org-id.guide), used in OCDS parties and as 360Giving's funder.</summary>
    [Required, StringLength(64, MinimumLength = 3)]
    public string PublisherOrgId { get; set; } = "GB-LAE-DEMO";

    /// <summary>The OCDS prefix registered for the council (ocds-xxxxxx); contracts' ocids start with it.</summary>
    [Required, RegularExpression("^ocds-[a-z0-9]{6}$")]
    public string OcidPrefix { get; set; } = "ocds-demo01";

    /// <summary>The 360Giving identifier prefix registered for the council (360G-…); grant ids start with it.</summary>
    [Required, RegularExpression("^360G-[A-Za-z0-9-]+$")]
    public string GrantIdPrefix { get; set; } = "360G-demoborough";
}

/// <summary>Spending over £500, newest payment first, as the Transparency Code asks.</summary>
internal sealed class SpendingDataset : IOpenDataset
{
    public OpenDatasetInfo Info { get; } = new(OpenDatasetIds.Spending, "Spending over £500",
        "Every payment over £500 the council made: date, department, supplier, purpose and amount (Local Government Transparency Code 2015).",
        "spending",
        [
            new("date", "Date", OpenColumnKind.Date, "The day the payment was made."),
            new("department", "Department", OpenColumnKind.Text, "The council department that spent the money."),
            new("supplier", "Supplier", OpenColumnKind.Text, "Who was paid."),
            new("purpose", "Purpose", OpenColumnKind.Text, "What the payment was for (the expense type)."),
            new("amount", "Amount (£)", OpenColumnKind.Money, "The amount paid in pounds, excluding recoverable VAT."),
        ]);

    public Task<IReadOnlyList<OpenDatasetChange>> HistoryAsync(AppDbContext db, CancellationToken cancellationToken) =>
        OpenHistory.OfAsync(db, Info.Id, cancellationToken);

    public async IAsyncEnumerable<object?[]> RowsAsync(AppDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = db.SpendingPayments.AsNoTracking().OrderByDescending(payment => payment.PaidOn).ThenBy(payment => payment.Id)
            .Select(payment => new { payment.PaidOn, payment.Department, payment.Supplier, payment.Purpose, payment.AmountPence });
        await foreach (var payment in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return [payment.PaidOn, payment.Department, payment.Supplier, payment.Purpose, payment.AmountPence];
        }
    }
}

/// <summary>The contracts register: every contract at or above the threshold (also published as OCDS).</summary>
internal sealed class ContractsDataset(IOptions<OpenOptions> options) : IOpenDataset
{
    public OpenDatasetInfo Info { get; } = new(OpenDatasetIds.Contracts, "Contracts register",
        $"Every contract the council let with a value of £{options.Value.ContractThresholdPence / 100m:N0} or more. Also published as an OCDS 1.1 release package.",
        "contracts",
        [
            new("reference", "Reference", OpenColumnKind.Text, "The council's reference for the contract; stable, never reused."),
            new("title", "Title", OpenColumnKind.Text, "What the contract is for."),
            new("description", "Description", OpenColumnKind.Text, "A fuller description of the goods, works or services."),
            new("department", "Department", OpenColumnKind.Text, "The council department that let the contract."),
            new("supplier", "Supplier", OpenColumnKind.Text, "Who the contract was awarded to."),
            new("value", "Value (£)", OpenColumnKind.Money, "The value of the contract in pounds over its whole period."),
            new("awarded_on", "Awarded on", OpenColumnKind.Date, "The day the contract was awarded."),
            new("starts_on", "Starts on", OpenColumnKind.Date, "The first day of the contract."),
            new("ends_on", "Ends on", OpenColumnKind.Date, "The last day of the contract."),
        ]);

    public Task<IReadOnlyList<OpenDatasetChange>> HistoryAsync(AppDbContext db, CancellationToken cancellationToken) =>
        OpenHistory.OfAsync(db, Info.Id, cancellationToken);

    public async IAsyncEnumerable<object?[]> RowsAsync(AppDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var threshold = options.Value.ContractThresholdPence;
        await foreach (var contract in db.PublicContracts.AsNoTracking().Where(contract => contract.ValuePence >= threshold)
            .OrderByDescending(contract => contract.AwardedOn).ThenBy(contract => contract.Reference).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return [contract.Reference, contract.Title, contract.Description, contract.Department, contract.Supplier, contract.ValuePence,
                contract.AwardedOn, contract.StartsOn, contract.EndsOn];
        }
    }
}

/// <summary>Grants to community organisations (also published as 360Giving).</summary>
internal sealed class GrantsDataset : IOpenDataset
{
    public OpenDatasetInfo Info { get; } = new(OpenDatasetIds.Grants, "Grants to community organisations",
        "Every grant the council awarded to a community organisation. Also published in the 360Giving Data Standard.",
        "grants",
        [
            new("reference", "Reference", OpenColumnKind.Text, "The council's reference for the grant; stable, never reused."),
            new("title", "Title", OpenColumnKind.Text, "What the grant is for."),
            new("description", "Description", OpenColumnKind.Text, "A fuller description of the funded work."),
            new("recipient_name", "Recipient", OpenColumnKind.Text, "The organisation that received the grant."),
            new("recipient_charity_number", "Recipient's charity number", OpenColumnKind.Text, "Its number in the Charity Commission's register, where it has one.", Required: false),
            new("programme", "Programme", OpenColumnKind.Text, "The grant programme."),
            new("amount", "Amount (£)", OpenColumnKind.Money, "The amount awarded in pounds."),
            new("awarded_on", "Awarded on", OpenColumnKind.Date, "The day the grant was awarded."),
        ]);

    public Task<IReadOnlyList<OpenDatasetChange>> HistoryAsync(AppDbContext db, CancellationToken cancellationToken) =>
        OpenHistory.OfAsync(db, Info.Id, cancellationToken);

    public async IAsyncEnumerable<object?[]> RowsAsync(AppDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await foreach (var grant in db.CommunityGrants.AsNoTracking().OrderByDescending(grant => grant.AwardedOn).ThenBy(grant => grant.Reference)
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return [grant.Reference, grant.Title, grant.Description, grant.RecipientName, grant.RecipientCharityNumber, grant.Programme,
                grant.AmountPence, grant.AwardedOn];
        }
    }
}

internal static class OpenHistory
{
    /// <summary>A dataset's accepted uploads, newest first.</summary>
    public static async Task<IReadOnlyList<OpenDatasetChange>> OfAsync(AppDbContext db, string datasetId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var uploads = await db.OpenDataUploads.AsNoTracking().Where(upload => upload.DatasetId == datasetId)
            .OrderByDescending(upload => upload.UploadedAt).ThenByDescending(upload => upload.Id)
            .Select(upload => new { upload.UploadedAt, upload.Rows, upload.FileName }).ToListAsync(cancellationToken);
        return [.. uploads.Select(upload => new OpenDatasetChange(upload.UploadedAt, $"Added {upload.Rows:N0} rows from {upload.FileName}"))];
    }
}
