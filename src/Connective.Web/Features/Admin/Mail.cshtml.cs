using Connective.Web.Data;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Connective.Web.Platform.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Connective.Web.Features.Admin;

/// <summary>
/// Admins see whether e-mail is getting out: how much waits, what failed and why, and can send given-up messages again
/// (after fixing the relay). Addresses are shown because an admin needs them to tell a resident their mail failed.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class MailModel(AppDbContext db, IOptions<MailOptions> mail, MailSender sender, AuditLog audit, TimeProvider time) : PageModel
{
    public const int MaxShown = 200;

    public sealed record Problem(long Id, string To, string Subject, DateTime CreatedAt, int Attempts, string? LastError, DateTime? NextAttemptAt, bool GaveUp);

    public bool UsesRelay { get; private set; }
    public int Waiting { get; private set; }
    public int SentLastDay { get; private set; }
    public int GivenUp { get; private set; }
    public DateTime? OldestWaiting { get; private set; }
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public string? Done { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Done = done;
        UsesRelay = mail.Value.UsesSmtp;
        var dayAgo = time.GetUtcNow().UtcDateTime.AddDays(-1);
        var emails = db.OutboxMessages.AsNoTracking().Where(m => m.Kind == OutboxKind.Email);
        Waiting = await emails.CountAsync(m => m.SentAt == null && m.GaveUpAt == null, cancellationToken);
        OldestWaiting = await emails.Where(m => m.SentAt == null && m.GaveUpAt == null).MinAsync(m => (DateTime?)m.CreatedAt, cancellationToken);
        SentLastDay = await emails.CountAsync(m => m.SentAt >= dayAgo, cancellationToken);
        GivenUp = await emails.CountAsync(m => m.GaveUpAt != null && m.SentAt == null, cancellationToken);
        Problems = await emails.Where(m => m.SentAt == null && m.Attempts > 0)
            .OrderByDescending(m => m.GaveUpAt != null).ThenBy(m => m.Id).Take(MaxShown)
            .Select(m => new Problem(m.Id, m.RecipientErased ? "(an erased person)" : m.To, m.Subject, m.CreatedAt, m.Attempts, m.LastError, m.NextAttemptAt, m.GaveUpAt != null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Sends every given-up message again, from a fresh count of attempts.</summary>
    public async Task<IActionResult> OnPostRetryAsync(CancellationToken cancellationToken)
    {
        var retried = await db.OutboxMessages.Where(m => m.Kind == OutboxKind.Email && m.SentAt == null && m.GaveUpAt != null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.GaveUpAt, (DateTime?)null)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, (DateTime?)null), cancellationToken);
        await audit.RecordAsync(User, AuditActions.RetriedMail, subjectResidentId: null, reason: $"{retried} message(s)", cancellationToken);
        sender.Wake();
        return RedirectToPage(new { done = "retried" });
    }
}
