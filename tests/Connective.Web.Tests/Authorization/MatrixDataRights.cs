using static Connective.Web.Tests.Authorization.Caller;
using static Connective.Web.Tests.Authorization.Outcome;

namespace Connective.Web.Tests.Authorization;

/// <summary>
/// A person's own details and data rights: every signed-in person, about themselves only (no id in the route). The
/// matrix never posts the erasure form, so the demo accounts survive; erasure is tested in Residents/.
/// </summary>
internal sealed class MatrixDataRights : IMatrixFeature
{
    public IEnumerable<MatrixEntry> Entries() =>
    [
        new MatrixEntry("PAGE /account/details", "Your details</h1>").Get("/account/details").Row(Anonymous, SignIn)
            .Row(Resident, OkLacking("Save your details")).Row(Helper, OkContaining("Save your details")).Row(Coordinator, OkContaining("Save your details"))
            .Row(Practitioner, OkContaining("Save your details")).Row(SafeguardingLead, OkContaining("Save your details"))
            .Row(BudgetOfficer, OkContaining("Save your details")).Row(ServiceManager, OkContaining("Save your details")).Row(Admin, OkContaining("Save your details")),
        new MatrixEntry("PAGE /account/my-data", "Your data</h1>").Get("/account/my-data").Row(Anonymous, SignIn)
            .Row(Resident, Ok).Row(Helper, Ok).Row(Coordinator, Ok).Row(Practitioner, Ok).Row(SafeguardingLead, Ok)
            .Row(BudgetOfficer, Ok).Row(ServiceManager, Ok).Row(Admin, Ok),
        new MatrixEntry("PAGE /account/my-data/erase", "Erase your data</h1>").Get("/account/my-data/erase").Row(Anonymous, SignIn)
            .Row(Resident, Ok).Row(Helper, Ok).Row(Coordinator, Ok).Row(Practitioner, Ok).Row(SafeguardingLead, Ok)
            .Row(BudgetOfficer, Ok).Row(ServiceManager, Ok).Row(Admin, Ok),
    ];
}
