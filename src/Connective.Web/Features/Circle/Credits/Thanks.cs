using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Circle.Credits;

/// <summary>A thank-you as shown to the person thanked.</summary>
public sealed record ThanksReceived(long Id, string FromName, long? TaskId, string Message, DateTime SentAt);

/// <summary>Thank-you messages between residents.</summary>
public static class Thanks
{
    public const int MaxLength = 1000;

    /// <summary>
    /// Sends a thank-you; the message is trimmed and must be 1 to 1,000 characters. A task is thanked for once by each
    /// person to each other person on it: a second thank-you for the same task sends nothing and returns null, whichever
    /// page or endpoint it came from.
    /// </summary>
    public static async Task<long?> SendAsync(AppDbContext db, TimeProvider time, int fromResidentId, int toResidentId, long? taskId, string message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var text = message?.Trim() ?? "";
        if (text.Length is 0 or > MaxLength)
        {
            throw new ArgumentException($"A thank-you message must be 1 to {MaxLength:N0} characters.", nameof(message));
        }
        if (fromResidentId == toResidentId)
        {
            throw new ArgumentException("A thank-you goes to someone else.", nameof(toResidentId));
        }
        if (await db.Residents.CountAsync(resident => resident.Id == fromResidentId || resident.Id == toResidentId, ct) != 2)
        {
            throw new ArgumentException($"Both residents must exist (from {fromResidentId}, to {toResidentId}).", nameof(toResidentId));
        }
        if (taskId is not null && await AlreadySentAsync(db, fromResidentId, toResidentId, taskId.Value, ct))
        {
            return null;
        }
        var thanks = new ThanksMessage
        {
            FromResidentId = fromResidentId,
            ToResidentId = toResidentId,
            TaskId = taskId,
            Message = text,
            SentAt = TimeCredits.StoredInstant(time),
        };
        db.Add(thanks);
        await db.SaveChangesAsync(ct);
        return thanks.Id;
    }

    public static Task<bool> AlreadySentAsync(AppDbContext db, int fromResidentId, int toResidentId, long taskId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ThanksMessage>().AnyAsync(thanks => thanks.FromResidentId == fromResidentId && thanks.ToResidentId == toResidentId && thanks.TaskId == taskId, ct);
    }

    /// <summary>The latest thank-you messages a resident received, newest first, with the sender's first name only.</summary>
    public static async Task<IReadOnlyList<ThanksReceived>> ReceivedAsync(AppDbContext db, int residentId, int take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<ThanksMessage>().AsNoTracking()
            .Where(thanks => thanks.ToResidentId == residentId)
            .OrderByDescending(thanks => thanks.SentAt).ThenByDescending(thanks => thanks.Id)
            .Take(take)
            .Join(db.Residents, thanks => thanks.FromResidentId, resident => resident.Id,
                (thanks, resident) => new ThanksReceived(thanks.Id, resident.GivenName, thanks.TaskId, thanks.Message, thanks.SentAt))
            .ToListAsync(ct);
    }
}
