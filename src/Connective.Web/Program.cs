using Connective.Web;
using Connective.Web.Data;
using Connective.Web.Features.Account;
using Connective.Web.Features.Audit;
using Connective.Web.Features.Circle;
using Connective.Web.Features.Circle.Credits;
using Connective.Web.Features.Community;
using Connective.Web.Features.Home;
using Connective.Web.Features.Insight;
using Connective.Web.Features.Open;
using Connective.Web.Features.Residents;
using Connective.Web.Features.Services;
using Connective.Web.Features.Voice;
using Connective.Web.Infrastructure;
using Connective.Web.Platform;

// A command (migrate, seed, backup, admin, simulate-circle) runs and exits; anything else serves, with the arguments as configuration.
var command = HostCommands.Parse(args);
if (command is { NeedsTheApp: false })
{
    return await command.RunAsync(app: null);
}
try
{
    var builder = WebApplication.CreateBuilder(command is null ? args : []);
    if (command is { NeedsOnlyTheDatabase: true })
    {
        builder.Host.Properties[DataProtectionKeys.KeysNotNeeded] = true;
    }

    // One AddXxx() per concern or area; each lives beside the code it configures.
    builder.AddPlatformInfrastructure();
    builder.AddData();
    builder.AddAccounts();
    builder.AddPlatform();
    builder.AddResidents();
    builder.Services.AddCommunity();
    builder.Services.AddCircleCommunity();
    builder.Services.AddCircle();
    builder.Services.AddServicesArea();
    builder.Services.AddInsight();
    builder.Services.AddOpen();
    builder.Services.AddVoice();

    var app = builder.Build();

    app.UsePlatformInfrastructure();
    app.UseAccounts();
    app.MapHomeApi();
    app.MapCommunity();
    app.MapAuditExport();
    app.MapCircleCommunity();
    app.MapCircle();
    app.MapServicesArea();
    app.MapInsight();
    app.MapOpen();
    app.MapVoice();

    if (command is not null)
    {
        return await command.RunAsync(app);
    }
    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (StartupFailure.ShouldReport(exception))
{
    // A start that fails (a missing setting, an unreachable database) is one clear line and exit code 1, not a stack trace.
    return StartupFailure.Report(exception, Console.Error);
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
