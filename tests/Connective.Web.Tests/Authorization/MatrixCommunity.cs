using static Connective.Web.Tests.Authorization.Caller;
using static Connective.Web.Tests.Authorization.Outcome;
using static Connective.Web.Tests.Authorization.Target;

namespace Connective.Web.Tests.Authorization;

/// <summary>
/// Community: ward figures are public. A named person's page: the person themself; a coordinator within their ward;
/// a practitioner only for people who consent to network insight; safeguarding leads and admins borough-wide.
/// </summary>
internal sealed class MatrixCommunity : IMatrixFeature
{
    internal const string NamedList = "id=\"residents\"";

    public IEnumerable<MatrixEntry> Entries() =>
    [
        new MatrixEntry("PAGE /community", "Wards and their networks</h1>").Get("/community").Everyone(Ok),
        new MatrixEntry("GET /api/v1/community/wards", "\"boroughNetwork\"").Get("/api/v1/community/wards").Everyone(Ok),
        new MatrixEntry("GET /api/v1/community/wards/{code}", "\"ageBands\"").Get(ids => $"/api/v1/community/wards/{ids.WardCode}", WardA, WardB).Everyone(Ok),

        // The ward page is public; its list of named residents only to coordinators of the ward, safeguarding leads and admins.
        new MatrixEntry("PAGE /community/wards/{code}", "Residents by age").Get(ids => $"/community/wards/{ids.WardCode}", WardA, WardB)
            .Row(Anonymous, OkLacking(NamedList), OkLacking(NamedList))
            .Row(Resident, OkLacking(NamedList), OkLacking(NamedList))
            .Row(Helper, OkLacking(NamedList), OkLacking(NamedList))
            .Row(Coordinator, OkContaining(NamedList), OkLacking(NamedList))
            .Row(Practitioner, OkLacking(NamedList), OkLacking(NamedList))
            .Row(SafeguardingLead, OkContaining(NamedList), OkContaining(NamedList))
            .Row(BudgetOfficer, OkLacking(NamedList), OkLacking(NamedList))
            .Row(ServiceManager, OkLacking(NamedList), OkLacking(NamedList))
            .Row(Admin, OkContaining(NamedList), OkContaining(NamedList)),

        //                                                                    Own     SameWard  SameWardNoConsent  OtherWard
        new MatrixEntry("PAGE /community/residents/{id:int}", "<h2 class=\"govuk-heading-m\">Ties</h2>")
            .Get(ids => $"/community/residents/{ids.Resident}", Own, SameWard, SameWardNoConsent, OtherWard)
            .Row(Anonymous, SignIn, SignIn, SignIn, SignIn)
            .Row(Resident, Ok, Denied, Denied, Denied)
            .Row(Helper, NA, Denied, Denied, Denied)
            .Row(Coordinator, NA, Ok, Ok, Denied)
            .Row(Practitioner, NA, Ok, Denied, Ok)
            .Row(SafeguardingLead, NA, Ok, Ok, Ok)
            .Row(BudgetOfficer, NA, Denied, Denied, Denied)
            .Row(ServiceManager, NA, Denied, Denied, Denied)
            .Row(Admin, NA, Ok, Ok, Ok),

        new MatrixEntry("GET /api/v1/community/residents/{id:int}", "\"ties\"")
            .Get(ids => $"/api/v1/community/residents/{ids.Resident}", Own, SameWard, SameWardNoConsent, OtherWard)
            .Row(Anonymous, SignIn, SignIn, SignIn, SignIn)
            .Row(Resident, Ok, Denied, Denied, Denied)
            .Row(Helper, NA, Denied, Denied, Denied)
            .Row(Coordinator, NA, Ok, Ok, Denied)
            .Row(Practitioner, NA, Ok, Denied, Ok)
            .Row(SafeguardingLead, NA, Ok, Ok, Ok)
            .Row(BudgetOfficer, NA, Denied, Denied, Denied)
            .Row(ServiceManager, NA, Denied, Denied, Denied)
            .Row(Admin, NA, Ok, Ok, Ok),
    ];
}
