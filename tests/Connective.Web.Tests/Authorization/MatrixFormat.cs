using System.Diagnostics.CodeAnalysis;

namespace Connective.Web.Tests.Authorization;

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────────
// THE AUTHORIZATION MATRIX: how to add entries
//
// Every endpoint in the app's EndpointDataSource needs exactly one entry, or AuthorizationMatrixChecks fails with
// "no matrix entry for …". Entries live in one file per feature: Authorization/Matrix<Feature>.cs holding a
// `sealed class Matrix<Feature> : IMatrixFeature`. The test finds every IMatrixFeature by reflection, so adding a file
// is all it takes (no list to edit, no merge conflicts between branches).
//
// An entry is keyed by what the endpoint data source says:
//   "PAGE /route/{pattern}"            a Razor Page (any verb; its GET, and any POST you list, are requested)
//   "GET /api/v1/route/{id:int}"       a minimal API endpoint: its HTTP methods (comma-separated, sorted) + route pattern
//   "ANY /health/live"                 an endpoint without method metadata (health checks)
// The test prints the exact keys it found, so copy the key from a failing run if in doubt.
//
// Each entry then says, for every caller, what each request gets:
//   Callers:  Anonymous, Resident, Helper, Coordinator, Practitioner, SafeguardingLead, BudgetOfficer, ServiceManager,
//             Admin (the demo accounts `<role>@demo.connective.example`; Helper and Coordinator are scoped to ward A,
//             the demo Resident's ward; the other staff roles are borough-wide).
//   Targets:  routes with a resource id are requested once per target, all from the seeded demo borough
//             (MatrixIds): Own (the caller's own resident record; only the Resident has one, so other callers put NA),
//             SameWard (another resident of ward A, who consents to network insight), SameWardNoConsent (a resident of
//             ward A without that consent), OtherWard (a consenting resident of ward B). Ward routes use WardA / WardB.
//   Outcomes: Ok (2xx, exactly the entry's status, 200 unless said, AND the entry's content marker in the body),
//             OkContaining("…") / OkLacking("…") (Ok plus one more marker present / absent: e.g. a list only staff see),
//             SignIn (pages: 302 to /account/sign-in; API: 401), Denied (pages: 302 to /account/access-denied; API: 403),
//             Redirect("/path") (302 to that path), NA (caller has no such resource: not requested).
//             404 and 500 never count as denied: a denial must be one of the two forms above.
//
//   new MatrixEntry("PAGE /community/residents/{id:int}", marker: "<h2 class=\"govuk-heading-m\">Ties</h2>")
//       .Get(ids => $"/community/residents/{ids.Resident}", Own, SameWard, SameWardNoConsent, OtherWard)
//       .Row(Anonymous,    SignIn, SignIn, SignIn, SignIn)
//       .Row(Resident,     Ok,     Denied, Denied, Denied)
//       … one Row per caller, one outcome per target, in the order the targets were listed …
//   new MatrixEntry("PAGE /privacy", marker: "Privacy notice").Get("/privacy").Everyone(Ok)
//
// An entry can list several requests (a page's GET, then a POST to its handler): the rows after a request belong to
// it. A form POST is .PostForm(formPage, path, fields) (the antiforgery token is read from formPage first, in the same
// session); a JSON POST to a minimal API is .PostJson(path, json), and PUT or DELETE is .SendJson(method, path, json). See MatrixAccount.cs (the consent page).
// Requests run in the order listed, each caller with its own signed-in session; never sign that session out.
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────────

/// <summary>A file of matrix entries for one feature; found by reflection.</summary>
internal interface IMatrixFeature
{
    IEnumerable<MatrixEntry> Entries();
}

/// <summary>Who makes the request: anonymous, or signed in as the demo account of a role.</summary>
internal enum Caller
{
    Anonymous,
    Resident,
    Helper,
    Coordinator,
    Practitioner,
    SafeguardingLead,
    BudgetOfficer,
    ServiceManager,
    Admin,
}

/// <summary>Which seeded record a resource route is requested for (see the comment at the top of this file).</summary>
internal enum Target
{
    /// <summary>A route without a resource id.</summary>
    None,
    Own,
    SameWard,
    SameWardNoConsent,
    OtherWard,
    WardA,
    WardB,
}

/// <summary>The expected outcome of one request.</summary>
internal sealed record Outcome(string Kind, string? Detail = null, bool DetailPresent = true)
{
    public static readonly Outcome Ok = new("Ok");
    public static readonly Outcome SignIn = new("SignIn");
    public static readonly Outcome Denied = new("Denied");
    public static readonly Outcome NA = new("NA");

    public static Outcome OkContaining(string marker) => new("Ok", marker, DetailPresent: true);

    public static Outcome OkLacking(string marker) => new("Ok", marker, DetailPresent: false);

    public static Outcome Redirect(string path) => new("Redirect", path);

    public bool IsAllowed => Kind == "Ok";

    public override string ToString() => Detail is null ? Kind : $"{Kind}({(DetailPresent ? "" : "without ")}{Detail})";
}

