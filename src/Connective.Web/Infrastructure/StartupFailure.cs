using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Connective.Web.Infrastructure;

/// <summary>
/// What the process says when it cannot start (a missing setting, an unreachable database): one line on standard error,
/// a JSON object outside Development like every other log line, so that a log collector keeps it whole, and never a
/// stack trace for a configuration mistake. The process then exits with 1.
/// </summary>
internal static class StartupFailure
{
    public const int ExitCode = 1;

    /// <summary>
    /// Whether to report the exception here: only when this app is the process (not inside a test host, which expects
    /// the exception itself), and never the test host's own signal that it has the app it wanted (HostAbortedException).
    /// </summary>
    public static bool ShouldReport(Exception exception) =>
        exception is not HostAbortedException && System.Reflection.Assembly.GetEntryAssembly() == typeof(StartupFailure).Assembly;

    public static int Report(Exception exception, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(error);
        var reason = Reason(exception);
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        if (string.Equals(environment, Environments.Development, StringComparison.OrdinalIgnoreCase))
        {
            error.WriteLine($"Connective could not start: {reason}");
            return ExitCode;
        }
        var line = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["Timestamp"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
            ["LogLevel"] = "Critical",
            ["Category"] = "Connective.Startup",
            ["Message"] = $"Connective could not start: {reason}",
            ["Exception"] = exception.GetType().FullName ?? exception.GetType().Name,
        });
        error.WriteLine(line);
        return ExitCode;
    }

    /// <summary>The sentence a person can act on: options' own messages, the innermost message otherwise.</summary>
    private static string Reason(Exception exception) => exception switch
    {
        OptionsValidationException options => string.Join(" ", options.Failures),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Reason(aggregate.InnerExceptions[0]),
        _ when exception.InnerException is OptionsValidationException inner => Reason(inner),
        _ => exception.Message,
    };
}
