using Connective.Web.Infrastructure;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Connective.Web.Platform.ConsentPath;
using Connective.Web.Platform.DataRights;
using Connective.Web.Platform.Jobs;
using Connective.Web.Platform.Notifications;
using Connective.Web.Platform.Proxy;

namespace Connective.Web.Platform;

/// <summary>
/// The kernel every area uses, registered once: the current person, access, the audit log, the consent path, acting
/// for a resident, notifications and the outbox, data rights, and leases for scheduled jobs. No area registers these itself.
/// </summary>
internal static class PlatformServices
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CurrentPerson>();
        builder.Services.AddConnectiveAuthorization();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddNetwork();
        builder.Services.AddScoped<ProxyContext>();
        builder.Services.AddScoped<JobLeases>();
        builder.Services.AddSingleton<ThisInstance>();
        builder.Services.AddHealthChecks().AddCheck<JobHealthCheck>("jobs", tags: ["ready"]);
        builder.AddMail();
        builder.Services.AddScoped<Outbox>();
        builder.Services.AddScoped<OpenData.OpenDataCatalogue>();
        builder.AddDataProtectionKeys();
        builder.AddDataRights();
        return builder;
    }
}
