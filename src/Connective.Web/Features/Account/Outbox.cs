using Connective.Web.Data;

namespace Connective.Web.Features.Account;

/// <summary>
/// Sends the app's e-mail by writing it to the outbox table. In Development and Demo the /outbox page is the inbox;
/// elsewhere a mail relay would deliver the rows (not built yet: production deployments must not rely on e-mail).
/// </summary>
public sealed class Outbox(AppDbContext db, TimeProvider time)
{
    public async Task SendAsync(string to, string subject, string body, string? link, CancellationToken cancellationToken)
    {
        db.OutboxMessages.Add(new OutboxMessage
        {
            To = to,
            Subject = subject,
            Body = body,
            Link = link,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The outbox page exists only where every address is made up or belongs to the developer.</summary>
    public static bool IsShown(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Demo");
}
