using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Platform.Jobs;

/// <summary>
/// Database leases for scheduled jobs: every instance may try, one holds the lease at a time, and a lease that is not
/// given back (the instance died mid-run) lapses after its duration so another instance takes over. Taking a lease is
/// one conditional UPDATE, which both SQLite and PostgreSQL apply to one writer at a time; the work a job does must
/// still be safe to repeat after a lapse, as Circle's due work is (every due time is in the database).
/// </summary>
public sealed class JobLeases(AppDbContext db, TimeProvider time)
{
    /// <summary>Takes the job's lease for <paramref name="holder"/> when it is free, lapsed or already theirs; false when another holds it.</summary>
    public async Task<bool> TryTakeAsync(string job, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        // The UPDATE first: the row exists on every tick but the first, so that is one statement per tick, not two.
        if (await TakeAsync(job, holder, duration, cancellationToken))
        {
            return true;
        }
        return await EnsureRowAsync(job, cancellationToken) && await TakeAsync(job, holder, duration, cancellationToken);
    }

    private async Task<bool> TakeAsync(string job, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + duration;
        var taken = await db.JobLeases
            .Where(lease => lease.Name == job && (lease.LeasedUntil == null || lease.LeasedUntil < now || lease.Holder == holder))
            .ExecuteUpdateAsync(set => set
                .SetProperty(lease => lease.Holder, holder)
                .SetProperty(lease => lease.LeasedUntil, until)
                .SetProperty(lease => lease.LastStartedAt, now), cancellationToken);
        return taken == 1;
    }

    /// <summary>Gives the lease back after a run and records how it went and when the job is next due.</summary>
    public async Task GiveBackAsync(string job, string holder, Exception? failure, DateTime? nextRunAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var mine = db.JobLeases.Where(lease => lease.Name == job && lease.Holder == holder);
        if (failure is null)
        {
            await mine.ExecuteUpdateAsync(set => set
                .SetProperty(lease => lease.LeasedUntil, (DateTime?)null)
                .SetProperty(lease => lease.LastSucceededAt, now)
                .SetProperty(lease => lease.NextRunAt, nextRunAt)
                .SetProperty(lease => lease.Runs, lease => lease.Runs + 1), cancellationToken);
            return;
        }
        var error = $"{failure.GetType().Name}: {failure.Message}";
        error = error.Length <= JobLease.MaxErrorLength ? error : error[..JobLease.MaxErrorLength];
        await mine.ExecuteUpdateAsync(set => set
            .SetProperty(lease => lease.LeasedUntil, (DateTime?)null)
            .SetProperty(lease => lease.LastFailedAt, now)
            .SetProperty(lease => lease.LastError, error)
            .SetProperty(lease => lease.NextRunAt, nextRunAt)
            .SetProperty(lease => lease.Runs, lease => lease.Runs + 1)
            .SetProperty(lease => lease.Failures, lease => lease.Failures + 1), cancellationToken);
    }

    /// <summary>Every job's record, for the admin page and the readiness check.</summary>
    public async Task<IReadOnlyList<JobLease>> AllAsync(CancellationToken cancellationToken) =>
        await db.JobLeases.AsNoTracking().OrderBy(lease => lease.Name).ToListAsync(cancellationToken);

    /// <summary>Makes the job's row when it has none; true when this call made it (or lost the race to make it), false when it was there.</summary>
    private async Task<bool> EnsureRowAsync(string job, CancellationToken cancellationToken)
    {
        if (await db.JobLeases.AnyAsync(lease => lease.Name == job, cancellationToken))
        {
            return false; // the row was there and the UPDATE found it held
        }
        var row = db.JobLeases.Add(new JobLease { Name = job });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsDuplicateOf<JobLease>(db, nameof(JobLease.Name)))
        {
            // Another instance made the row first: the race for the lease itself is the UPDATE.
        }
        finally
        {
            row.State = EntityState.Detached;
        }
        return true;
    }
}

/// <summary>This app instance's name as a lease holder: unique per instance, readable by an operator (host:process:random).</summary>
public sealed class ThisInstance
{
    public string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}
