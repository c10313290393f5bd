using Connective.Web;
using Connective.Web.Data;
using Connective.Web.Features.Account;
using Connective.Web.Features.Audit;
using Connective.Web.Features.Circle;
using Connective.Web.Features.Circle.Credits;
using Connective.Web.Features.Community;
using Connective.Web.Features.Home;
using Connective.Web.Features.Residents;
using Connective.Web.Features.Voice;
using Connective.Web.Infrastructure;
using Connective.Web.Platform;

var builder = WebApplication.CreateBuilder(args);

// One AddXxx() per concern or area; each lives beside the code it configures.
builder.AddPlatformInfrastructure();
builder.AddData();
builder.AddAccounts();
builder.AddPlatform();
builder.AddResidents();
builder.Services.AddCommunity();
builder.Services.AddCircleCommunity();
builder.Services.AddCircle();
builder.Services.AddVoice();

var app = builder.Build();

// `migrate` and `seed` run and exit instead of serving.
if (await app.RunCommandLineAsync(args))
{
    return;
}

app.UsePlatformInfrastructure();
app.UseAccounts();
app.MapHomeApi();
app.MapCommunity();
app.MapAuditExport();
app.MapCircleCommunity();
app.MapCircle();
app.MapVoice();

await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
