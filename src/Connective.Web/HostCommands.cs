using Connective.Web.Demo;
using Connective.Web.Features.Circle.Matching.Simulation;

namespace Connective.Web;

/// <summary>
/// The web host's commands (`migrate`, `seed`, `circle-simulation`): beside Program.cs because, like it, this is where
/// the areas are composed; Data/ and the areas know nothing of the command line.
/// </summary>
internal static class HostCommands
{
    /// <summary>Runs `migrate` or `seed [--residents N] [--seed S]` when asked; returns true when the app should exit.</summary>
    public static async Task<bool> RunCommandLineAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        if (args is [CircleSimulationCommand.Name, ..])
        {
            Environment.ExitCode = await CircleSimulationCommand.RunAsync(args.AsMemory(1), Console.Out, Console.Error);
            return true;
        }
        if (args.Length == 0 || args[0] is not ("migrate" or "seed"))
        {
            return false;
        }

        using var scope = app.Services.CreateScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        try
        {
            switch (args[0])
            {
                case "migrate":
                    await seeder.MigrateAsync(markAsRealIfNew: true, CancellationToken.None);
                    await Console.Out.WriteLineAsync("Migrations applied.");
                    break;
                case "seed":
                    var request = ParseSeedArguments(args.AsSpan(1), scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoOptions>>().Value);
                    await seeder.MigrateAsync(markAsRealIfNew: false, CancellationToken.None);
                    var result = await seeder.SeedAsync(request.Residents, request.Seed, CancellationToken.None);
                    // A command's outcome is for the person at the terminal: a plain sentence, not a log record.
                    await (result.Seeded ? Console.Out : Console.Error).WriteLineAsync(result.Message);
                    Environment.ExitCode = result.Seeded ? 0 : 1;
                    break;
            }
        }
        catch (CommandLineException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            Environment.ExitCode = 2;
        }
        return true;
    }

    private static (int Residents, ulong Seed) ParseSeedArguments(ReadOnlySpan<string> args, DemoOptions defaults)
    {
        var residents = defaults.Residents;
        var seed = defaults.Seed;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--residents" when int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var count) && count is >= DemoOptions.MinResidents and <= DemoOptions.MaxResidents:
                    residents = count;
                    i++;
                    break;
                case "--residents":
                    throw new CommandLineException($"seed: --residents needs a whole number from {DemoOptions.MinResidents} to {DemoOptions.MaxResidents:N0}, got '{value}'.");
                case "--seed" when ulong.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var parsed):
                    seed = parsed;
                    i++;
                    break;
                case "--seed":
                    throw new CommandLineException($"seed: --seed needs a non-negative whole number, got '{value}'.");
                default:
                    throw new CommandLineException($"seed: unknown option '{args[i]}'. Usage: seed [--residents N] [--seed S].");
            }
        }
        return (residents, seed);
    }

    private sealed class CommandLineException(string message) : Exception(message);
}
