using static Connective.Web.Tests.Authorization.Caller;
using static Connective.Web.Tests.Authorization.Outcome;

namespace Connective.Web.Tests.Authorization;

/// <summary>
/// Voice: budgets, their results and the published ballots are public; voting needs a sign-in and a resident record
/// (others are told so: 403 on the API, an explanation on the page); setting up budgets is for budget officers and
/// admins. The demo borough's budget 1 is closed with results, budget 2 is open for voting. Writes are sent invalid (no
/// choices, no title) or for budget 0, so the matrix reaches each handler without casting a ballot.
/// </summary>
internal sealed class MatrixVoice : IMatrixFeature
{
    private const string Problem404 = "\"status\":404";

    public IEnumerable<MatrixEntry> Entries() =>
    [
        new MatrixEntry("PAGE /voice", "Voice: have your say</h1>").Get("/voice").Everyone(Ok),
        new MatrixEntry("PAGE /voice/budgets/{id:int}", "Participatory budget</span>").Get("/voice/budgets/2").Everyone(Ok),
        new MatrixEntry("PAGE /voice/budgets/{id:int}/results", "Why each project won or lost</h2>").Get("/voice/budgets/1/results").Everyone(Ok),
        new MatrixEntry("PAGE /voice/budgets/{id:int}/vote", "Choose the projects you support</h1>").Get("/voice/budgets/2/vote")
            .Row(Anonymous, SignIn)
            .Row(Resident, OkContaining("name=\"Choices\""))
            .Row(Helper, OkLacking("name=\"Choices\""))
            .Row(Coordinator, OkLacking("name=\"Choices\""))
            .Row(Practitioner, OkLacking("name=\"Choices\""))
            .Row(SafeguardingLead, OkLacking("name=\"Choices\""))
            .Row(BudgetOfficer, OkLacking("name=\"Choices\""))
            .Row(ServiceManager, OkLacking("name=\"Choices\""))
            .Row(Admin, OkLacking("name=\"Choices\"")),
        // Without choices made on the first step, checking sends the voter back to it.
        SignedIn(new MatrixEntry("PAGE /voice/budgets/{id:int}/vote/check", "/voice/budgets/2/vote").Get("/voice/budgets/2/vote/check"), Redirect("/voice/budgets/2/vote")),
        SignedIn(new MatrixEntry("PAGE /voice/budgets/{id:int}/vote/done", "You have voted</h1>").Get("/voice/budgets/2/vote/done"), Ok),
        OfficerOnly(new MatrixEntry("PAGE /voice/budgets/new", "Set up a participatory budget</h1>").Get("/voice/budgets/new")),
        OfficerOnly(new MatrixEntry("PAGE /voice/budgets/{id:int}/projects/new", "Add a project to the ballot</h1>").Get("/voice/budgets/2/projects/new")),

        new MatrixEntry("GET /api/v1/voice/budgets", "\"phase\"").Get("/api/v1/voice/budgets").Everyone(Ok),
        new MatrixEntry("GET /api/v1/voice/budgets/{id:int}", "\"projects\"").Get("/api/v1/voice/budgets/2").Everyone(Ok),
        new MatrixEntry("GET /api/v1/voice/budgets/{id:int}/results", "\"winners\"").Get("/api/v1/voice/budgets/1/results").Everyone(Ok),
        new MatrixEntry("GET /api/v1/voice/budgets/{id:int}/election.pb", "VOTES").Get("/api/v1/voice/budgets/1/election.pb").Everyone(Ok),
        new MatrixEntry("POST /api/v1/voice/budgets/{id:int}/ballot", "Choose at least one project", 400)
            .PostJson(_ => "/api/v1/voice/budgets/2/ballot", _ => """{"choices":[]}""")
            .Row(Anonymous, SignIn)
            .Row(Resident, Ok)
            .Row(Helper, Denied)
            .Row(Coordinator, Denied)
            .Row(Practitioner, Denied)
            .Row(SafeguardingLead, Denied)
            .Row(BudgetOfficer, Denied)
            .Row(ServiceManager, Denied)
            .Row(Admin, Denied),
        OfficerOnly(new MatrixEntry("POST /api/v1/voice/budgets", "Enter a title", 400)
            .PostJson(_ => "/api/v1/voice/budgets", _ => """{"title":"","summary":"x","budgetPounds":1000,"format":"Approval","rule":"EqualSharesAdd1"}""")),
        OfficerOnly(new MatrixEntry("POST /api/v1/voice/budgets/{id:int}/projects", Problem404, 404)
            .PostJson(_ => "/api/v1/voice/budgets/0/projects", _ => """{"title":"Trees","description":"Trees","costPounds":100}""")),
    ];

    private static MatrixEntry SignedIn(MatrixEntry entry, Outcome outcome) =>
        entry.Row(Anonymous, SignIn).Row(Resident, outcome).Row(Helper, outcome).Row(Coordinator, outcome).Row(Practitioner, outcome)
            .Row(SafeguardingLead, outcome).Row(BudgetOfficer, outcome).Row(ServiceManager, outcome).Row(Admin, outcome);

    private static MatrixEntry OfficerOnly(MatrixEntry entry) =>
        entry
            .Row(Anonymous, SignIn)
            .Row(Resident, Denied)
            .Row(Helper, Denied)
            .Row(Coordinator, Denied)
            .Row(Practitioner, Denied)
            .Row(SafeguardingLead, Denied)
            .Row(BudgetOfficer, Ok)
            .Row(ServiceManager, Denied)
            .Row(Admin, Ok);
}
