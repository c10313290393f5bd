using System.CommandLine;

namespace Connective.Cli.Pb;

/// <summary>`connective pb …`: participatory budgeting over Pabulib .pb files.</summary>
internal static class PbCommands
{
    public static Command Create()
    {
        var pb = new Command("pb", "Count, verify and explain participatory budgeting elections in the Pabulib .pb format.");
        pb.Subcommands.Add(CountCommand.Create());
        pb.Subcommands.Add(VerifyCommand.Create());
        pb.Subcommands.Add(ExplainCommand.Create());
        pb.Subcommands.Add(ConvertCommand.Create());
        pb.Subcommands.Add(StatsCommand.Create());
        return pb;
    }
}
