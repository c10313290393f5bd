using Connective.Web.Data;
using Connective.Web.Features.Circle.Credits;
using Connective.Web.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Connective.Web.Tests.Circle;

/// <summary>The time-credit ledger's tests, written once and run on each provider.</summary>
internal static class CreditsChecks
{
    public static async Task The_ledger_sums_to_zero_and_every_balance_is_the_sum_of_its_entries(ConnectiveWebFactory factory)
    {
        var people = await FreshResidentsAsync(factory, 4);
        await using (var scope = factory.CreateScope())
        {
            var credits = Credits(scope);
            await credits.RecordTaskAsync(Key(), people[0], people[1], 2m, CancellationToken.None);
            await credits.RecordTaskAsync(Key(), people[1], people[2], 0.75m, CancellationToken.None);
            await credits.RecordTaskAsync(Key(), people[3], people[0], 1.5m, CancellationToken.None);
            await credits.DonateToPoolAsync(Key(), people[0], 0.5m, CancellationToken.None);
        }

        await using var check = factory.CreateScope();
        var ledger = Db(check);
        var total = await ledger.CreditEntries.SumAsync(entry => entry.Minutes);
        var transfers = await ledger.CreditEntries.GroupBy(entry => entry.TransferId)
            .Select(group => new { Count = group.Count(), Sum = group.Sum(entry => entry.Minutes) }).ToListAsync();
        var accounts = await ledger.CreditAccounts.Select(account => new
        {
            account.BalanceMinutes,
            Entries = ledger.CreditEntries.Where(entry => entry.AccountId == account.Id).Sum(entry => (long?)entry.Minutes) ?? 0,
        }).ToListAsync();
        var balances = await BalancesAsync(ledger, people);

        Assert.Equal(0, total);
        Assert.All(transfers, transfer => Assert.Equal((2, 0L), (transfer.Count, transfer.Sum)));
        Assert.All(accounts, account => Assert.Equal(account.Entries, account.BalanceMinutes));
        // 0 gave 2 h, received 1.5 h, donated 0.5 h; 1 received 2 h and gave 45 min; 2 received 45 min; 3 gave 1.5 h.
        Assert.Equal([0L, -75, -45, 90], balances);
    }

