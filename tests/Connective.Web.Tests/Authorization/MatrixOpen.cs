using static Connective.Web.Tests.Authorization.Caller;
using static Connective.Web.Tests.Authorization.Outcome;

namespace Connective.Web.Tests.Authorization;

/// <summary>
/// The open data portal: every page and download is open to everyone, signed in or not; only Budget officers and Admins
/// upload. An upload the matrix sends is a JSON body, not a CSV with the dataset's header, so officers reach the
/// handler and get its validation problem (nothing is written).
/// </summary>
internal sealed class MatrixOpen : IMatrixFeature
{
    public IEnumerable<MatrixEntry> Entries() =>
    [
        new MatrixEntry("PAGE /open", "Open data</h1>").Get("/open").Everyone(Ok),
        new MatrixEntry("PAGE /open/datasets/{dataset}", "Data dictionary").Get("/open/datasets/spending-over-500").Everyone(Ok),
        Officers(new MatrixEntry("PAGE /open/upload", "Upload open data</h1>").Get("/open/upload")),

        new MatrixEntry("GET /api/v1/open/catalogue", "dcat:Catalog").Get("/api/v1/open/catalogue").Everyone(Ok),
        new MatrixEntry("GET /api/v1/open/datasets", "\"spending-over-500\"").Get("/api/v1/open/datasets").Everyone(Ok),
        new MatrixEntry("GET /api/v1/open/datasets/{dataset}", "\"history\"").Get("/api/v1/open/datasets/grants").Everyone(Ok),
        new MatrixEntry("GET /api/v1/open/datasets/{dataset}/data.csv", "date,department,supplier,purpose,amount").Get("/api/v1/open/datasets/spending-over-500/data.csv").Everyone(Ok),
        new MatrixEntry("GET /api/v1/open/datasets/{dataset}/data.json", "\"reference\"").Get("/api/v1/open/datasets/grants/data.json").Everyone(Ok),
        new MatrixEntry("GET /api/v1/open/datasets/{dataset}/data.csv-metadata.json", "\"tableSchema\"").Get("/api/v1/open/datasets/contracts/data.csv-metadata.json").Everyone(Ok),
        new MatrixEntry("GET /api/v1/open/contracts/ocds", "\"releases\"").Get("/api/v1/open/contracts/ocds").Everyone(Ok),
        new MatrixEntry("GET /api/v1/open/grants/360giving", "\"grants\"").Get("/api/v1/open/grants/360giving").Everyone(Ok),
        Officers(new MatrixEntry("POST /api/v1/open/uploads/{dataset}", "\"status\":400", 400).PostJson(_ => "/api/v1/open/uploads/grants", _ => "{}")),
    ];

    private static MatrixEntry Officers(MatrixEntry entry) =>
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
