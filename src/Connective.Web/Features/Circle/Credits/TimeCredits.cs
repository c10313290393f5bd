using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Connective.Web.Features.Circle.Credits;

/// <summary>What a posting did: how many minutes each source paid, and whether it was a retry of an earlier call.</summary>
public sealed record CreditPostingResult(
    long PostingId, CreditPostingKind Kind, long Minutes, long FromRecipientMinutes, long FromPoolMinutes, long UncoveredMinutes, bool Replayed)
{
    public decimal Hours => Minutes / 60m;
}

/// <summary>A donation the giver's balance could not cover; nothing moved.</summary>
public sealed class InsufficientCreditException(string message) : Exception(message);

/// <summary>
/// The double-entry time-credit ledger. Every movement is a <see cref="CreditTransfer"/> with two
/// <see cref="CreditEntry"/> rows that sum to zero; a posting groups the transfers of one event under the caller's
/// idempotency key. Writes lock the accounts involved in id order, then read, decide and write, so concurrent
/// transfers neither overdraw (a CHECK constraint backs this up) nor deadlock, on SQLite (one writer) and PostgreSQL
/// (row locks at READ COMMITTED) alike. Scoped: it works in the request's context and takes the time from the app's
/// <see cref="TimeProvider"/> (a fake clock in tests).
/// </summary>
public sealed class TimeCredits(AppDbContext db, TimeProvider time)
{
    /// <summary>How far a resident may receive help on credit before the pool covers them.</summary>
    public const long ResidentLimitMinutes = 10 * 60;

    /// <summary>The longest a single posting may record.</summary>
    public const decimal MaxHoursPerPosting = 24m;

    /// <summary>
    /// Records the hours a helper gave a recipient. The recipient pays what they can down to their limit; the community
    /// pool pays the rest while it has donated hours; help is never refused, so anything still uncovered is recorded
    /// as such (and the helper credited with what was covered). Calling again with the same key returns the first
    /// result and moves nothing. Saves the context's pending changes too.
    /// </summary>
    public async Task<CreditPostingResult> RecordTaskAsync(
        string idempotencyKey, int helperResidentId, int recipientResidentId, decimal hours, CancellationToken ct)
    {
        CheckKey(idempotencyKey);
        if (helperResidentId == recipientResidentId)
        {
            throw new ArgumentException($"A helper cannot record hours given to themselves (resident {helperResidentId}).", nameof(recipientResidentId));
        }
        var minutes = ToMinutes(hours);
        if (await ExistingAsync(db, idempotencyKey, ct) is { } earlier)
        {
            return Same(earlier, CreditPostingKind.Task, helperResidentId, recipientResidentId, minutes);
        }
        var now = StoredInstant(time);
        await EnsureAccountAsync(db, helperResidentId, now, ct);
        await EnsureAccountAsync(db, recipientResidentId, now, ct);

        return await InTransactionAsync(db, idempotencyKey, async () =>
        {
            await LockInOrderAsync(db, [helperResidentId, recipientResidentId, CreditAccount.CommunityPoolId], ct);
            // A retry that raced the first attempt waited on the locks above: now it sees the first answer and replays it.
            if (await ExistingAsync(db, idempotencyKey, ct) is { } first)
            {
                return Same(first, CreditPostingKind.Task, helperResidentId, recipientResidentId, minutes);
            }
            var recipientRoom = await RoomAsync(db, recipientResidentId, ct);
            var poolRoom = await RoomAsync(db, CreditAccount.CommunityPoolId, ct);
            var fromRecipient = Math.Min(minutes, recipientRoom);
            var fromPool = Math.Min(minutes - fromRecipient, poolRoom);
            var posting = new CreditPosting
            {
                IdempotencyKey = idempotencyKey,
                Kind = CreditPostingKind.Task,
                GiverResidentId = helperResidentId,
                RecipientResidentId = recipientResidentId,
                Minutes = minutes,
                UncoveredMinutes = minutes - fromRecipient - fromPool,
                At = now,
            };
            db.Add(posting);
            await db.SaveChangesAsync(ct);
            await MoveAsync(db, posting, CreditTransferKind.FromRecipient, recipientResidentId, helperResidentId, fromRecipient, ct);
            await MoveAsync(db, posting, CreditTransferKind.FromPool, CreditAccount.CommunityPoolId, helperResidentId, fromPool, ct);
            return new CreditPostingResult(posting.Id, posting.Kind, minutes, fromRecipient, fromPool, posting.UncoveredMinutes, Replayed: false);
        }, ct);
    }

