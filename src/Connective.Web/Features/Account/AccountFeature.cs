using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Connective.Web.Data;
using Connective.Web.Demo;
using Connective.Web.Infrastructure;
using Connective.Web.Platform.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Connective.Web.Features.Account;

/// <summary>Accounts: ASP.NET Core Identity on the app's own database, cookie sign-in, roles and policies.</summary>
internal static class AccountFeature
{
    public const int MaxFailedSignIns = 5;

    /// <summary>The rate limit on posting the sign-in, sign-up and password forms, per client address.</summary>
    public const string FormsRateLimit = "account-forms";

    /// <summary>The rate limit on casting or changing a vote (ballots, "me too"), per signed-in person or else per address.</summary>
    public const string VotingRateLimit = "voting";
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<ConnectiveUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // The user name is the e-mail address, which may hold an apostrophe (o'brien@…) or accents (zoë@…); the
                // e-mail validation is the check, so the user name has no character list of its own.
                options.User.AllowedUserNameCharacters = "";
                options.SignIn.RequireConfirmedEmail = true;
                // Length over composition rules, as the NCSC advises.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                // Version 3 of the store adds passkeys (AspNetUserPasskeys); the design-time factories use the same for migrations.
                options.Stores.SchemaVersion = IdentityStoreSchema.Version;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<ConnectiveSignInManager>()
            .AddDefaultTokenProviders()
            // Replaces the default authenticator provider (registered under the same name): a code is accepted only once.
            .AddTokenProvider<OneTimeAuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider);
        builder.Services.Configure<SecurityStampValidatorOptions>(SecondFactor.KeepSignInFacts);
        var isLocal = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Demo");

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "connective-session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Plain http is for a developer's machine and the demo on 127.0.0.1 only; everywhere else the cookie needs https.
            options.Cookie.SecurePolicy = isLocal ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            // Sessions end after a time without a request: 30 minutes for staff, longer for residents (SecondFactor sets each at sign-in).
            options.ExpireTimeSpan = SecondFactor.ResidentIdleTimeout;
            options.SlidingExpiration = true;
            options.Events.OnRedirectToLogin = context => ApiStatusOrRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context =>
            {
                if (RecentSignIn.NeedsConfirmation(context.HttpContext) && !IsApi(context.Request))
                {
                    context.Response.Redirect(RecentSignIn.ConfirmUrl(context.Request));
                    return Task.CompletedTask;
                }
                return ApiStatusOrRedirect(context, StatusCodes.Status403Forbidden);
            };
            SecondFactor.ConfigureSessionRules(options);
        });
        // The half-finished sign-in (between password and second factor) needs https too.
        builder.Services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options =>
        {
            options.Cookie.Name = "connective-second-step";
            options.Cookie.SecurePolicy = isLocal ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        // The antiforgery cookie is marked Secure whenever the request came over https. "Always" would make antiforgery throw
        // on a plain-http request, which a TLS-terminating proxy without forwarded headers would produce on every form.
        builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddDemoSeedParticipant<AccountDemoSeed>();

        builder.Services.AddOptions<AccountRateLimitOptions>()
            .BindConfiguration(AccountRateLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(FormsRateLimit, context =>
            {
                // Reading a form costs nothing; only submissions (password guesses, mail sent) are limited.
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }
                var limit = context.RequestServices.GetRequiredService<IOptions<AccountRateLimitOptions>>().Value.AccountFormPostsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            options.AddPolicy(VotingRateLimit, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }
                var limit = context.RequestServices.GetRequiredService<IOptions<AccountRateLimitOptions>>().Value.VotesPerMinute;
                // A signed-in voter is limited as a person, so neighbours behind one address do not share a limit.
                var key = context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } userId
                    ? "user:" + userId
                    : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                return RateLimitPartition.GetFixedWindowLimiter(key,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many attempts from your connection. Wait a minute, then try again.", cancellationToken);
            };
        });
        return builder;
    }

    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseCallerChecks();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The JSON API answers 401/403 instead of redirecting to a sign-in page it cannot show.</summary>
    private static Task ApiStatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.Request))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}

/// <summary>`RateLimits` settings.</summary>
public sealed class AccountRateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in, sign-up and password-reset submissions allowed per client address per minute.</summary>
    [Range(1, 100_000)]
    public int AccountFormPostsPerMinute { get; set; } = 20;

    /// <summary>Votes (and changes of vote) allowed per person, or per address when not signed in, per minute.</summary>
    [Range(1, 100_000)]
    public int VotesPerMinute { get; set; } = 30;
}
