using Connective.Web.Data;

namespace Connective.Web.Demo;

/// <summary>
/// The demo borough as the seeder has written it so far (wards, households, residents, ties, consents, services and
/// circles), handed to each area so that it can add its own part inside the same transaction.
/// </summary>
internal sealed record DemoSeedContext(
    AppDbContext Db,
    DemoBorough Borough,
    IReadOnlyList<Resident> People,
    IReadOnlyList<Circle> Circles,
    IReadOnlyList<CircleMember> Members,
    ulong Seed,
    DateTime Now);

/// <summary>
/// An area's part of the demo borough. Each area registers one with <see cref="DemoSeedParticipants.AddDemoSeedParticipant{T}"/>,
/// so the seeder knows no area and a new area adds its demo data without touching it.
/// </summary>
internal interface IDemoSeedParticipant
{
    /// <summary>Areas write in ascending order, so a later one may read what an earlier one wrote (Circle reads the demo accounts).</summary>
    int Order { get; }

    /// <summary>Writes the area's rows; returns how many.</summary>
    Task<int> WriteAsync(DemoSeedContext demo, CancellationToken cancellationToken);
}

internal static class DemoSeedParticipants
{
    public static IServiceCollection AddDemoSeedParticipant<T>(this IServiceCollection services)
        where T : class, IDemoSeedParticipant
    {
        services.AddScoped<IDemoSeedParticipant, T>();
        return services;
    }
}
