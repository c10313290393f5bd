using System.Globalization;
using Connective.TestSupport;

namespace Connective.Graph.Tests;

/// <summary>Loads the shared edge lists (`u v` lines, `# nodes N` declaring ids 0..N−1) without the format readers, for engine tests.</summary>
internal static class NetworkFiles
{
    public static CsrGraph Load(string name, bool directed = false)
    {
        var builder = new GraphBuilder(directed);
        foreach (var line in File.ReadLines(RepositoryPaths.SharedFile("networks", name + ".edgelist")))
        {
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (line.StartsWith('#'))
            {
                if (parts.Length > 2 && parts[1] == "nodes")
                {
                    builder.DeclareNodes(int.Parse(parts[2], CultureInfo.InvariantCulture));
                }
                continue;
            }
            if (parts.Length >= 2)
            {
                builder.AddEdge(long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
            }
        }
        return builder.Build();
    }
}
