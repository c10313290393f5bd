using static Connective.Web.Tests.Authorization.Caller;
using static Connective.Web.Tests.Authorization.Outcome;

namespace Connective.Web.Tests.Authorization;

/// <summary>
/// Role management and mail delivery: Admins only. The roles POST grants a role the Helper already holds, so it changes
/// nothing; the mail POST sends given-up mail again (none in the demo), so it changes nothing either.
/// </summary>
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
        new MatrixEntry("PAGE /admin/jobs", "Scheduled jobs</h1>")
            .Get("/admin/jobs")
            .Row(Anonymous, SignIn)
            .Row(Resident, Denied)
            .Row(Helper, Denied)
            .Row(Coordinator, Denied)
            .Row(Practitioner, Denied)
            .Row(SafeguardingLead, Denied)
            .Row(BudgetOfficer, Denied)
            .Row(ServiceManager, Denied)
            .Row(Admin, OkContaining("Each job runs on one instance at a time")),
        new MatrixEntry("PAGE /admin/mail", "Mail delivery</h1>")
            .Get("/admin/mail")
            .Row(Anonymous, SignIn)
            .Row(Resident, Denied)
            .Row(Helper, Denied)
            .Row(Coordinator, Denied)
            .Row(Practitioner, Denied)
            .Row(SafeguardingLead, Denied)
            .Row(BudgetOfficer, Denied)
            .Row(ServiceManager, Denied)
            .Row(Admin, OkContaining("Waiting to be sent"))
            .PostForm("/admin/mail", _ => "/admin/mail?handler=Retry", _ => new Dictionary<string, string>())
            .Row(Anonymous, SignIn)
            .Row(Resident, Denied)
            .Row(Helper, Denied)
            .Row(Coordinator, Denied)
            .Row(Practitioner, Denied)
            .Row(SafeguardingLead, Denied)
            .Row(BudgetOfficer, Denied)
            .Row(ServiceManager, Denied)
            .Row(Admin, Redirect("/admin/mail?done=retried")),
    ];
}
