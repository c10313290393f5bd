using System.CommandLine;

namespace Connective.Cli.Graph;

/// <summary>`connective graph …`: the network engine's commands.</summary>
internal static class GraphCommands
{
    public static Command Create()
    {
        var graph = new Command("graph", "Analyse networks: statistics, per-node measures, communities, reach, conversion, layout, generators, spread and interventions.");
        graph.Subcommands.Add(StatsCommand.Create());
        graph.Subcommands.Add(AnalyseCommand.Create());
        graph.Subcommands.Add(CommunitiesCommand.Create());
        graph.Subcommands.Add(ReachCommand.Create());
        graph.Subcommands.Add(GenerateCommand.Create());
        graph.Subcommands.Add(ConvertCommand.Create());
        graph.Subcommands.Add(BenchCommand.Create());
        graph.Subcommands.Add(SimulateCommand.Create());
        graph.Subcommands.Add(SeedCommand.Create());
        graph.Subcommands.Add(IntroduceCommand.Create());
        graph.Subcommands.Add(ContagionTestCommand.Create());
        graph.Subcommands.Add(LayoutCommand.Create());
        return graph;
    }
}
