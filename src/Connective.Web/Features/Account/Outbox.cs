using Connective.Web.Data;
using Connective.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Connective.Web.Features.Account;

/// <summary>
/// Sends the app's e-mail. With Mail:Smtp:Host set (production) it goes straight to that relay and is not kept, so reset
/// and confirmation links never sit in the database. Without it, the message is written to the outbox table, which the
/// /outbox page shows in Development and Demo, so a newcomer can confirm an account on their own machine.
/// </summary>
public sealed class Outbox(AppDbContext db, TimeProvider time, IOptions<MailOptions> mail, PublicLinks links)
{
    /// <summary>
    /// Sends one message. <paramref name="appPath"/> is a path in this app ("/account/reset-password?code=…", from
    /// <see cref="PublicLinks.PathToPage"/>): the link in the mail is always under the configured public base URL.
    /// </summary>
    /// <returns>The outbox row's id when the message was kept in the outbox; null when it went to the relay.</returns>
    public async Task<long?> SendAsync(string to, string subject, string body, string? appPath, CancellationToken cancellationToken)
    {
        var link = appPath is null ? null : links.Absolute(appPath);
        if (mail.Value.UsesSmtp)
        {
            var text = link is null ? body : body + "\n\n" + link;
            await MailSetup.SendSmtpAsync(mail.Value.Smtp, to, subject, text, cancellationToken);
            return null;
        }
        var message = new OutboxMessage
        {
            To = to,
            Subject = subject,
            Body = body,
            Link = link,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        return message.Id;
    }

    /// <summary>The outbox page exists only where every address is made up or belongs to the developer.</summary>
    public static bool IsShown(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Demo");
}
