using static Connective.Web.Tests.Authorization.Caller;
using static Connective.Web.Tests.Authorization.Outcome;

namespace Connective.Web.Tests.Authorization;

/// <summary>
/// Safeguarding enquiries: the SafeguardingLead only. The POST closes an enquiry that does not exist, so it changes
/// nothing and the lead is told so; opening and closing for real is tested in DataRights/SafeguardingEnquiryChecks.
/// </summary>
internal sealed class MatrixSafeguardingEnquiries : IMatrixFeature
{
    public IEnumerable<MatrixEntry> Entries() =>
    [
        new MatrixEntry("PAGE /safeguarding/enquiries", "Safeguarding enquiries</h1>")
            .Get("/safeguarding/enquiries")
            .Row(Anonymous, SignIn)
            .Row(Resident, Denied)
            .Row(Helper, Denied)
            .Row(Coordinator, Denied)
            .Row(Practitioner, Denied)
            .Row(SafeguardingLead, OkContaining("id=\"enquiries\""))
            .Row(BudgetOfficer, Denied)
            .Row(ServiceManager, Denied)
            .Row(Admin, Denied)
            .PostForm("/safeguarding/enquiries", _ => "/safeguarding/enquiries?handler=Close", _ => new Dictionary<string, string> { ["enquiryId"] = "0" })
            .Row(Anonymous, SignIn)
            .Row(Resident, Denied)
            .Row(Helper, Denied)
            .Row(Coordinator, Denied)
            .Row(Practitioner, Denied)
            .Row(SafeguardingLead, OkContaining("There is no open enquiry 0"))
            .Row(BudgetOfficer, Denied)
            .Row(ServiceManager, Denied)
            .Row(Admin, Denied),
    ];
}
