using System.Security.Claims;
using Connective.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Connective.Web.Platform;

/// <summary>Who the signed-in person is to Circle: their account id and, when they are a resident, their resident id.</summary>
public sealed class CurrentPerson(UserManager<ConnectiveUser> users)
{
    public string? AccountId(ClaimsPrincipal user) => users.GetUserId(user);

    public async Task<int?> ResidentIdAsync(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? (await users.GetUserAsync(user))?.ResidentId : null;
}
