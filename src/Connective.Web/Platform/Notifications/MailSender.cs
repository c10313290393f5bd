using Connective.Web.Data;
using Connective.Web.Infrastructure;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Connective.Web.Platform.Notifications;

/// <summary>
/// Delivers queued e-mail to the configured relay in the background, so a relay that is down never breaks a page.
/// A failed attempt is recorded and retried with doubling waits; after <see cref="MailOptions.MaxAttempts"/> the message
/// is given up and listed for admins. Each message is claimed for a short time before it is sent, so several instances
/// sharing one database never send the same message, and a message whose sender died is picked up again.
/// Delivery is at least once: a sender that dies after the relay accepted a message but before it recorded that sends it
/// again, with the same Message-Id.
/// </summary>
public sealed class MailSender(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider time, PublicLinks links, ILogger<MailSender> logger)
    : BackgroundService
{
    private const int BatchSize = 50;
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Asks the sender to look now rather than at its next poll (called after a message is queued).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller woke it at the same moment: once is enough.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var mail = options.Value;
        if (!mail.UsesSmtp)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(mail, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database is away (restarting, failing over): the next poll tries again.
                logger.LogWarning(exception, "The mail sender could not read the outbox; it will try again.");
            }
            try
            {
                await _wake.WaitAsync(TimeSpan.FromSeconds(mail.PollSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends every message that is due now; returns how many the relay accepted.</summary>
    internal async Task<int> SendDueAsync(MailOptions mail, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages
            .Where(m => m.Kind == OutboxKind.Email && m.SentAt == null && m.GaveUpAt == null
                && (m.NextAttemptAt == null || m.NextAttemptAt <= now) && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        SmtpClient? relay = null;
        var sent = 0;
        try
        {
            foreach (var id in due)
            {
                now = time.GetUtcNow().UtcDateTime;
                var claimed = await db.OutboxMessages
                    .Where(m => m.Id == id && m.SentAt == null && m.GaveUpAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                    .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedUntil, now + ClaimFor), cancellationToken);
                if (claimed == 0)
                {
                    continue; // another instance has it
                }
                var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
                try
                {
                    relay ??= await MailSetup.ConnectAsync(mail.Smtp, cancellationToken);
                    var text = message.Link is null ? message.Body : message.Body + "\n\n" + message.Link;
                    using var mime = MailSetup.ToMime(mail.Smtp, message.Id, message.To, message.Subject, text, links.BaseUrl.Host);
                    await relay.SendAsync(mime, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    await RecordFailureAsync(db, message, exception, mail, cancellationToken);
                    relay?.Dispose();
                    relay = null;
                    continue;
                }
                var sentAt = time.GetUtcNow().UtcDateTime;
                // The link (a confirmation or reset code) has done its job once the relay has it: it is not kept.
                await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.SentAt, sentAt)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.ClaimedUntil, (DateTime?)null)
                    .SetProperty(m => m.Link, (string?)null)
                    .SetProperty(m => m.To, m => m.RecipientErased ? "" : m.To), cancellationToken);
                sent++;
            }
        }
        finally
        {
            if (relay is not null)
            {
                try
                {
                    await relay.DisconnectAsync(quit: true, CancellationToken.None);
                }
                catch (Exception exception) when (exception is IOException or SmtpProtocolException or System.Net.Sockets.SocketException)
                {
                    // The messages are already accepted; a rude goodbye loses nothing.
                }
                relay.Dispose();
            }
        }
        if (sent > 0)
        {
            logger.LogInformation("Mail sender delivered {Count} message(s) to the relay.", sent);
        }
        return sent;
    }

    private async Task RecordFailureAsync(AppDbContext db, OutboxMessage message, Exception exception, MailOptions mail, CancellationToken cancellationToken)
    {
        var attempts = message.Attempts + 1;
        var now = time.GetUtcNow().UtcDateTime;
        var wait = TimeSpan.FromSeconds(mail.RetryAfterSeconds * Math.Pow(2, Math.Min(attempts - 1, 20)));
        var next = now + (wait < LongestWait ? wait : LongestWait);
        var gaveUp = attempts >= mail.MaxAttempts ? now : (DateTime?)null;
        var error = $"{exception.GetType().Name}: {exception.Message}";
        error = error.Length > 500 ? error[..500] : error;
        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.GaveUpAt, gaveUp)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
        logger.LogWarning("Mail to outbox message {Id} failed (attempt {Attempts} of {Max}): {Error}", message.Id, attempts, mail.MaxAttempts, error);
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
