// A deliberately broken little app for AreaBoundaryArchitectureTests: each forbidden kind of reference once, beside
// allowed ones (a feature using the kernel and its own types, the root using everything).
#pragma warning disable CA1812 // never instantiated: only their IL is read
namespace Connective.Web.Tests.Architecture.Fixture.Platform
{
    internal sealed class KernelService(Features.Alpha.AlphaService alpha)
    {
        public string Name => alpha.GetType().Name;
    }

    internal static class KernelClock
    {
        public static int Now() => 42;
    }
}

namespace Connective.Web.Tests.Architecture.Fixture.Data
{
    internal static class FixtureContext
    {
        public static object Find() => new Features.Beta.BetaRecord(1);
    }
}

namespace Connective.Web.Tests.Architecture.Fixture.Features.Alpha
{
    internal sealed class AlphaService
    {
        public static string Describe(int id) => new Beta.BetaRecord(id).ToString() + Platform.KernelClock.Now();
    }
}

namespace Connective.Web.Tests.Architecture.Fixture.Features.Beta
{
    internal sealed record BetaRecord(int Id);
}

namespace Connective.Web.Tests.Architecture.Fixture
{
    internal static class FixtureRoot
    {
        public static string Compose() => Features.Alpha.AlphaService.Describe(1) + new Features.Beta.BetaRecord(2);
    }
}
