using System.Diagnostics;
using System.Globalization;
using System.Text;
using Connective.Web.Data;
using Connective.Web.Demo;

namespace Connective.Web.Features.Circle.Matching.Simulation;

/// <summary>
/// `simulate-circle [--residents N] [--seed S]`: a month of Circle requests in the demo borough, generated in memory
/// (no database), run once with the platform's ranking and waves and once with the nearest-three baseline.
/// </summary>
internal static class CircleSimulationCommand
{
    public const string Name = "simulate-circle";

    /// <summary>The demo's consent model is relative to "now"; a fixed instant keeps every rerun identical.</summary>
    internal static readonly DateTime SimulationStart = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Runs the simulation and writes its report; the web host's command line parses and checks the options.</summary>
    public static async Task RunAsync(int residents, ulong seed, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var clock = Stopwatch.StartNew();
        var world = BuildWorld(residents, seed, new CircleSimulationSettings());
        var built = clock.Elapsed;
        var waves = CircleMonthSimulation.Run(world, OfferPolicy.Waves);
        var baseline = CircleMonthSimulation.Run(world, OfferPolicy.NearestThree);
        await output.WriteAsync(Report(world, residents, seed, waves, baseline, built, clock.Elapsed));
    }

    /// <summary>The demo borough of this size and seed, with consent to finding help through one's network as the demo models it.</summary>
    internal static CircleSimulationWorld BuildWorld(int residents, ulong seed, CircleSimulationSettings settings)
    {
        var borough = DemoBorough.Generate(residents, seed, SimulationStart);
        var people = borough.Residents().ToList();
        var consenting = new bool[borough.Graph.PersonCount];
        foreach (var consent in borough.Consents(people))
        {
            if (consent.Purpose == ConsentPurpose.FindHelpThroughMyNetwork && consent.WithdrawnAt is null)
            {
                consenting[consent.ResidentId - 1] = true;
            }
        }
        return CircleSimulationWorld.Build(borough.Graph, consenting, seed, settings);
    }

    internal static string Report(
        CircleSimulationWorld world, int residents, ulong seed, CircleSimulationOutcome waves, CircleSimulationOutcome baseline, TimeSpan built, TimeSpan total)
    {
        var c = CultureInfo.InvariantCulture;
        var s = world.Settings;
        var graph = world.ConsentedGraph.Graph;
        var withTies = 0;
        for (var node = 1; node < graph.NodeCount; node++)
        {
            withTies += graph.Degree(node) > 0 ? 1 : 0;
        }
        var text = new StringBuilder();
        text.AppendLine(c, $"Circle month simulation: {residents:N0} residents, seed {seed}, {s.Days} days");
        text.AppendLine(c, $"Consented graph (FindHelpThroughMyNetwork): {world.ConsentedGraph.ResidentCount:N0} residents consent, {graph.EdgeCount:N0} ties between them, {withTies:N0} people with at least one");
        text.AppendLine(c, $"Helpers: {world.HelperCount:N0} ({s.HelperShareOfAdults * 100:0.#}% of adults), {world.HelperVetted.Count(v => v):N0} vetted for home visits");
        text.AppendLine(c, $"Requests: {world.Requests.Count:N0} ({world.Requests.Count(r => r.RequesterAged75Plus):N0} from people aged 75+, {world.Requests.Count(r => r.NeedsVettedHelper):N0} home visits or handling money (vetted helper needed), {world.Requests.Count(r => !r.RequesterHasTies):N0} from people with no consented ties)");
        text.AppendLine();
        text.AppendLine("| | Waves (ranking + OfferWaves) | Baseline (3 nearest eligible) |");
        text.AppendLine("|---|---|---|");
        Row("Accepted before deadline", o => string.Create(c, $"{o.AcceptedBeforeDeadline:N0} ({o.AcceptedShare:P2})"));
        Row("Handled by a coordinator (no helper by the deadline)", o => o.HandledByCoordinator.ToString("N0", c));
        Row("In the coordinator's queue before the deadline (nobody left to ask)", o => o.EscalatedBeforeDeadline.ToString("N0", c));
        Row("No-ties requests: vetted helper / coordinator / unvetted helper", o => string.Create(c, $"{o.NoTiesAcceptedByVettedHelper:N0} / {o.NoTiesHandledByCoordinator:N0} / {o.NoTiesAcceptedByUnvettedHelper:N0} of {o.NoTiesRequests:N0}"));
        Row("Accepted by someone within three steps in the network", o => string.Create(c, $"{o.AcceptedThroughNetwork:N0} ({(o.AcceptedBeforeDeadline == 0 ? 0 : (double)o.AcceptedThroughNetwork / o.AcceptedBeforeDeadline):P1} of accepted)"));
        Row("Most tasks any helper held at once (cap 3) / breaches", o => string.Create(c, $"{o.MaxActiveTasksSeen} / {o.CapBreaches}"));
        Row("Share of tasks done by the busiest 10% of helpers", o => o.BusiestTenthShareOfTasks.ToString("P1", c));
        Row("Helpers with at least one task / offered at least once", o => string.Create(c, $"{o.HelpersWithTasks:N0} / {o.HelpersOffered:N0} of {o.Helpers:N0}"));
        Row("Offers sent (per request)", o => string.Create(c, $"{o.OffersSent:N0} ({(double)o.OffersSent / Math.Max(1, o.Requests):0.0})"));
        Row("Median hours from request to acceptance", o => o.MedianHoursToAcceptance.ToString("0.0", c));
        text.AppendLine();
        text.AppendLine(c, $"Built the borough in {built.TotalSeconds:0.0} s; both runs done in {total.TotalSeconds:0.0} s.");
        return text.ToString();

        void Row(string label, Func<CircleSimulationOutcome, string> value) =>
            text.AppendLine(c, $"| {label} | {value(waves)} | {value(baseline)} |");
    }
}
