using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Mail;

namespace Connective.Web.Platform.Notifications;

/// <summary>`Mail` settings. Without an SMTP host, mail is kept in the outbox table (shown at /outbox in Development and Demo).</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public SmtpOptions Smtp { get; set; } = new();

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

    /// <summary>STARTTLS (or TLS) to the relay. Only a relay on the same machine may go without.</summary>
    public bool EnableSsl { get; set; } = true;
}

internal static class MailSetup
{
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>()
            .BindConfiguration(MailOptions.Section)
            .Validate(mail => !mail.UsesSmtp || MailAddressIsValid(mail.Smtp.From),
                "Mail:Smtp:From must be a valid sender address when Mail:Smtp:Host is set.")
            .Validate(mail => mail.Smtp.Port is >= 1 and <= 65_535, "Mail:Smtp:Port must be from 1 to 65535.")
            .ValidateOnStart();
        return builder;
    }

    /// <summary>Sends one message through the configured relay.</summary>
    public static async Task SendSmtpAsync(SmtpOptions smtp, string to, string subject, string body, CancellationToken cancellationToken)
    {
        using var message = new MailMessage(new MailAddress(smtp.From!), new MailAddress(to))
        {
            Subject = subject,
            Body = body,
            IsBodyHtml = false,
        };
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            // Addresses are kept as people type them. A domain in Unicode (IDN) goes out in its ASCII (Punycode) form, which
            // every relay accepts; only a local part outside ASCII (zoë@…) needs a relay with SMTPUTF8 (RFC 6531).
            DeliveryFormat = to.AsSpan(0, Math.Max(0, to.LastIndexOf('@'))).ContainsAnyExceptInRange((char)0, (char)127)
                ? SmtpDeliveryFormat.International
                : SmtpDeliveryFormat.SevenBit,
            EnableSsl = smtp.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Credentials = string.IsNullOrEmpty(smtp.User) ? null : new NetworkCredential(smtp.User, smtp.Password),
        };
        await client.SendMailAsync(message, cancellationToken);
    }

    private static bool MailAddressIsValid(string? address) => MailAddress.TryCreate(address, out _);
}
