using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Circle.Credits;

/// <summary>One line of a resident's statement.</summary>
public sealed record StatementLine(DateTime At, string Description, long Minutes);

/// <summary>A resident's credits: balance, how far they can receive on credit, hours given and received, recent movements.</summary>
public sealed record CreditStatement(long BalanceMinutes, long FloorMinutes, long GivenMinutes, long ReceivedMinutes, long PoolMinutes,
    IReadOnlyList<StatementLine> Recent, IReadOnlyList<ThanksReceived> Thanks);

/// <summary>Reads a resident's own credits for the "my credits" page and API.</summary>
public static class MyCredits
{
    public static async Task<CreditStatement> StatementAsync(AppDbContext db, int residentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var account = await db.CreditAccounts.AsNoTracking().Where(account => account.Id == residentId)
            .Select(account => new { account.BalanceMinutes, account.FloorMinutes }).SingleOrDefaultAsync(ct);
        var pool = await db.CreditAccounts.AsNoTracking().Where(account => account.Id == CreditAccount.CommunityPoolId)
            .Select(account => account.BalanceMinutes).SingleAsync(ct);
        var given = await db.CreditPostings.Where(posting => posting.Kind == CreditPostingKind.Task && posting.GiverResidentId == residentId)
            .SumAsync(posting => (long?)posting.Minutes, ct) ?? 0;
        var received = await db.CreditPostings.Where(posting => posting.Kind == CreditPostingKind.Task && posting.RecipientResidentId == residentId)
            .SumAsync(posting => (long?)posting.Minutes, ct) ?? 0;
        var recent = await db.CreditEntries.AsNoTracking().Where(entry => entry.AccountId == residentId)
            .OrderByDescending(entry => entry.At).ThenByDescending(entry => entry.Id).Take(20)
            .Join(db.CreditTransfers, entry => entry.TransferId, transfer => transfer.Id, (entry, transfer) => new { entry.At, entry.Minutes, transfer.Kind })
            .ToListAsync(ct);
        var thanks = await Thanks.ReceivedAsync(db, residentId, 10, ct);
        return new CreditStatement(account?.BalanceMinutes ?? 0, account?.FloorMinutes ?? -TimeCredits.ResidentLimitMinutes, given, received, pool,
            [.. recent.Select(line => new StatementLine(line.At, Describe(line.Kind, line.Minutes), line.Minutes))], thanks);
    }

    // Names are left out on purpose: the statement says what happened, not who was helped.
    private static string Describe(CreditTransferKind kind, long minutes) => (kind, minutes > 0) switch
    {
        (CreditTransferKind.FromRecipient, true) => "Time you gave",
        (CreditTransferKind.FromRecipient, false) => "Help you received",
        (CreditTransferKind.FromPool, true) => "Time you gave, paid from the community pool",
        (CreditTransferKind.Donation, false) => "Hours you gave to the community pool",
        _ => "Adjustment",
    };
}
