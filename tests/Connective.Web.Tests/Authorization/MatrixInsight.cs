using static Connective.Web.Tests.Authorization.Caller;
using static Connective.Web.Tests.Authorization.Outcome;
using static Connective.Web.Tests.Authorization.Target;

namespace Connective.Web.Tests.Authorization;

/// <summary>
/// Insight: staff who may see named people (practitioner, coordinator, safeguarding lead, admin), each within their
/// role's wards (the demo coordinator covers ward A only; the others the borough). A person appears only with consent
/// to network insight, so the person routes refuse SameWardNoConsent to everyone.
/// </summary>
internal sealed class MatrixInsight : IMatrixFeature
{
    public IEnumerable<MatrixEntry> Entries() =>
    [
        Staff(new MatrixEntry("PAGE /insight", "Insight</h1>").Get("/insight")),
        Staff(new MatrixEntry("PAGE /insight/isolation", "Isolation and risk</h1>").Get("/insight/isolation")),
        Staff(new MatrixEntry("PAGE /insight/check-ins", "Check-ins after a bereavement</h1>").Get("/insight/check-ins")),
        Staff(new MatrixEntry("PAGE /insight/map", "Network map</h1>").Get("/insight/map")),
        Staff(new MatrixEntry("GET /api/v1/insight/summary", "\"coverage\"").Get("/api/v1/insight/summary")),
        Staff(new MatrixEntry("GET /api/v1/insight/isolation", "\"people\"").Get("/api/v1/insight/isolation")),
        Staff(new MatrixEntry("GET /api/v1/insight/check-ins", "\"checkInDays\"").Get("/api/v1/insight/check-ins")),
        Staff(new MatrixEntry("GET /api/v1/insight/map/search", "[").Get("/api/v1/insight/map/search?q=an")),

        Ward(new MatrixEntry("PAGE /insight/wards/{code}", "Communities</h2>").Get(ids => $"/insight/wards/{ids.WardCode}", WardA, WardB)),
        Ward(new MatrixEntry("GET /api/v1/insight/wards/{code}", "\"bridges\"").Get(ids => $"/api/v1/insight/wards/{ids.WardCode}", WardA, WardB)),
        Ward(new MatrixEntry("GET /api/v1/insight/wards/{code}/brokers", "\"people\"").Get(ids => $"/api/v1/insight/wards/{ids.WardCode}/brokers", WardA, WardB)),
        Ward(new MatrixEntry("GET /api/v1/insight/map", "\"nodes\"").Get(ids => $"/api/v1/insight/map?ward={ids.WardCode}", WardA, WardB)),

        Person(new MatrixEntry("PAGE /insight/people/{id:int}", "data-testid=\"insight-person\"")
            .Get(ids => $"/insight/people/{ids.Resident}", Own, SameWard, SameWardNoConsent, OtherWard)),
        Person(new MatrixEntry("GET /api/v1/insight/people/{id:int}", "\"withinThreeSteps\"")
            .Get(ids => $"/api/v1/insight/people/{ids.Resident}", Own, SameWard, SameWardNoConsent, OtherWard)),
        Person(new MatrixEntry("POST /api/v1/insight/life-events", "\"residentId\"", allowedStatus: 201)
            .PostJson(ids => "/api/v1/insight/life-events", ids => LifeEvent(ids.Resident), Own, SameWard, SameWardNoConsent, OtherWard)),
    ];

    private static string LifeEvent(int residentId) =>
        $"{{\"residentId\":{residentId},\"kind\":\"HospitalDischarge\",\"occurredOn\":\"{DateTime.UtcNow.AddDays(-3):yyyy-MM-dd}\"}}";

    private static MatrixEntry Staff(MatrixEntry entry) => entry
        .Row(Anonymous, SignIn)
        .Row(Resident, Denied)
        .Row(Helper, Denied)
        .Row(Coordinator, Ok)
        .Row(Practitioner, Ok)
        .Row(SafeguardingLead, Ok)
        .Row(BudgetOfficer, Denied)
        .Row(ServiceManager, Denied)
        .Row(Admin, Ok);

    //                                               WardA   WardB
    private static MatrixEntry Ward(MatrixEntry entry) => entry
        .Row(Anonymous, SignIn, SignIn)
        .Row(Resident, Denied, Denied)
        .Row(Helper, Denied, Denied)
        .Row(Coordinator, Ok, Denied)
        .Row(Practitioner, Ok, Ok)
        .Row(SafeguardingLead, Ok, Ok)
        .Row(BudgetOfficer, Denied, Denied)
        .Row(ServiceManager, Denied, Denied)
        .Row(Admin, Ok, Ok);

    //                                                  Own     SameWard  SameWardNoConsent  OtherWard
    private static MatrixEntry Person(MatrixEntry entry) => entry
        .Row(Anonymous, SignIn, SignIn, SignIn, SignIn)
        .Row(Resident, Denied, Denied, Denied, Denied)
        .Row(Helper, NA, Denied, Denied, Denied)
        .Row(Coordinator, NA, Ok, Denied, Denied)
        .Row(Practitioner, NA, Ok, Denied, Ok)
        .Row(SafeguardingLead, NA, Ok, Denied, Ok)
        .Row(BudgetOfficer, NA, Denied, Denied, Denied)
        .Row(ServiceManager, NA, Denied, Denied, Denied)
        .Row(Admin, NA, Ok, Denied, Ok);
}