    /// <summary>
    /// Gives some of a resident's earned hours to the community pool. Only hours actually held can be given (never
    /// hours on credit); a donation the balance cannot cover throws <see cref="InsufficientCreditException"/>.
    /// </summary>
    public async Task<CreditPostingResult> DonateToPoolAsync(string idempotencyKey, int residentId, decimal hours, CancellationToken ct)
    {
        CheckKey(idempotencyKey);
        var minutes = ToMinutes(hours);
        if (await ExistingAsync(db, idempotencyKey, ct) is { } earlier)
        {
            return Same(earlier, CreditPostingKind.Donation, residentId, null, minutes);
        }
        var now = StoredInstant(time);
        await EnsureAccountAsync(db, residentId, now, ct);

        return await InTransactionAsync(db, idempotencyKey, async () =>
        {
            await LockInOrderAsync(db, [residentId, CreditAccount.CommunityPoolId], ct);
            // A retry that raced the first attempt waited on the locks above: it replays the first answer rather than
            // finding the balance already spent by it.
            if (await ExistingAsync(db, idempotencyKey, ct) is { } first)
            {
                return Same(first, CreditPostingKind.Donation, residentId, null, minutes);
            }
            var held = await db.Set<CreditAccount>().AsNoTracking().Where(account => account.Id == residentId)
                .Select(account => account.BalanceMinutes).SingleAsync(ct);
            if (held < minutes)
            {
                throw new InsufficientCreditException(
                    $"You can give only hours you have earned: your balance is {Format(held)}, and you tried to give {Format(minutes)}.");
            }
            var posting = new CreditPosting
            {
                IdempotencyKey = idempotencyKey,
                Kind = CreditPostingKind.Donation,
                GiverResidentId = residentId,
                Minutes = minutes,
                At = now,
            };
            db.Add(posting);
            await db.SaveChangesAsync(ct);
            await MoveAsync(db, posting, CreditTransferKind.Donation, residentId, CreditAccount.CommunityPoolId, minutes, ct, floorOverride: 0);
            return new CreditPostingResult(posting.Id, posting.Kind, minutes, minutes, 0, 0, Replayed: false);
        }, ct);
    }

    /// <summary>Hours as whole minutes, rounded to the nearest minute; at least one minute, at most a day.</summary>
    public static long ToMinutes(decimal hours)
    {
        if (hours <= 0 || hours > MaxHoursPerPosting)
        {
            throw new ArgumentOutOfRangeException(nameof(hours), hours, $"Hours must be more than 0 and at most {MaxHoursPerPosting}.");
        }
        return Math.Max(1, (long)Math.Round(hours * 60m, MidpointRounding.AwayFromZero));
    }

    /// <summary>Minutes in words, e.g. "2 hours 30 minutes", "-1 hour".</summary>
    public static string Format(long minutes)
    {
        var sign = minutes < 0 ? "-" : "";
        var magnitude = Math.Abs(minutes);
        var (h, m) = (magnitude / 60, magnitude % 60);
        var hoursText = h == 1 ? "1 hour" : $"{h} hours";
        var minutesText = m == 1 ? "1 minute" : $"{m} minutes";
        return m == 0 ? sign + hoursText
            : h == 0 ? sign + minutesText
            : $"{sign}{hoursText} {minutesText}";
    }

