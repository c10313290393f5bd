using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Connective.Web.Data;

/// <summary>
/// Runs work in the caller's transaction when one is open on the context, or else in a transaction of its own. Joined,
/// committing is left to the caller (whose rollback then undoes this work too); owned, <see cref="CommitAsync"/> commits
/// and disposing without committing rolls back. Lets a service be called alone or as one step of a larger change (a
/// suspension inside an erasure) without nesting transactions, which neither provider allows.
/// </summary>
public sealed class CallerOrOwnTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction? _own;

    private CallerOrOwnTransaction(IDbContextTransaction? own) => _own = own;

    /// <summary>Whether this began its own transaction (rather than joining the caller's).</summary>
    public bool IsOwn => _own is not null;

    public static async Task<CallerOrOwnTransaction> BeginAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new CallerOrOwnTransaction(db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null);
    }

    /// <summary>Runs <paramref name="work"/> in the caller's transaction or a new one, committed when the work returns.</summary>
    public static async Task RunAsync(DbContext db, Func<Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var transaction = await BeginAsync(db, cancellationToken);
        await work();
        await transaction.CommitAsync(cancellationToken);
    }

    public Task CommitAsync(CancellationToken cancellationToken) => _own?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _own?.DisposeAsync() ?? ValueTask.CompletedTask;
}
