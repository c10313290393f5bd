using System.Diagnostics;
using Connective.Web.Data;
using Connective.Web.Platform.ConsentPath;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Demo;

/// <summary>The outcome of a request to seed: whether it happened, and a sentence for the log or the terminal.</summary>
internal sealed record SeedResult(bool Seeded, bool AlreadySeededDemo, string Message);

/// <summary>
/// Applies migrations and writes the demo borough. It seeds only a database marked as a demo database (or a brand new,
/// empty one, which it marks), and only once; a database created by `migrate` for real use is never seeded.
/// </summary>
internal sealed class DemoSeeder(AppDbContext db, TimeProvider time, IEnumerable<IDemoSeedParticipant> areas, ILogger<DemoSeeder> logger)
{
    /// <summary>Applies pending migrations. With <paramref name="markAsRealIfNew"/>, a new database is recorded as not a demo.</summary>
    public async Task MigrateAsync(bool markAsRealIfNew, CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (markAsRealIfNew && !await db.DatabaseInfo.AnyAsync(cancellationToken) && !await db.Residents.AnyAsync(cancellationToken))
        {
            db.DatabaseInfo.Add(new DatabaseInfo { IsDemo = false, CreatedAt = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Recorded this new database as a real (not demo) database: demo data will never be seeded into it.");
        }
    }

    public async Task<SeedResult> SeedAsync(int residents, ulong seed, CancellationToken cancellationToken, bool quietIfSeeded = false)
    {
        var info = await db.DatabaseInfo.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (info is null && (await db.Residents.AnyAsync(cancellationToken) || await db.Wards.AnyAsync(cancellationToken)))
        {
            return new SeedResult(false, false,
                "Refusing to seed: the database already holds data and is not marked as a demo database. Demo data is only written to a new database or a demo one.");
        }
        if (info is { IsDemo: false })
        {
            return new SeedResult(false, false,
                "Refusing to seed: this database is not a demo database (it was prepared with `migrate` for real use). " +
                "Point ConnectionStrings:Connective at a new database to run the demo.");
        }
        if (info is { SeededAt: not null })
        {
            return new SeedResult(false, true,
                quietIfSeeded ? "The demo borough is already seeded."
                : $"Refusing to seed: this demo database was already seeded with {info.DemoResidents:N0} residents (seed {info.DemoSeed}) at {info.SeededAt:u}. " +
                  "Delete it (for SQLite, the database file) or use a new database to seed again.");
        }

        var clock = Stopwatch.StartNew();
        var now = TruncateToMicroseconds(time.GetUtcNow().UtcDateTime);
        var borough = DemoBorough.Generate(residents, seed, now);
        var generated = clock.Elapsed;

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (!db.Database.IsNpgsql())
            {
                // A large page cache keeps the indexes in memory during the one big transaction instead of spilling to disk.
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;", cancellationToken);
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var rows = 0;
            rows += await BulkInsert.WriteAsync(db, borough.Wards(), cancellationToken);
            rows += await BulkInsert.WriteAsync(db, borough.Households(), cancellationToken);
            var people = borough.Residents().ToList();
            rows += await BulkInsert.WriteAsync(db, people, cancellationToken);
            rows += await BulkInsert.WriteAsync(db, borough.Ties(), cancellationToken);
            rows += await BulkInsert.WriteAsync(db, borough.Consents(people), cancellationToken);
            // Any network graph cached before seeding is stale now (the consent query path checks this version).
            await ConsentedNetwork.RecordChangeAsync(db, cancellationToken);
            rows += await BulkInsert.WriteAsync(db, DemoBorough.Services(borough.Graph.WardCount), cancellationToken);
            var (circles, members) = borough.Circles();
            rows += await BulkInsert.WriteAsync(db, circles, cancellationToken);
            rows += await BulkInsert.WriteAsync(db, members, cancellationToken);
            var demo = new DemoSeedContext(db, borough, people, circles, members, seed, now);
            foreach (var area in areas.OrderBy(area => area.Order))
            {
                rows += await area.WriteAsync(demo, cancellationToken);
            }

            await BulkInsert.ResetIdentityAsync<Ward>(db, cancellationToken);
            await BulkInsert.ResetIdentityAsync<Household>(db, cancellationToken);
            await BulkInsert.ResetIdentityAsync<Resident>(db, cancellationToken);
            await BulkInsert.ResetIdentityAsync<Tie>(db, cancellationToken);
            await BulkInsert.ResetIdentityAsync<Consent>(db, cancellationToken);
            await BulkInsert.ResetIdentityAsync<Service>(db, cancellationToken);
            await BulkInsert.ResetIdentityAsync<Circle>(db, cancellationToken);

            var record = await db.DatabaseInfo.SingleOrDefaultAsync(cancellationToken);
            if (record is null)
            {
                record = new DatabaseInfo { IsDemo = true, CreatedAt = now };
                db.DatabaseInfo.Add(record);
            }
            record.DemoSeed = unchecked((long)seed);
            record.DemoResidents = residents;
            record.SeededAt = now;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            return new SeedResult(true, false,
                $"Seeded the demo borough: {residents:N0} residents, {borough.Graph.HouseholdCount:N0} households, {borough.Graph.WardCount} wards, " +
                $"{borough.Graph.TieCount:N0} ties ({rows:N0} rows) with seed {seed} in {clock.Elapsed.TotalSeconds:F1} s " +
                $"(generation {generated.TotalSeconds:F1} s, on {(db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite")}).");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>PostgreSQL keeps microseconds; dropping the last tick digit makes both providers store the same instant.</summary>
    private static DateTime TruncateToMicroseconds(DateTime value) =>
        new(value.Ticks - value.Ticks % 10, DateTimeKind.Utc);
}
