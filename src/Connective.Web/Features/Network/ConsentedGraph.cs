using Connective.Graph;
using Connective.Web.Data;

namespace Connective.Web.Features.Network;

/// <summary>One of a person's ties that both people allow to be used for a purpose.</summary>
public sealed record ConsentedTie(int OtherResidentId, TieKind Kind, double Weight);

/// <summary>
/// The community's ties that may be used for one purpose: a person is included only with current consent to it, and a
/// tie only when both people are. Node id is resident id (0..largest id), so no mapping is needed; people without
/// consent, and ids that belong to no one, are present but have no ties. Immutable: a change builds a new one.
/// </summary>
public sealed class ConsentedGraph
{
    private readonly bool[] _included;

    private ConsentedGraph(ConsentPurpose purpose, long version, CsrGraph graph, bool[] included, int residentCount)
    {
        Purpose = purpose;
        Version = version;
        Graph = graph;
        _included = included;
        ResidentCount = residentCount;
    }

    public ConsentPurpose Purpose { get; }

    /// <summary>The network version (see <see cref="NetworkVersion"/>) the graph was built from, or a later one.</summary>
    public long Version { get; }

    /// <summary>Undirected and simple: people tied in several ways (family and neighbours) share one edge.</summary>
    public CsrGraph Graph { get; }

    /// <summary>How many people currently consent to the purpose.</summary>
    public int ResidentCount { get; }

    /// <summary>Whether the person currently consents to the purpose (and so may appear in results for it).</summary>
    public bool Includes(int residentId) => residentId >= 0 && residentId < _included.Length && _included[residentId];

    /// <summary>
    /// Builds the graph from who consents (indexed by resident id) and every tie, keeping a tie only when both ends consent.
    /// </summary>
    public static ConsentedGraph Build(ConsentPurpose purpose, long version, bool[] consenting, IEnumerable<(int A, int B)> ties)
    {
        ArgumentNullException.ThrowIfNull(consenting);
        ArgumentNullException.ThrowIfNull(ties);
        var builder = new GraphBuilder { DuplicateEdges = DuplicateEdgePolicy.Merge, SelfLoops = SelfLoopPolicy.Drop };
        builder.DeclareNodes(consenting.Length);
        foreach (var (a, b) in ties)
        {
            if (a < consenting.Length && b < consenting.Length && consenting[a] && consenting[b])
            {
                builder.AddEdge(a, b);
            }
        }
        return new ConsentedGraph(purpose, version, builder.Build(), consenting, consenting.Count(included => included));
    }
}
