using Connective.Web.Data;
using Connective.Web.Infrastructure;

namespace Connective.Web.Platform.Notifications;

/// <summary>
/// The app's e-mail goes through here. Every message is written to the outbox table in the caller's unit of work, so it
/// is committed with the change that caused it and a relay that is down cannot break the page or lose the message. With
/// Mail:Smtp:Host set the background <see cref="MailSender"/> delivers it and then clears its link; without it, the
/// /outbox page shows it in Development and Demo, so a newcomer can confirm an account on their own machine.
/// </summary>
public sealed class Outbox(AppDbContext db, TimeProvider time, PublicLinks links, MailSender sender)
{
    /// <summary>
    /// Queues one e-mail and saves. <paramref name="appPath"/> is a path in this app ("/account/reset-password?code=…",
    /// from <see cref="PublicLinks.PathToPage"/>): the link in the mail is always under the configured public base URL.
    /// </summary>
    /// <returns>The outbox row's id.</returns>
    public async Task<long> SendAsync(string to, string subject, string body, string? appPath, CancellationToken cancellationToken)
    {
        var message = new OutboxMessage
        {
            To = to,
            Subject = subject,
            Body = body,
            Link = appPath is null ? null : links.Absolute(appPath),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        // After the save, so the sender's query can see it; a message committed later by an outer transaction is
        // found by the sender's next poll instead.
        sender.Wake();
        return message.Id;
    }

    /// <summary>The outbox page exists only where every address is made up or belongs to the developer.</summary>
    public static bool IsShown(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Demo");
}
