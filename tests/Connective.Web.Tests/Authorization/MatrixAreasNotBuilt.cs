using static Connective.Web.Tests.Authorization.Outcome;

namespace Connective.Web.Tests.Authorization;

/// <summary>
/// The placeholder pages of areas not built yet, open to everyone. A branch that builds an area moves its entry from
/// here to its own Matrix&lt;Area&gt;.cs (delete the line here, so the two never both hold the key).
/// </summary>
internal sealed class MatrixAreasNotBuilt : IMatrixFeature
{
    internal const string NotBuilt = "is not built yet.";

    public IEnumerable<MatrixEntry> Entries() =>
    [
        new MatrixEntry("PAGE /services", NotBuilt).Get("/services").Everyone(Ok),
        new MatrixEntry("PAGE /insight", NotBuilt).Get("/insight").Everyone(Ok),
        new MatrixEntry("PAGE /open", NotBuilt).Get("/open").Everyone(Ok),
    ];
}
