using Connective.Web.Demo;

namespace Connective.Web.Features.Open;

/// <summary>The demo council's published data: a year of spending over £500, contracts either side of the threshold, grants.</summary>
internal sealed class OpenDemoSeed : IDemoSeedParticipant
{
    public int Order => 400;

    private static readonly string[] Departments = ["Adult social care", "Children's services", "Highways and transport", "Housing", "Libraries, arts and culture", "Parks and open spaces"];
    private static readonly string[] Suppliers = ["Northgate Facilities Ltd", "Smith & Jones, Builders", "Brightway Care", "City Print Co", "Greenfields Landscaping", "Riverside Transport", "Oakwood IT Services", "Harbour Catering"];
    private static readonly string[] Purposes = ["Repairs and maintenance", "Agency staff", "Care packages", "Printing and stationery", "Grounds maintenance", "Vehicle hire", "Software licences", "Catering"];
    private static readonly string[] Organisations = ["Eastside Food Bank", "Riverside Youth Club", "Friends of Northgate Park", "Hillside Men's Shed", "Borough Carers' Network", "Southfield Community Choir"];
    private static readonly string[] Programmes = ["Community Chest", "Winter Warmth Fund", "Green Spaces Fund"];

    public async Task<int> WriteAsync(DemoSeedContext demo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var db = demo.Db;
        var random = new Random(unchecked((int)demo.Seed) ^ 0x0fe4);
        var today = DateOnly.FromDateTime(demo.Now);
        OpenDataUpload Upload(string dataset, string file, int rows, int daysAgo) =>
            new() { DatasetId = dataset, FileName = file, Rows = rows, UploadedAt = demo.Now.AddDays(-daysAgo), UploadedByRole = "BudgetOfficer" };

        // Spending: one file a month, as councils publish it.
        var written = 0;
        for (var month = 12; month >= 1; month--)
        {
            var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-month);
            var upload = Upload(OpenDatasetIds.Spending, $"spending-{first:yyyy-MM}.csv", 150, (month * 30) - 20);
            db.OpenDataUploads.Add(upload);
            await db.SaveChangesAsync(cancellationToken);
            for (var i = 0; i < 150; i++)
            {
                db.SpendingPayments.Add(new SpendingPayment
                {
                    UploadId = upload.Id,
                    PaidOn = first.AddDays(random.Next(28)),
                    Department = Departments[random.Next(Departments.Length)],
                    Supplier = Suppliers[random.Next(Suppliers.Length)],
                    Purpose = Purposes[random.Next(Purposes.Length)],
                    AmountPence = 500_01 + random.NextInt64(5_000_000),
                });
            }
            written += 151;
        }

        var contracts = Upload(OpenDatasetIds.Contracts, "contracts-register.csv", 24, 40);
        db.OpenDataUploads.Add(contracts);
        await db.SaveChangesAsync(cancellationToken);
        for (var i = 1; i <= 24; i++)
        {
            var awarded = today.AddDays(-random.Next(30, 700));
            var title = Purposes[i % Purposes.Length];
            db.PublicContracts.Add(new PublicContract
            {
                UploadId = contracts.Id,
                Reference = $"CON-{awarded.Year}-{i:000}",
                Title = title,
                Description = $"{title} for the {Departments[i % Departments.Length].ToLowerInvariant()} department.",
                Department = Departments[i % Departments.Length],
                Supplier = Suppliers[random.Next(Suppliers.Length)],
                // A third under the £25,000 register threshold (but over the Transparency Code's £5,000), to show the setting.
                ValuePence = i % 3 == 0 ? 5_000_00 + random.NextInt64(20_000_00) : 25_000_00 + random.NextInt64(2_000_000_00),
                AwardedOn = awarded,
                StartsOn = awarded.AddDays(14),
                EndsOn = awarded.AddDays(14 + (365 * (1 + (i % 3)))),
            });
        }
        written += 25;

        var grants = Upload(OpenDatasetIds.Grants, "community-grants.csv", 18, 60);
        db.OpenDataUploads.Add(grants);
        await db.SaveChangesAsync(cancellationToken);
        for (var i = 1; i <= 18; i++)
        {
            var organisation = Organisations[i % Organisations.Length];
            var programme = Programmes[i % Programmes.Length];
            db.CommunityGrants.Add(new CommunityGrant
            {
                UploadId = grants.Id,
                Reference = $"GR-{i:0000}",
                Title = $"{programme}: {organisation}",
                Description = $"A grant from the {programme} to {organisation} for its work in the borough.",
                RecipientName = organisation,
                RecipientCharityNumber = i % 2 == 0 ? (1_100_000 + (i * 7919)).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                Programme = programme,
                AmountPence = 500_00 + random.NextInt64(1_500_000),
                AwardedOn = today.AddDays(-random.Next(10, 360)),
            });
        }
        written += 19;
        await db.SaveChangesAsync(cancellationToken);
        return written;
    }
}
