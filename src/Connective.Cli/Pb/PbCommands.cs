using System.CommandLine;

namespace Connective.Cli.Pb;

/// <summary>`connective pb …`: participatory budgeting over Pabulib .pb files.</summary>
internal static class PbCommands
{
    public static Command Create()
    {
        var pb = new Command("pb", "Count, verify and explain participatory budgeting elections in the Pabulib .pb format.");
        pb.Subcommands.Add(StatsCommand.Create());
        pb.Subcommands.Add(ConvertCommand.Create());
        return pb;
    }
}
