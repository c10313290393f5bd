using System.CommandLine;
using Connective.Cli.Graph;
using Connective.Cli.Pb;

// One line per command group, so the engines' command sets grow in their own folders.
var root = new RootCommand("connective: network science and participatory budgeting from the command line.");
root.Subcommands.Add(GraphCommands.Create());
root.Subcommands.Add(PbCommands.Create());
return await root.Parse(args).InvokeAsync();
