using static Connective.Web.Tests.Authorization.Caller;
using static Connective.Web.Tests.Authorization.Outcome;
using static Connective.Web.Tests.Authorization.Target;

namespace Connective.Web.Tests.Authorization;

/// <summary>
/// Residents without a login: coordinators (for the wards they cover) and admins open the pages; only a coordinator
/// can act for a resident (ProxyContext refuses anyone else, tested in Residents/). Everyone else is denied.
/// </summary>
internal sealed class MatrixResidents : IMatrixFeature
{
    public IEnumerable<MatrixEntry> Entries() =>
    [
        new MatrixEntry("PAGE /residents", "Residents without a login</h1>").Get("/residents").Row(Anonymous, SignIn)
            .Row(Resident, Denied).Row(Helper, Denied).Row(Coordinator, Ok).Row(Practitioner, Denied).Row(SafeguardingLead, Denied)
            .Row(BudgetOfficer, Denied).Row(ServiceManager, Denied).Row(Admin, Ok),
        new MatrixEntry("PAGE /residents/new", "Add a resident without a login</h1>").Get("/residents/new").Row(Anonymous, SignIn)
            .Row(Resident, Denied).Row(Helper, Denied).Row(Coordinator, Ok).Row(Practitioner, Denied).Row(SafeguardingLead, Denied)
            .Row(BudgetOfficer, Denied).Row(ServiceManager, Denied).Row(Admin, Ok),

        //                                                                    Own     SameWard  SameWardNoConsent  OtherWard
        new MatrixEntry("PAGE /residents/{id:int}/phone-consent", "Consent on the phone</h1>")
            .Get(ids => $"/residents/{ids.Resident}/phone-consent", Own, SameWard, SameWardNoConsent, OtherWard)
            .Row(Anonymous, SignIn, SignIn, SignIn, SignIn)
            .Row(Resident, Denied, Denied, Denied, Denied)
            .Row(Helper, NA, Denied, Denied, Denied)
            .Row(Coordinator, NA, Ok, Ok, Denied)
            .Row(Practitioner, NA, Denied, Denied, Denied)
            .Row(SafeguardingLead, NA, Denied, Denied, Denied)
            .Row(BudgetOfficer, NA, Denied, Denied, Denied)
            .Row(ServiceManager, NA, Denied, Denied, Denied)
            .Row(Admin, NA, Ok, Ok, Ok),
        new MatrixEntry("PAGE /residents/{id:int}/act-for", "data-testid=\"acting-for\"")
            .Get(ids => $"/residents/{ids.Resident}/act-for", Own, SameWard, SameWardNoConsent, OtherWard)
            .Row(Anonymous, SignIn, SignIn, SignIn, SignIn)
            .Row(Resident, Denied, Denied, Denied, Denied)
            .Row(Helper, NA, Denied, Denied, Denied)
            .Row(Coordinator, NA, Ok, Ok, Denied)
            .Row(Practitioner, NA, Denied, Denied, Denied)
            .Row(SafeguardingLead, NA, Denied, Denied, Denied)
            .Row(BudgetOfficer, NA, Denied, Denied, Denied)
            .Row(ServiceManager, NA, Denied, Denied, Denied)
            .Row(Admin, NA, Ok, Ok, Ok),
    ];
}
