using Connective.Web.Data;

namespace Connective.Web.Tests.Architecture;

/// <summary>
/// The lines in docs/architecture.md, held by reading the compiled app: an area uses Platform, Data, Infrastructure and
/// the engines, never another area; Platform, Data, Infrastructure and Demo use no area. Only Program and the host's
/// commands, which compose the areas, may name them all.
/// </summary>
public sealed class AreaBoundaryArchitectureTests
{
    private static readonly AreaBoundaryScan App = new(typeof(AppDbContext).Assembly, "Connective.Web");

    [Fact]
    public void No_feature_uses_another_and_the_kernel_uses_none()
    {
        var offences = App.Offences();

        Assert.True(offences.Count == 0,
            $"{offences.Count} reference(s) cross an area boundary (see docs/architecture.md and docs/adding-an-area.md):\n"
            + string.Join('\n', offences));
    }

    /// <summary>A scan that read nothing would pass the test above: it must see the app's real references.</summary>
    [Fact]
    public void The_scan_reads_the_app_and_sees_its_references()
    {
        App.Offences();

        Assert.True(App.TypesScanned > 300, $"Scanned only {App.TypesScanned} types.");
        Assert.True(App.BodiesScanned > 1000, $"Read only {App.BodiesScanned} method bodies.");
        // Circle's API calls the kernel's audit log, and Razor's generated Circle pages (Features_Circle_Ask, in the
        // namespace _ViewImports gives them) are read as Circle's and use Circle's own page models.
        Assert.Contains(App.References, reference => reference.From.FullName == "Connective.Web.Features.Circle.CircleApi"
            && reference.To.FullName == "Connective.Web.Platform.Audit.AuditLog");
        Assert.Contains(App.References, reference => reference.From.Name == "Features_Circle_Ask"
            && App.HomeOf(reference.From) == Home.Feature("Circle") && reference.To.FullName == "Connective.Web.Features.Circle.AskModel");
        Assert.Equal(Home.Feature("Circle"), App.HomeOf(typeof(Web.Features.Circle.CircleTasks)));
        Assert.Equal(Home.Kernel, App.HomeOf(typeof(Web.Platform.Audit.AuditLog)));
        Assert.Equal(Home.Base, App.HomeOf(typeof(AppDbContext)));
    }

    /// <summary>The test of the test: a small fixture with one forbidden reference of each kind, which the scan must name.</summary>
    [Fact]
    public void The_scan_names_each_forbidden_reference_in_a_fixture()
    {
        var fixture = new AreaBoundaryScan(typeof(AreaBoundaryArchitectureTests).Assembly, "Connective.Web.Tests.Architecture.Fixture");

        var offences = fixture.Offences().Select(offence => offence.ToString()).ToList();

        Assert.Equal(
        [
            "Connective.Web.Tests.Architecture.Fixture.Data.FixtureContext.Find -> Connective.Web.Tests.Architecture.Fixture.Features.Beta.BetaRecord (Data, Infrastructure and Demo use no feature)",
            "Connective.Web.Tests.Architecture.Fixture.Features.Alpha.AlphaService.Describe -> Connective.Web.Tests.Architecture.Fixture.Features.Beta.BetaRecord (a feature uses only Platform, Data, Infrastructure and the engines, never another feature)",
            "Connective.Web.Tests.Architecture.Fixture.Platform.KernelService..ctor -> Connective.Web.Tests.Architecture.Fixture.Features.Alpha.AlphaService (Platform uses no feature)",
            "Connective.Web.Tests.Architecture.Fixture.Platform.KernelService.<alpha>P -> Connective.Web.Tests.Architecture.Fixture.Features.Alpha.AlphaService (Platform uses no feature)",
            "Connective.Web.Tests.Architecture.Fixture.Platform.KernelService.get_Name -> Connective.Web.Tests.Architecture.Fixture.Features.Alpha.AlphaService (Platform uses no feature)",
        ], offences);
        Assert.Equal(6, fixture.TypesScanned);
    }
}
