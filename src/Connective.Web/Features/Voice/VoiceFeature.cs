using Connective.Web.Demo;
using Connective.Web.Features.Voice.Budgets;
using Connective.Web.Features.Voice.Demo;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.DataRights;

namespace Connective.Web.Features.Voice;

/// <summary>Who may run participatory budgeting processes.</summary>
public static class VoicePolicies
{
    public const string BudgetOfficer = "VoiceBudgetOfficer";

    public static readonly string[] BudgetOfficerRoles = [Roles.BudgetOfficer, Roles.Admin];
}

/// <summary>The Voice area: participatory budgeting with a secret ballot, and residents' needs.</summary>
internal static class VoiceFeature
{
    public static IServiceCollection AddVoice(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(VoicePolicies.BudgetOfficer, policy => policy.RequireRole(VoicePolicies.BudgetOfficerRoles));
        services.AddScoped<BudgetProcesses>();
        services.AddScoped<SecretBallot>();
        services.AddScoped<BudgetCount>();
        services.AddExportParticipant<VoiceExport>();
        services.AddErasureParticipant<VoiceErasure>();
        services.AddDemoSeedParticipant<VoiceDemoSeed>();
        return services;
    }

    public static IEndpointRouteBuilder MapVoice(this IEndpointRouteBuilder endpoints) => endpoints.MapVoiceApi();
}

/// <summary>The Voice pages' addresses, built in one place so that pages and tests link by name, never by a typed-out URL.</summary>
public static class VoiceLinks
{
    public const string Home = "/voice";
    public const string NewBudget = "/voice/budgets/new";

    public static string Budget(int id) => $"/voice/budgets/{id}";

    public static string Vote(int id) => $"/voice/budgets/{id}/vote";

    public static string CheckVote(int id) => $"/voice/budgets/{id}/vote/check";

    public static string VoteDone(int id) => $"/voice/budgets/{id}/vote/done";

    public static string Results(int id) => $"/voice/budgets/{id}/results";

    public static string NewProject(int id) => $"/voice/budgets/{id}/projects/new";

    public static string PbFile(int id) => $"/api/v1/voice/budgets/{id}/election.pb";
}
