using System.ComponentModel.DataAnnotations;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Connective.Web.Platform.Notifications;

/// <summary>
/// `Mail` settings. Without an SMTP host, mail is kept in the outbox table (shown at /outbox in Development and Demo).
/// With one, the background sender delivers it, retrying with back-off when the relay is down.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How often the sender looks for waiting mail when nothing new has been queued (seconds).</summary>
    [Range(1, 3_600)]
    public int PollSeconds { get; set; } = 15;

    /// <summary>The wait after the first failed attempt (seconds); it doubles with each failure, up to an hour.</summary>
    [Range(1, 3_600)]
    public int RetryAfterSeconds { get; set; } = 30;

    /// <summary>Attempts before a message is given up and shown to admins as failed (12 attempts span about 9 hours).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 12;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

/// <summary>`Mail:Smtp` settings for a production mail relay.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65_535)]
    public int Port { get; set; } = 587;

    /// <summary>The relay's user name; leave empty for a relay that needs no sign-in.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address, e.g. "Connective &lt;connective@council.example&gt;".</summary>
    public string? From { get; set; }

    /// <summary>TLS to the relay (implicit TLS on port 465, STARTTLS otherwise). Only a relay on the same machine may go without.</summary>
    public bool EnableSsl { get; set; } = true;
}

internal static class MailSetup
{
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>()
            .BindConfiguration(MailOptions.Section)
            .ValidateDataAnnotations()
            .Validate(mail => !mail.UsesSmtp || MailboxAddress.TryParse(mail.Smtp.From, out _),
                "Mail:Smtp:From must be a valid sender address when Mail:Smtp:Host is set.")
            .Validate(mail => mail.Smtp.Port is >= 1 and <= 65_535, "Mail:Smtp:Port must be from 1 to 65535.")
            .ValidateOnStart();
        builder.Services.AddSingleton<MailSender>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MailSender>());
        return builder;
    }

    /// <summary>An open connection to the configured relay, signed in when a user is set.</summary>
    public static async Task<SmtpClient> ConnectAsync(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            var security = !smtp.EnableSsl ? SecureSocketOptions.None
                : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
            }
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The MIME message for an outbox row. Its Message-Id is derived from the row, so a relay or mailbox that sees the
    /// same message twice (a sender that died after the relay accepted it but before it was marked sent) can tell.
    /// </summary>
    public static MimeMessage ToMime(SmtpOptions smtp, long id, string to, string subject, string text, string host) =>
        new(new[] { MailboxAddress.Parse(smtp.From!) }, new[] { MailboxAddress.Parse(to) }, subject, new TextPart("plain") { Text = text })
        {
            MessageId = $"outbox-{id}@{host}",
        };
}
