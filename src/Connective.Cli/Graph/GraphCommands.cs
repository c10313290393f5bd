using System.CommandLine;

namespace Connective.Cli.Graph;

/// <summary>`connective graph …`: the network engine's commands.</summary>
internal static class GraphCommands
{
    public static Command Create()
    {
        var graph = new Command("graph", "Analyse networks: statistics, per-node measures, communities, reach, conversion, generators.");
        graph.Subcommands.Add(ConvertCommand.Create());
        graph.Subcommands.Add(BenchCommand.Create());
        return graph;
    }
}