    public static async Task A_retry_with_the_same_key_moves_nothing_twice(ConnectiveWebFactory factory)
    {
        var people = await FreshResidentsAsync(factory, 2);
        var key = Key();

        var first = await RecordAsync(factory, key, people[0], people[1], 1m);
        var sequential = await RecordAsync(factory, key, people[0], people[1], 1m);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => RecordAsync(factory, key, people[0], people[1], 1m)));

        await using var scope = factory.CreateScope();
        var db = Db(scope);
        Assert.False(first.Replayed);
        Assert.True(sequential.Replayed);
        Assert.All(concurrent, result => Assert.Equal((first.PostingId, true), (result.PostingId, result.Replayed)));
        Assert.Equal(1, await db.CreditPostings.CountAsync(posting => posting.IdempotencyKey == key));
        var balances = await BalancesAsync(db, people);
        Assert.Equal([60L, -60], balances);
        await Assert.ThrowsAsync<InvalidOperationException>(() => RecordAsync(factory, key, people[0], people[1], 2m));
    }

    public static async Task Concurrent_transfers_never_overdraw(ConnectiveWebFactory factory)
    {
        var people = await FreshResidentsAsync(factory, 3);
        var (giver, earner, recipient) = (people[0], people[1], people[2]);
        // The giver earns exactly 5 hours, then tries to donate 1 hour twelve times at once.
        await RecordAsync(factory, Key(), giver, earner, 5m);
        var poolBefore = await PoolAsync(factory);

        var donations = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            try
            {
                await using var scope = factory.CreateScope();
                await Credits(scope).DonateToPoolAsync(Key(), giver, 1m, CancellationToken.None);
                return true;
            }
            catch (InsufficientCreditException)
            {
                return false;
            }
        }));
        // A fresh recipient (limit 10 hours) receives 1 hour from fifteen helpers at once; the pool has the 5 hours just given.
        var tasks = await Task.WhenAll(Enumerable.Range(0, 15).Select(i => RecordAsync(factory, Key(), i % 2 == 0 ? giver : earner, recipient, 1m)));

        await using var check = factory.CreateScope();
        var db = Db(check);
        var balances = await BalancesAsync(db, people);
        Assert.Equal(5, donations.Count(succeeded => succeeded));
        Assert.Equal(-TimeCredits.ResidentLimitMinutes, balances[2]);
        Assert.Equal(TimeCredits.ResidentLimitMinutes, tasks.Sum(task => task.FromRecipientMinutes));
        Assert.Equal(15 * 60, tasks.Sum(task => task.FromRecipientMinutes + task.FromPoolMinutes + task.UncoveredMinutes));
        Assert.Equal(Math.Min(5 * 60, poolBefore + 5 * 60), tasks.Sum(task => task.FromPoolMinutes));
        Assert.True(await PoolAsync(factory) >= 0);
        Assert.Equal(0, await db.CreditEntries.SumAsync(entry => entry.Minutes));
        Assert.False(await db.CreditAccounts.AnyAsync(account => account.BalanceMinutes < account.FloorMinutes));
    }

    public static async Task The_pool_covers_a_recipient_at_their_limit(ConnectiveWebFactory factory)
    {
        var people = await FreshResidentsAsync(factory, 4);
        var (donor, helper, recipient, other) = (people[0], people[1], people[2], people[3]);
        await RecordAsync(factory, Key(), donor, other, 3m);
        await using (var scope = factory.CreateScope())
        {
            await Credits(scope).DonateToPoolAsync(Key(), donor, 3m, CancellationToken.None);
        }
        // The recipient is brought to their limit, then asks for an hour and a half more.
        await RecordAsync(factory, Key(), other, recipient, TimeCredits.ResidentLimitMinutes / 60m);
        var poolBefore = await PoolAsync(factory);

        var covered = await RecordAsync(factory, Key(), helper, recipient, 1.5m);

        await using var check = factory.CreateScope();
        var db = Db(check);
        Assert.Equal((0L, 90L, 0L), (covered.FromRecipientMinutes, covered.FromPoolMinutes, covered.UncoveredMinutes));
        Assert.Equal(poolBefore - 90, await PoolAsync(factory));
        var balances = await BalancesAsync(db, [helper, recipient]);
        Assert.Equal([90L, -TimeCredits.ResidentLimitMinutes], balances);
        var transfer = await db.CreditTransfers.SingleAsync(transfer => transfer.PostingId == covered.PostingId);
        Assert.Equal((CreditTransferKind.FromPool, CreditAccount.CommunityPoolId, helper), (transfer.Kind, transfer.FromAccountId, transfer.ToAccountId));
    }

    public static async Task Thanks_reach_the_person_thanked(ConnectiveWebFactory factory)
    {
        var people = await FreshResidentsAsync(factory, 2);
        await using var scope = factory.CreateScope();
        var db = Db(scope);

        await Thanks.SendAsync(db, TimeProvider.System, people[0], people[1], taskId: 42, "  Thank you for the lift!  ", CancellationToken.None);
        var received = await Thanks.ReceivedAsync(db, people[1], 10, CancellationToken.None);

        var thanks = Assert.Single(received);
        Assert.Equal(("Thank you for the lift!", 42L), (thanks.Message, thanks.TaskId));
        await Assert.ThrowsAsync<ArgumentException>(() => Thanks.SendAsync(db, TimeProvider.System, people[0], people[1], null, "   ", CancellationToken.None));
    }

    /// <summary>
    /// The ledger is a scoped service that takes its time from the TimeProvider it is given, not from a clock it finds
    /// elsewhere: every row of a posting carries that instant, whatever the app's own clock says.
    /// </summary>
    public static async Task A_posting_is_stamped_with_the_ledgers_clock(ConnectiveWebFactory factory)
    {
        var people = await FreshResidentsAsync(factory, 2);
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1234567));
        long postingId;
        await using (var scope = factory.CreateScope())
        {
            await using (var other = factory.CreateScope())
            {
                Assert.Same(Credits(scope), Credits(scope));
                Assert.NotSame(Credits(scope), Credits(other));
            }
            var credits = new TimeCredits(Db(scope), clock);
            postingId = (await credits.RecordTaskAsync(Key(), people[0], people[1], 1m, CancellationToken.None)).PostingId;
        }

        await using var check = factory.CreateScope();
        var db = Db(check);
        var expected = new DateTime(2031, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1234560); // the last tick digit dropped, as PostgreSQL stores it
        Assert.Equal(expected, await db.CreditPostings.Where(posting => posting.Id == postingId).Select(posting => posting.At).SingleAsync());
        Assert.All(await db.CreditTransfers.Where(transfer => transfer.PostingId == postingId).Select(transfer => transfer.At).ToListAsync(),
            at => Assert.Equal(expected, at));
    }

    internal static AppDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<AppDbContext>();

    internal static TimeCredits Credits(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<TimeCredits>();

    internal static string Key() => "test:" + Guid.NewGuid().ToString("N");

    /// <summary>Adult residents who have no credit account yet, so each test starts from zero balances.</summary>
    internal static async Task<int[]> FreshResidentsAsync(ConnectiveWebFactory factory, int count)
    {
        await using var scope = factory.CreateScope();
        var db = Db(scope);
        var used = db.CreditAccounts.Select(account => account.Id);
        var picked = await db.Residents.Where(resident => !used.Contains(resident.Id) && resident.BirthYear < 2000)
            .OrderByDescending(resident => resident.Id).Select(resident => resident.Id).Take(count).ToArrayAsync();
        // Claim them at once, so the next call picks others even before these have moved credits.
        foreach (var id in picked)
        {
            db.CreditAccounts.Add(new CreditAccount
            {
                Id = id,
                ResidentId = id,
                Kind = CreditAccountKind.Resident,
                FloorMinutes = -TimeCredits.ResidentLimitMinutes,
                OpenedAt = DateTime.UtcNow,
            });
        }
        await db.SaveChangesAsync();
        return picked;
    }

    private static async Task<CreditPostingResult> RecordAsync(ConnectiveWebFactory factory, string key, int helper, int recipient, decimal hours)
    {
        await using var scope = factory.CreateScope();
        return await Credits(scope).RecordTaskAsync(key, helper, recipient, hours, CancellationToken.None);
    }

    private static async Task<long> PoolAsync(ConnectiveWebFactory factory)
    {
        await using var scope = factory.CreateScope();
        return await Db(scope).CreditAccounts.Where(account => account.Id == CreditAccount.CommunityPoolId)
            .Select(account => account.BalanceMinutes).SingleAsync();
    }

    private static async Task<long[]> BalancesAsync(AppDbContext db, int[] people)
    {
        var balances = await db.CreditAccounts.Where(account => people.Contains(account.Id))
            .ToDictionaryAsync(account => account.Id, account => account.BalanceMinutes);
        return [.. people.Select(id => balances[id])];
    }
}
