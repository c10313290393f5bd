using System.Security.Claims;
using Connective.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Platform;

/// <summary>
/// Who the signed-in person is, found one way for every area: their account id (from the sign-in cookie) and, when the
/// account is a resident's, their resident id (read from the account; staff accounts need not have one).
/// </summary>
public sealed class CurrentPerson(AppDbContext db, UserManager<ConnectiveUser> users)
{
    /// <summary>The signed-in account's id, or null for an anonymous request.</summary>
    public string? AccountId(ClaimsPrincipal user) => users.GetUserId(user);

    /// <summary>The signed-in person's resident id, or null when they are anonymous or their account has no resident record.</summary>
    public async Task<int?> ResidentIdAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return AccountId(user) is { } accountId
            ? await db.Users.Where(account => account.Id == accountId).Select(account => account.ResidentId).SingleOrDefaultAsync(cancellationToken)
            : null;
    }
}
