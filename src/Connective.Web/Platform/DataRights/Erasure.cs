using Connective.Web.Data;

namespace Connective.Web.Platform.DataRights;

/// <summary>The person a data-rights request is about: their resident record, their account, or both.</summary>
public sealed record DataSubject(int? ResidentId, string? AccountId);

/// <summary>
/// One line of an erasure receipt: what kind of record, how many, and either erased or kept. A kept record always
/// says why the organisation must keep it (for example a safeguarding concern, or money handled).
/// </summary>
public sealed record ErasureItem(string What, int Count, bool Erased, string? KeptBecause = null)
{
    public static ErasureItem Deleted(string what, int count) => new(what, count, Erased: true);

    public static ErasureItem Kept(string what, int count, string because) => new(what, count, Erased: false, because);
}

/// <summary>What was erased and what was kept, with the reason for each kept item.</summary>
public sealed record ErasureReceipt(DateTime At, IReadOnlyList<ErasureItem> Items)
{
    public IEnumerable<ErasureItem> Erased => Items.Where(item => item.Erased);

    public IEnumerable<ErasureItem> KeptItems => Items.Where(item => !item.Erased);
}

/// <summary>
/// A feature that holds records about a person takes part in erasure through this: it deletes, or anonymises, what
/// it may, and reports what it must keep (safeguarding concerns, vetting, money handled) with the reason. It runs
/// inside the erasure's transaction, before the resident row goes, so the records it keeps can drop their link
/// to the person first (the resident id is then unmapped). Register with <c>services.AddErasureParticipant&lt;T&gt;()</c>.
/// </summary>
public interface IErasureParticipant
{
    Task<IReadOnlyList<ErasureItem>> EraseAsync(AppDbContext db, DataSubject person, CancellationToken cancellationToken);
}

public static class ErasureParticipants
{
    /// <summary>Adds a feature's part in erasure (scoped, so it can take the feature's services).</summary>
    public static IServiceCollection AddErasureParticipant<T>(this IServiceCollection services)
        where T : class, IErasureParticipant =>
        services.AddScoped<IErasureParticipant, T>();
}
