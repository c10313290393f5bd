using Connective.Web.Data;
using Connective.Web.Platform.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Account;

/// <summary>The e-mail the app has sent, newest first: only in Development and Demo (404 elsewhere).</summary>
public sealed class OutboxModel(AppDbContext db, IHostEnvironment environment) : PageModel
{
    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Outbox.IsShown(environment))
        {
            return NotFound();
        }
        Messages = await db.OutboxMessages.AsNoTracking().OrderByDescending(message => message.Id).Take(50).ToListAsync(cancellationToken);
        return Page();
    }
}
