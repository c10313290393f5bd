using Microsoft.AspNetCore.Authorization;

namespace Connective.Web.Platform.Access;

/// <summary>
/// The authorization policy every export asks for: the person signed in, or confirmed it was them, within the last five
/// minutes. A session left open on a shared desk cannot be used to take data away. A page or endpoint that fails it
/// sends the person to <see cref="ConfirmPath"/>, which brings them back after the check.
/// Use it beside the role policy: <c>.RequireAuthorization(Policies.Admin, RecentSignIn.Policy)</c>.
/// </summary>
public static class RecentSignIn
{
    /// <summary>The policy's name.</summary>
    public const string Policy = Policies.RecentSignIn;

    /// <summary>How long a sign-in or confirmation counts as recent.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>The page that asks for the password (and second factor) again.</summary>
    public const string ConfirmPath = "/account/confirm-it-is-you";

    internal static IServiceCollection AddRecentSignInPolicy(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, Handler>();
        // Its own AddAuthorization call, so it stays apart from the role policies another file owns.
        services.AddAuthorization(options => options.AddPolicy(Policy, policy => policy
            .RequireAuthenticatedUser()
            .AddRequirements(new Requirement())));
        return services;
    }

    /// <summary>Whether the person proved who they are within the <see cref="Window"/>.</summary>
    public static bool IsRecent(System.Security.Claims.ClaimsPrincipal user, TimeProvider time) =>
        SecondFactor.ProvedAt(user) is { } at && time.GetUtcNow() - at <= Window;

    /// <summary>
    /// For a destructive page handler (erasure, a download of everything held about someone), which a page-wide policy
    /// would not fit because the page's GET is harmless: null when the sign-in is recent, otherwise the redirect to
    /// <see cref="ConfirmPath"/>, which brings the person back to the page (not the POST) to do it again.
    /// </summary>
    public static Microsoft.AspNetCore.Mvc.IActionResult? ConfirmFirst(Microsoft.AspNetCore.Mvc.RazorPages.PageModel page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var time = page.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        return IsRecent(page.User, time)
            ? null
            : new Microsoft.AspNetCore.Mvc.RedirectResult(ConfirmPath + "?returnUrl=" + Uri.EscapeDataString(page.Request.PathBase + page.Request.Path));
    }

    internal static string ConfirmUrl(HttpRequest request) =>
        ConfirmPath + "?returnUrl=" + Uri.EscapeDataString(request.PathBase + request.Path + request.QueryString);

    internal sealed class Requirement : IAuthorizationRequirement;

    private sealed class Handler(TimeProvider time) : AuthorizationHandler<Requirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, Requirement requirement)
        {
            var proved = SecondFactor.ProvedAt(context.User);
            if (proved is { } at && time.GetUtcNow() - at <= Window)
            {
                context.Succeed(requirement);
            }
            else if (context.Resource is HttpContext http && context.User.Identity?.IsAuthenticated == true)
            {
                // Remembered for the forbidden-redirect: this refusal means "confirm it is you", not "not allowed".
                http.Items[typeof(Requirement)] = true;
            }
            return Task.CompletedTask;
        }
    }

    /// <summary>True when the request was refused only because the sign-in is not recent.</summary>
    internal static bool NeedsConfirmation(HttpContext context) => context.Items.ContainsKey(typeof(Requirement));
}
