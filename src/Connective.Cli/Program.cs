using System.CommandLine;
using Connective.Cli.Graph;
using Connective.Cli.Pb;

// One line per command group, so the engines' command sets grow in their own folders.
var root = new RootCommand("connective: network science and participatory budgeting from the command line.");
root.Subcommands.Add(GraphCommands.Create());
root.Subcommands.Add(PbCommands.Create());
var parsed = root.Parse(args);
var exitCode = await parsed.InvokeAsync();
// Usage errors (unknown option, bad value) exit with 2 so scripts can tell them from bad input (1).
return parsed.Errors.Count > 0 ? 2 : exitCode;