    private static void CheckKey(string idempotencyKey)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 200)
        {
            throw new ArgumentException("The idempotency key must be 1 to 200 characters.", nameof(idempotencyKey));
        }
    }

    private static Task<CreditPosting?> ExistingAsync(AppDbContext db, string idempotencyKey, CancellationToken ct) =>
        db.Set<CreditPosting>().AsNoTracking().SingleOrDefaultAsync(posting => posting.IdempotencyKey == idempotencyKey, ct);

    /// <summary>A retry must describe the same event; a key reused for a different one is a caller's bug, said plainly.</summary>
    private static CreditPostingResult Same(CreditPosting earlier, CreditPostingKind kind, int giver, int? recipient, long minutes)
    {
        if (earlier.Kind != kind || earlier.GiverResidentId != giver || earlier.RecipientResidentId != recipient || earlier.Minutes != minutes)
        {
            throw new InvalidOperationException(
                $"The idempotency key '{earlier.IdempotencyKey}' was already used for a different posting ({earlier.Kind}, {Format(earlier.Minutes)}).");
        }
        return new CreditPostingResult(earlier.Id, earlier.Kind, earlier.Minutes, -1, -1, earlier.UncoveredMinutes, Replayed: true);
    }

    /// <summary>Opens a resident's account on first use; a concurrent opener winning the race is fine.</summary>
    private static async Task EnsureAccountAsync(AppDbContext db, int residentId, DateTime now, CancellationToken ct)
    {
        if (await db.Set<CreditAccount>().AnyAsync(account => account.Id == residentId, ct))
        {
            return;
        }
        if (!await db.Residents.AnyAsync(resident => resident.Id == residentId, ct))
        {
            throw new ArgumentException($"There is no resident with the id {residentId}.", nameof(residentId));
        }
        var account = new CreditAccount
        {
            Id = residentId,
            ResidentId = residentId,
            Kind = CreditAccountKind.Resident,
            FloorMinutes = -ResidentLimitMinutes,
            OpenedAt = now,
        };
        db.Add(account);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request may have opened it between our check and our insert; anything else is a real failure.
            db.Entry(account).State = EntityState.Detached;
            if (!await db.Set<CreditAccount>().AsNoTracking().AnyAsync(existing => existing.Id == residentId, ct))
            {
                throw;
            }
        }
        finally
        {
            db.Entry(account).State = EntityState.Detached;
        }
    }

    /// <summary>
    /// Takes a write lock on each account in ascending id order before reading any balance: on PostgreSQL a row lock
    /// (so two transfers touching the same accounts queue instead of deadlocking), on SQLite the database write lock.
    /// </summary>
    private static async Task LockInOrderAsync(AppDbContext db, int[] accountIds, CancellationToken ct)
    {
        foreach (var id in accountIds.Distinct().Order())
        {
            await db.Set<CreditAccount>().Where(account => account.Id == id)
                .ExecuteUpdateAsync(set => set.SetProperty(account => account.BalanceMinutes, account => account.BalanceMinutes), ct);
        }
    }

    /// <summary>How many minutes the account can still pay, with its row locked.</summary>
    private static async Task<long> RoomAsync(AppDbContext db, int accountId, CancellationToken ct)
    {
        var account = await db.Set<CreditAccount>().AsNoTracking().Where(account => account.Id == accountId)
            .Select(account => new { account.BalanceMinutes, account.FloorMinutes }).SingleAsync(ct);
        return Math.Max(0, account.BalanceMinutes - account.FloorMinutes);
    }

    /// <summary>One transfer: the paying balance falls only if it stays at or above its floor, then two entries that sum to zero.</summary>
    private static async Task MoveAsync(AppDbContext db, CreditPosting posting, CreditTransferKind kind, int from, int to, long minutes,
        CancellationToken ct, long? floorOverride = null)
    {
        if (minutes <= 0)
        {
            return;
        }
        var paid = floorOverride is { } floor
            ? await db.Set<CreditAccount>().Where(account => account.Id == from && account.BalanceMinutes - minutes >= floor)
                .ExecuteUpdateAsync(set => set.SetProperty(account => account.BalanceMinutes, account => account.BalanceMinutes - minutes), ct)
            : await db.Set<CreditAccount>().Where(account => account.Id == from && account.BalanceMinutes - minutes >= account.FloorMinutes)
                .ExecuteUpdateAsync(set => set.SetProperty(account => account.BalanceMinutes, account => account.BalanceMinutes - minutes), ct);
        if (paid != 1)
        {
            throw new InsufficientCreditException($"Account {from} cannot pay {Format(minutes)}.");
        }
        await db.Set<CreditAccount>().Where(account => account.Id == to)
            .ExecuteUpdateAsync(set => set.SetProperty(account => account.BalanceMinutes, account => account.BalanceMinutes + minutes), ct);
        var transfer = new CreditTransfer { PostingId = posting.Id, Kind = kind, FromAccountId = from, ToAccountId = to, Minutes = minutes, At = posting.At };
        db.Add(transfer);
        await db.SaveChangesAsync(ct);
        db.AddRange(
            new CreditEntry { TransferId = transfer.Id, AccountId = from, Minutes = -minutes, At = posting.At },
            new CreditEntry { TransferId = transfer.Id, AccountId = to, Minutes = minutes, At = posting.At });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Runs the writes in a transaction (or a savepoint of the caller's). When the idempotency key's unique index
    /// rejects the posting because a concurrent call with the same key committed first, returns that call's posting.
    /// </summary>
    private static async Task<CreditPostingResult> InTransactionAsync(
        AppDbContext db, string idempotencyKey, Func<Task<CreditPostingResult>> work, CancellationToken ct)
    {
        var outer = db.Database.CurrentTransaction;
        IDbContextTransaction? own = null;
        const string Savepoint = "time_credits";
        if (outer is null)
        {
            own = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, ct);
        }
        else
        {
            await outer.CreateSavepointAsync(Savepoint, ct);
        }
        try
        {
            var result = await work();
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
            else
            {
                await outer!.ReleaseSavepointAsync(Savepoint, ct);
            }
            return result;
        }
        catch (Exception exception) when (exception is DbUpdateException or InsufficientCreditException)
        {
            if (own is not null)
            {
                await own.RollbackAsync(ct);
            }
            else
            {
                await outer!.RollbackToSavepointAsync(Savepoint, ct);
            }
            DetachLedgerRows(db);
            if (exception is DbUpdateException && await ExistingAsync(db, idempotencyKey, ct) is { } winner)
            {
                return new CreditPostingResult(winner.Id, winner.Kind, winner.Minutes, -1, -1, winner.UncoveredMinutes, Replayed: true);
            }
            throw;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private static void DetachLedgerRows(AppDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(entry => entry.Entity is CreditPosting or CreditTransfer or CreditEntry).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>The clock's time as stored: PostgreSQL keeps microseconds, so the last tick digit is dropped for both providers to store the same instant.</summary>
    internal static DateTime StoredInstant(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }
}
