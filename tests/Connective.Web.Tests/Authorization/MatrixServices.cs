using Connective.Web.Features.Services;
using static Connective.Web.Tests.Authorization.Caller;
using static Connective.Web.Tests.Authorization.Outcome;

namespace Connective.Web.Tests.Authorization;

/// <summary>
/// Services: the directory, its Open Referral UK feed, search, dashboards and the pilots ledger are public; rating,
/// reporting and suggesting a correction need a sign-in; managing (replies, pilots, moderation, import) is for service
/// managers and admins. Dashboards are exact for those two and published under disclosure control for everyone else.
/// Writes are requested with bodies or ids that are refused after the access check (400 or 404), so the matrix changes no data.
/// </summary>
internal sealed class MatrixServices : IMatrixFeature
{
    private const string Hsds = "/api/v1/services/hsds";
    private const string Problem404 = "\"status\":404";
    private const string ExactMarker = "Exact figures, for staff.";
    private const string ExactJson = "\"exact\":true";
    private static readonly string Known = ServicesDemoSeed.KnownServiceId.ToString();

    public IEnumerable<MatrixEntry> Entries() =>
    [
        new MatrixEntry("PAGE /services", "Find a service</h1>").Get("/services?q=food").Everyone(Ok),
        new MatrixEntry("PAGE /services/{id:guid}", "Rate this service</a>").Get($"/services/{Known}").Everyone(Ok),
        new MatrixEntry("PAGE /services/{id:guid}/feedback", "How was it?").Get($"/services/{Known}/feedback").AnyoneSignedIn(Ok),
        new MatrixEntry("PAGE /services/{id:guid}/report", "What happened?").Get($"/services/{Known}/report").AnyoneSignedIn(Ok),
        new MatrixEntry("PAGE /services/{id:guid}/correct", "What should it say?").Get($"/services/{Known}/correct").AnyoneSignedIn(Ok),
        Exactness(new MatrixEntry("PAGE /services/{id:guid}/dashboard", "id=\"table-ratings\"").Get($"/services/{Known}/dashboard"), ExactMarker),
        new MatrixEntry("PAGE /services/wards", "Dashboards by ward</h1>").Get("/services/wards").Everyone(Ok),
        Exactness(new MatrixEntry("PAGE /services/wards/{code}/dashboard", "id=\"table-response\"").Get(ids => $"/services/wards/{ids.WardCode}/dashboard", Target.WardA), ExactMarker),
        new MatrixEntry("PAGE /services/pilots", "id=\"ledger\"").Get("/services/pilots").Everyone(Ok),
        ManagersOnly(new MatrixEntry("PAGE /services/manage", "Overdue replies").Get("/services/manage")),

        // The live dashboards' SignalR hub: anyone may listen (it only ever says "changed"; figures come from the pages).
        new MatrixEntry("ANY /services/live/negotiate", "\"connectionToken\"").PostJson(_ => "/services/live/negotiate?negotiateVersion=1", _ => "{}").Everyone(Ok),
        new MatrixEntry("ANY /services/live", "Connection ID required", 400).Get("/services/live").Everyone(Ok),

        new MatrixEntry("GET /api/v1/services/hsds", "\"version\":\"3.0\"").Get(Hsds).Everyone(Ok),
        new MatrixEntry("GET /api/v1/services/hsds/services", "\"total_items\"").Get(Hsds + "/services").Everyone(Ok),
        new MatrixEntry("GET /api/v1/services/hsds/services/{id:guid}", "\"service_at_locations\"").Get($"{Hsds}/services/{Known}").Everyone(Ok),
        new MatrixEntry("GET /api/v1/services/hsds/organizations", "\"total_items\"").Get(Hsds + "/organizations").Everyone(Ok),
        new MatrixEntry("GET /api/v1/services/hsds/organizations/{id:guid}", Problem404, 404).Get($"{Hsds}/organizations/{Guid.Empty}").Everyone(Ok),
        new MatrixEntry("GET /api/v1/services/hsds/service_at_locations", "\"total_items\"").Get(Hsds + "/service_at_locations").Everyone(Ok),
        new MatrixEntry("GET /api/v1/services/hsds/service_at_locations/{id:guid}", Problem404, 404).Get($"{Hsds}/service_at_locations/{Guid.Empty}").Everyone(Ok),
        new MatrixEntry("GET /api/v1/services/hsds/taxonomies", "\"total_items\"").Get(Hsds + "/taxonomies").Everyone(Ok),
        new MatrixEntry("GET /api/v1/services/hsds/taxonomies/{id:guid}", Problem404, 404).Get($"{Hsds}/taxonomies/{Guid.Empty}").Everyone(Ok),
        new MatrixEntry("GET /api/v1/services/hsds/taxonomy_terms", "\"total_items\"").Get(Hsds + "/taxonomy_terms").Everyone(Ok),
        new MatrixEntry("GET /api/v1/services/hsds/taxonomy_terms/{id:guid}", Problem404, 404).Get($"{Hsds}/taxonomy_terms/{Guid.Empty}").Everyone(Ok),
        new MatrixEntry("GET /api/v1/services/hsds/export", "\"taxonomy_terms\"").Get(Hsds + "/export").Everyone(Ok),
        ManagersOnly(new MatrixEntry("POST /api/v1/services/hsds/import", "$.services[0].status", 400)
            .PostJson(_ => Hsds + "/import", _ => """{"services":[{"id":"5e41ce00-0000-4000-8000-0000000000ff","name":"X","status":"open"}]}""")),

        new MatrixEntry("GET /api/v1/services/search", "\"score\"").Get("/api/v1/services/search?q=food").Everyone(Ok),
        new MatrixEntry("GET /api/v1/services/{id:guid}/feedback", "[").Get($"/api/v1/services/{Known}/feedback").Everyone(Ok),
        new MatrixEntry("GET /api/v1/services/{id:guid}/problems", "[").Get($"/api/v1/services/{Known}/problems").Everyone(Ok),
        Exactness(new MatrixEntry("GET /api/v1/services/{id:guid}/dashboard", "\"months\"").Get($"/api/v1/services/{Known}/dashboard"), ExactJson),
        Exactness(new MatrixEntry("GET /api/v1/services/wards/{code}/dashboard", "\"months\"").Get(ids => $"/api/v1/services/wards/{ids.WardCode}/dashboard", Target.WardA), ExactJson),
        new MatrixEntry("GET /api/v1/services/{id:guid}/history", "[").Get($"/api/v1/services/{Known}/history").Everyone(Ok),
        new MatrixEntry("GET /api/v1/services/pilots", "\"hypothesis\"").Get("/api/v1/services/pilots").Everyone(Ok),

        new MatrixEntry("POST /api/v1/services/{id:guid}/feedback", "\"status\":400", 400).PostJson(_ => $"/api/v1/services/{Known}/feedback", _ => """{"rating":0}""").AnyoneSignedIn(Ok),
        new MatrixEntry("POST /api/v1/services/{id:guid}/problems", "\"status\":400", 400)
            .PostJson(_ => $"/api/v1/services/{Known}/problems", _ => """{"category":"Other","description":""}""").AnyoneSignedIn(Ok),
        new MatrixEntry("POST /api/v1/services/{id:guid}/corrections", "\"status\":400", 400)
            .PostJson(_ => $"/api/v1/services/{Known}/corrections", _ => """{"field":"Email","proposedValue":""}""").AnyoneSignedIn(Ok),

        ManagersOnly(new MatrixEntry("GET /api/v1/services/manage/overdue", "\"dueAt\"").Get("/api/v1/services/manage/overdue")),
        ManagersOnly(new MatrixEntry("POST /api/v1/services/manage/feedback/{id:long}/reply", Problem404, 404)
            .PostJson(_ => "/api/v1/services/manage/feedback/0/reply", _ => """{"reply":"Thank you"}""")),
        ManagersOnly(new MatrixEntry("POST /api/v1/services/manage/problems/{id:long}/response", Problem404, 404)
            .PostJson(_ => "/api/v1/services/manage/problems/0/response", _ => """{"status":"Fixed","response":"Done"}""")),
        ManagersOnly(new MatrixEntry("POST /api/v1/services/manage/pilots", "\"status\":400", 400)
            .PostJson(_ => "/api/v1/services/manage/pilots", _ => $$"""{"serviceId":"{{Known}}","title":"T","hypothesis":"H","budgetPence":0,"startsOn":"2099-01-01T00:00:00Z","reviewOn":"2099-06-01T00:00:00Z","measures":[]}""")),
        ManagersOnly(new MatrixEntry("POST /api/v1/services/manage/pilots/{id:long}/decision", Problem404, 404)
            .PostJson(_ => "/api/v1/services/manage/pilots/0/decision", _ => """{"decision":"Stop","reasons":"No use"}""")),
        ManagersOnly(new MatrixEntry("GET /api/v1/services/manage/corrections", "\"proposedValue\"").Get("/api/v1/services/manage/corrections")),
        ManagersOnly(new MatrixEntry("POST /api/v1/services/manage/corrections/{id:long}/decision", Problem404, 404)
            .PostJson(_ => "/api/v1/services/manage/corrections/0/decision", _ => """{"accept":false,"reason":"Wrong"}""")),
    ];

    /// <summary>Public to all; exact figures (the marker) only for service managers and admins.</summary>
    private static MatrixEntry Exactness(MatrixEntry entry, string exact) =>
        entry
            .Row(Anonymous, OkLacking(exact))
            .Row(Resident, OkLacking(exact))
            .Row(Helper, OkLacking(exact))
            .Row(Coordinator, OkLacking(exact))
            .Row(Practitioner, OkLacking(exact))
            .Row(SafeguardingLead, OkLacking(exact))
            .Row(BudgetOfficer, OkLacking(exact))
            .Row(ServiceManager, OkContaining(exact))
            .Row(Admin, OkContaining(exact));

    private static MatrixEntry ManagersOnly(MatrixEntry entry) =>
        entry
            .Row(Anonymous, SignIn)
            .Row(Resident, Denied)
            .Row(Helper, Denied)
            .Row(Coordinator, Denied)
            .Row(Practitioner, Denied)
            .Row(SafeguardingLead, Denied)
            .Row(BudgetOfficer, Denied)
            .Row(ServiceManager, Ok)
            .Row(Admin, Ok);
}