/// <summary>The ids of the seeded records a request can name, resolved per target.</summary>
internal sealed record MatrixIds(
    int OwnResidentId, int SameWardResidentId, int SameWardNoConsentResidentId, int OtherWardResidentId,
    string WardACode, string WardBCode, int WardAId, int WardBId)
{
    /// <summary>The target of the request being built.</summary>
    public Target Current { get; init; }

    /// <summary>The resident id for the current target.</summary>
    public int Resident => Current switch
    {
        Target.Own => OwnResidentId,
        Target.SameWard => SameWardResidentId,
        Target.SameWardNoConsent => SameWardNoConsentResidentId,
        Target.OtherWard => OtherWardResidentId,
        _ => throw new InvalidOperationException($"Target {Current} is not a resident."),
    };

    /// <summary>The ward code for the current target (WardA/WardB; a resident target gives the resident's ward).</summary>
    public string WardCode => Current is Target.OtherWard or Target.WardB ? WardBCode : WardACode;

    /// <summary>The ward id for the current target.</summary>
    public int WardId => Current is Target.OtherWard or Target.WardB ? WardBId : WardAId;
}

/// <summary>One request an entry makes, per target.</summary>
internal sealed record MatrixRequest(
    HttpMethod Method, Func<MatrixIds, string> Path, IReadOnlyList<Target> Targets,
    Func<MatrixIds, IReadOnlyDictionary<string, string>>? Form = null, string? FormPage = null, Func<MatrixIds, string>? Json = null)
{
    public Dictionary<Caller, Outcome[]> Rows { get; } = [];
}

/// <summary>An endpoint's entry: its key, what an allowed response contains, and the requests with their rows.</summary>
[SuppressMessage("Naming", "CA1711", Justification = "Entry is the word the format uses.")]
internal sealed class MatrixEntry(string key, string marker, int allowedStatus = 200)
{
    private MatrixRequest? _current;

    public string Key { get; } = key;

    /// <summary>Text every allowed response contains (HTML or JSON), so a 200 error page never passes as allowed.</summary>
    public string Marker { get; } = marker;

    public int AllowedStatus { get; } = allowedStatus;

    public List<MatrixRequest> Requests { get; } = [];

    public MatrixEntry Get(string path) => Add(new MatrixRequest(HttpMethod.Get, _ => path, [Target.None]));

    public MatrixEntry Get(Func<MatrixIds, string> path, params Target[] targets) =>
        Add(new MatrixRequest(HttpMethod.Get, path, targets.Length == 0 ? [Target.None] : targets));

    public MatrixEntry PostForm(string formPage, Func<MatrixIds, string> path, Func<MatrixIds, IReadOnlyDictionary<string, string>> fields, params Target[] targets) =>
        Add(new MatrixRequest(HttpMethod.Post, path, targets.Length == 0 ? [Target.None] : targets, fields, formPage));

    public MatrixEntry PostJson(Func<MatrixIds, string> path, Func<MatrixIds, string> json, params Target[] targets) =>
        Add(new MatrixRequest(HttpMethod.Post, path, targets.Length == 0 ? [Target.None] : targets, Json: json));

    /// <summary>A JSON request with another verb (PUT, DELETE) to a minimal API.</summary>
    public MatrixEntry SendJson(HttpMethod method, Func<MatrixIds, string> path, Func<MatrixIds, string> json, params Target[] targets) =>
        Add(new MatrixRequest(method, path, targets.Length == 0 ? [Target.None] : targets, Json: json));

    /// <summary>The outcomes for one caller of the request listed last, one per target in the order listed.</summary>
    public MatrixEntry Row(Caller caller, params Outcome[] outcomes)
    {
        var request = _current ?? throw new InvalidOperationException($"{Key}: list a request (Get/Post…) before its rows.");
        if (!request.Rows.TryAdd(caller, outcomes))
        {
            throw new InvalidOperationException($"{Key}: two rows for {caller}.");
        }
        return this;
    }

    /// <summary>The same outcome for every caller and every target (a public page).</summary>
    public MatrixEntry Everyone(Outcome outcome)
    {
        foreach (var caller in Enum.GetValues<Caller>())
        {
            Row(caller, Repeated(outcome));
        }
        return this;
    }

    /// <summary>Anonymous callers are sent to sign in; every signed-in caller gets <paramref name="signedIn"/> for every target.</summary>
    public MatrixEntry AnyoneSignedIn(Outcome signedIn)
    {
        Row(Caller.Anonymous, Repeated(Outcome.SignIn));
        foreach (var caller in Enum.GetValues<Caller>().Where(caller => caller != Caller.Anonymous))
        {
            Row(caller, Repeated(signedIn));
        }
        return this;
    }

    private Outcome[] Repeated(Outcome outcome) => [.. Enumerable.Repeat(outcome, _current?.Targets.Count ?? 1)];

    private MatrixEntry Add(MatrixRequest request)
    {
        Requests.Add(request);
        _current = request;
        return this;
    }
}
