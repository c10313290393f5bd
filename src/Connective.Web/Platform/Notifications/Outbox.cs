using Connective.Web.Data;
using Microsoft.Extensions.Options;

namespace Connective.Web.Platform.Notifications;

/// <summary>
/// Sends the app's e-mail. With Mail:Smtp:Host set (production) it goes straight to that relay and is not kept, so reset
/// and confirmation links never sit in the database. Without it, the message is written to the outbox table, which the
/// /outbox page shows in Development and Demo, so a newcomer can confirm an account on their own machine.
/// </summary>
public sealed class Outbox(AppDbContext db, TimeProvider time, IOptions<MailOptions> mail)
{
    public async Task SendAsync(string to, string subject, string body, string? link, CancellationToken cancellationToken)
    {
        if (mail.Value.UsesSmtp)
        {
            var text = link is null ? body : body + "\n\n" + link;
            await MailSetup.SendSmtpAsync(mail.Value.Smtp, to, subject, text, cancellationToken);
            return;
        }
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
