using System.Globalization;
using System.Security.Claims;
using Connective.Web.Data;
using Connective.Web.Infrastructure;
using Connective.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Open;

/// <summary>One problem in an uploaded file: the row as a spreadsheet numbers it (the header is row 1) and the column.</summary>
public sealed record UploadError(int Row, string Column, string Message)
{
    public override string ToString() => $"Row {Row}, column {Column}: {Message}";
}

/// <summary>What an upload did: rows written (0 whenever there was any error), and the errors (the first 100, and how many).</summary>
public sealed record UploadResult(int Written, IReadOnlyList<UploadError> Errors, int ErrorCount);

/// <summary>
/// Officers' CSV uploads of spending, contracts and grants. Every row is validated; each error names its row and column;
/// a file with any error writes nothing (the rows are only added once the whole file has been read and found good, in one
/// transaction with the upload's change-history entry).
/// </summary>
public sealed class OpenUploads(AppDbContext db, TimeProvider time, AuditLog audit)
{
    public const int ErrorsShown = 100;

    /// <summary>The datasets officers upload, with the columns each file must have.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [OpenDatasetIds.Spending] = ["date", "department", "supplier", "purpose", "amount"],
        [OpenDatasetIds.Contracts] = ["reference", "title", "description", "department", "supplier", "value", "awarded_on", "starts_on", "ends_on"],
        [OpenDatasetIds.Grants] = ["reference", "title", "description", "recipient_name", "recipient_charity_number", "programme", "amount", "awarded_on"],
    };

    /// <summary>
    /// Checks every row and writes all of them or none; a written upload is audited with the officer who made it (the
    /// published history shows only their role).
    /// </summary>
    public async Task<UploadResult> UploadAsync(string datasetId, Stream csv, string fileName, ClaimsPrincipal officer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(officer);
        var role = OpenPolicies.OfficerRoles.First(officer.IsInRole);
        if (!Columns.TryGetValue(datasetId, out var columns))
        {
            throw new ArgumentException($"'{datasetId}' is not a dataset officers upload.", nameof(datasetId));
        }
        var errors = new Errors();
        var known = datasetId switch
        {
            OpenDatasetIds.Contracts => (await db.PublicContracts.Select(contract => contract.Reference).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal),
            OpenDatasetIds.Grants => (await db.CommunityGrants.Select(grant => grant.Reference).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal),
            _ => [],
        };
        var spending = new List<SpendingPayment>();
        var contracts = new List<PublicContract>();
        var grants = new List<CommunityGrant>();
        var headerChecked = false;
        try
        {
            await foreach (var record in Csv.ReadAsync(csv, cancellationToken))
            {
                if (!headerChecked)
                {
                    headerChecked = true;
                    foreach (var column in columns.Where(column => !record.Header.Contains(column, StringComparer.OrdinalIgnoreCase)))
                    {
                        errors.Add(1, column, "the header has no such column; the file needs: " + string.Join(", ", columns));
                    }
                    if (errors.Count > 0)
                    {
                        break;
                    }
                }
                var row = new RowReader(record, errors);
                switch (datasetId)
                {
                    case OpenDatasetIds.Spending:
                        var amount = row.Pounds("amount");
                        if (amount is <= 500_00)
                        {
                            errors.Add(record.Row, "amount", "must be over £500.00 (smaller payments are not published)");
                        }
                        spending.Add(new SpendingPayment
                        {
                            PaidOn = row.Date("date") ?? default,
                            Department = row.Text("department"),
                            Supplier = row.Text("supplier"),
                            Purpose = row.Text("purpose"),
                            AmountPence = amount ?? 0,
                        });
                        break;
                    case OpenDatasetIds.Contracts:
                        var contract = new PublicContract
                        {
                            Reference = row.Reference(known),
                            Title = row.Text("title"),
                            Description = row.Text("description", OpenLimits.LongText),
                            Department = row.Text("department"),
                            Supplier = row.Text("supplier"),
                            ValuePence = row.Pounds("value") ?? 0,
                            AwardedOn = row.Date("awarded_on") ?? default,
                            StartsOn = row.Date("starts_on") ?? default,
                            EndsOn = row.Date("ends_on") ?? default,
                        };
                        if (contract.EndsOn < contract.StartsOn && contract.StartsOn != default && contract.EndsOn != default)
                        {
                            errors.Add(record.Row, "ends_on", "is before starts_on");
                        }
                        contracts.Add(contract);
                        break;
                    default:
                        grants.Add(new CommunityGrant
                        {
                            Reference = row.Reference(known),
                            Title = row.Text("title"),
                            Description = row.Text("description", OpenLimits.LongText),
                            RecipientName = row.Text("recipient_name"),
                            RecipientCharityNumber = row.CharityNumber("recipient_charity_number"),
                            Programme = row.Text("programme"),
                            AmountPence = row.Pounds("amount") ?? 0,
                            AwardedOn = row.Date("awarded_on") ?? default,
                        });
                        break;
                }
            }
        }
        catch (CsvHelper.CsvFormatException exception)
        {
            errors.Add(checked((int)exception.RecordNumber + 1), "(whole row)", "is not valid CSV (an unclosed quote?)");
        }
        var rows = spending.Count + contracts.Count + grants.Count;
        if (!headerChecked)
        {
            errors.Add(1, "(header)", "the file is empty; it needs a header row: " + string.Join(", ", columns));
        }
        else if (rows == 0 && errors.Count == 0)
        {
            errors.Add(2, "(whole row)", "the file has a header but no rows");
        }
        if (errors.Count > 0)
        {
            return new UploadResult(0, errors.Shown, errors.Count);
        }

        await using var transaction = await CallerOrOwnTransaction.BeginAsync(db, cancellationToken);
        var upload = new OpenDataUpload
        {
            DatasetId = datasetId,
            FileName = Path.GetFileName(fileName),
            Rows = rows,
            UploadedAt = time.GetUtcNow().UtcDateTime,
            UploadedByRole = role,
        };
        db.OpenDataUploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        spending.ForEach(payment => payment.UploadId = upload.Id);
        contracts.ForEach(contract => contract.UploadId = upload.Id);
        grants.ForEach(grant => grant.UploadId = upload.Id);
        db.SpendingPayments.AddRange(spending);
        db.PublicContracts.AddRange(contracts);
        db.CommunityGrants.AddRange(grants);
        var changeTracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = changeTracking;
        }
        await audit.RecordAsync(officer, AuditActions.UploadedOpenData, null, $"{datasetId}: {rows} {(rows == 1 ? "row" : "rows")} from {upload.FileName} (upload {upload.Id})", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new UploadResult(rows, [], 0);
    }

    private sealed class Errors
    {
        private readonly List<UploadError> _shown = [];

        public int Count { get; private set; }

        public IReadOnlyList<UploadError> Shown => _shown;

        public void Add(int row, string column, string message)
        {
            Count++;
            if (_shown.Count < ErrorsShown)
            {
                _shown.Add(new UploadError(row, column, message));
            }
        }
    }

    /// <summary>Reads one record's fields, adding an error (row and column) for each one that is missing or wrong.</summary>
    private readonly struct RowReader(CsvRecordIn record, Errors errors)
    {
        public string Text(string column, int maxLength = OpenLimits.Text)
        {
            var value = (record[column] ?? "").Trim();
            if (value.Length == 0)
            {
                errors.Add(record.Row, column, "is empty");
            }
            else if (value.Length > maxLength)
            {
                errors.Add(record.Row, column, $"is longer than {maxLength} characters");
            }
            return value;
        }

        public string Reference(HashSet<string> known)
        {
            var value = Text("reference", OpenLimits.Reference);
            if (value.Length > 0 && !known.Add(value))
            {
                errors.Add(record.Row, "reference", $"'{value}' is already published or appears twice in this file");
            }
            return value;
        }

        public DateOnly? Date(string column)
        {
            var value = (record[column] ?? "").Trim();
            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
            errors.Add(record.Row, column, value.Length == 0 ? "is empty" : $"'{value}' is not a date written yyyy-mm-dd");
            return null;
        }

        /// <summary>An amount in pounds ("1234.56", "£1,234.56"), as pence; more than two decimals or not above zero is an error.</summary>
        public long? Pounds(string column)
        {
            var value = (record[column] ?? "").Trim();
            var number = value.StartsWith('£') ? value[1..] : value;
            if (decimal.TryParse(number, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pounds) &&
                pounds > 0 && pounds < 100_000_000_000m && decimal.Round(pounds, 2) == pounds)
            {
                return (long)(pounds * 100);
            }
            errors.Add(record.Row, column, value.Length == 0 ? "is empty" : $"'{value}' is not an amount in pounds above zero with at most two decimals");
            return null;
        }

        public string? CharityNumber(string column)
        {
            var value = (record[column] ?? "").Trim();
            if (value.Length == 0)
            {
                return null;
            }
            if (value.Length is < 6 or > 12 || !value.All(char.IsAsciiLetterOrDigit))
            {
                errors.Add(record.Row, column, $"'{value}' is not a charity number (6 to 12 letters and digits), or leave it empty");
            }
            return value;
        }
    }
}
