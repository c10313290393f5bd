using static Connective.Web.Tests.Authorization.Caller;
using static Connective.Web.Tests.Authorization.Outcome;

namespace Connective.Web.Tests.Authorization;

/// <summary>Role management: Admins only. The POST grants a role the Helper already holds, so it changes nothing.</summary>
internal sealed class MatrixAdmin : IMatrixFeature
{
    public IEnumerable<MatrixEntry> Entries() =>
    [
        new MatrixEntry("PAGE /admin/roles", "Roles</h1>")
            .Get("/admin/roles")
            .Row(Anonymous, SignIn)
            .Row(Resident, Denied)
            .Row(Helper, Denied)
            .Row(Coordinator, Denied)
            .Row(Practitioner, Denied)
            .Row(SafeguardingLead, Denied)
            .Row(BudgetOfficer, Denied)
            .Row(ServiceManager, Denied)
            .Row(Admin, OkContaining("id=\"held-roles\""))
            .PostForm("/admin/roles", _ => "/admin/roles?handler=Grant", ids => new Dictionary<string, string>
            {
                ["Email"] = MatrixSession.EmailOf(Helper),
                ["Role"] = nameof(Helper),
                ["WardId"] = ids.WardAId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
            .Row(Anonymous, SignIn)
            .Row(Resident, Denied)
            .Row(Helper, Denied)
            .Row(Coordinator, Denied)
            .Row(Practitioner, Denied)
            .Row(SafeguardingLead, Denied)
            .Row(BudgetOfficer, Denied)
            .Row(ServiceManager, Denied)
            .Row(Admin, OkContaining("The account already holds that role there")),
    ];
}
