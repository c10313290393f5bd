using System.CommandLine;
using Connective.Budgeting;
using Connective.Budgeting.Pabulib;

namespace Connective.Cli.Pb;

/// <summary>Exit codes and bad-input handling shared by every `pb` command.</summary>
internal static class PbInput
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The input file is missing, unreadable or not a valid Pabulib file.</summary>
    public const int BadInput = 1;

    /// <summary>The command line itself is wrong (unknown option, invalid value); System.CommandLine reports those.</summary>
    public const int Usage = 2;

    /// <summary>
    /// Runs a command's body and turns bad input into one clear line on standard error (file:line:column: field:
    /// problem for Pabulib errors) and exit code 1, never a stack trace.
    /// </summary>
    public static int Run(ParseResult parseResult, Func<TextWriter, int> body)
    {
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            return body(parseResult.InvocationConfiguration.Output);
        }
        catch (PbFormatException e)
        {
            error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (PbInputException e)
        {
            error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (ArgumentException e) when (e.ParamName == "options")
        {
            // The engine refuses a rule that does not apply to these ballots (for example Phragmén on cumulative votes).
            error.WriteLine($"error: {e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal)}");
            return BadInput;
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            return Usage;
        }
    }

    /// <summary>Reads a Pabulib file, naming it in any error; the reader's warnings go to standard error, one line each.</summary>
    public static Election Read(FileInfo file, ParseResult parseResult)
    {
        if (Directory.Exists(file.FullName))
        {
            throw new IOException($"{file.FullName}: is a directory, not a Pabulib .pb file.");
        }
        if (!file.Exists)
        {
            throw new FileNotFoundException($"{file.FullName}: file not found.");
        }
        var election = PbReader.Read(file.FullName);
        foreach (var warning in election.Warnings)
        {
            parseResult.InvocationConfiguration.Error.WriteLine($"warning: {warning}");
        }
        return election;
    }
}

/// <summary>A combination of options that parses but makes no sense (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
