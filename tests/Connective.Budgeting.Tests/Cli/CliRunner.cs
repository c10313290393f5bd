using System.CommandLine;
using Connective.Cli.Pb;

namespace Connective.Budgeting.Tests.Cli;

/// <summary>Runs `connective pb …` in-process, exactly as Program.cs wires it, capturing output and exit code.</summary>
internal static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static Outcome Run(params string[] args)
    {
        var root = new RootCommand("connective");
        root.Subcommands.Add(PbCommands.Create());
        var output = new StringWriter();
        var error = new StringWriter();
        var parsed = root.Parse(args);
        var exitCode = parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
        // As Program.cs: usage errors exit with 2.
        return new Outcome(parsed.Errors.Count > 0 ? 2 : exitCode, output.ToString(), error.ToString());
    }
}
