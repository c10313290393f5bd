namespace Connective.Web.Demo;

/// <summary>`Demo` settings: the size and seed of the demo borough (Demo__Residents=20000 in the environment, for example).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";
    public const int MinResidents = 100;
    public const int MaxResidents = 2_000_000;

    public int Residents { get; set; } = 5_000;

    /// <summary>The same seed and size always give the same borough: names, ages, places and ties.</summary>
    public ulong Seed { get; set; } = 20_260_101;
}
