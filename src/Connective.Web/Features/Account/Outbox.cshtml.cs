using Connective.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Account;

/// <summary>
/// The e-mail the app has kept, newest first: only in Development and Demo (404 elsewhere). Nobody reads anyone else's
/// mail: an admin sees every message; a signed-in person sees the mail to their own address; a browser that created an
/// account sees that account's confirmation mail (<see cref="OutboxBrowser"/>).
/// </summary>
public sealed class OutboxModel(AppDbContext db, IHostEnvironment environment, IAuthorizationService authorization, UserManager<ConnectiveUser> users) : PageModel
{
    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

    public bool ShowsEverything { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Outbox.IsShown(environment))
        {
            return NotFound();
        }
        ShowsEverything = (await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded;
        var query = db.OutboxMessages.AsNoTracking();
        if (!ShowsEverything)
        {
            var ownIds = OutboxBrowser.Read(HttpContext);
            var ownEmail = User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { EmailConfirmed: true } user
                ? user.Email
                : null;
            query = query.Where(message => ownIds.Contains(message.Id) || (ownEmail != null && message.To == ownEmail && !message.RecipientErased));
        }
        Messages = await query.OrderByDescending(message => message.Id).Take(50).ToListAsync(cancellationToken);
        return Page();
    }
}
