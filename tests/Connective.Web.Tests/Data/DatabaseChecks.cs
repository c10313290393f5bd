using Connective.Web.Data;
using Connective.Web.Demo;
using Connective.Web.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Data;

/// <summary>The database tests, written once and run on each provider by SqliteDatabaseTests and PostgresDatabaseTests.</summary>
internal static class DatabaseChecks
{
    public static async Task Migrations_are_all_applied(ConnectiveWebFactory factory)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var applied = await db.Database.GetAppliedMigrationsAsync();
        var pending = await db.Database.GetPendingMigrationsAsync();

        Assert.NotEmpty(applied);
        Assert.Empty(pending);
    }

    public static async Task Model_has_no_changes_missing_from_the_migrations(ConnectiveWebFactory factory, Type expectedContext)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.IsType(expectedContext, db);
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {expectedContext.Name} model has changes with no migration: add one for both providers (see docs).");
    }

    public static async Task Demo_borough_is_seeded_once_and_marked_as_demo(ConnectiveWebFactory factory)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();

        var info = await db.DatabaseInfo.SingleAsync();
        var residents = await db.Residents.CountAsync();
        var again = await seeder.SeedAsync(1_000, 1, CancellationToken.None);

        Assert.True(info.IsDemo);
        Assert.Equal(1_000, info.DemoResidents);
        Assert.NotNull(info.SeededAt);
        Assert.Equal(1_000, residents);
        Assert.True(await db.Ties.CountAsync() > 3_000);
        Assert.True(await db.Consents.AnyAsync(consent => consent.Method == ConsentMethod.Phone));
        Assert.False(again.Seeded);
        Assert.Contains("already seeded", again.Message, StringComparison.Ordinal);
        Assert.Equal(1_000, await db.Residents.CountAsync());
    }

    public static async Task Ties_are_stored_once_with_the_lower_id_first(ConnectiveWebFactory factory)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var reversed = await db.Ties.CountAsync(tie => tie.PersonAId >= tie.PersonBId);
        var instants = await db.Ties.Select(tie => tie.CreatedAt).Take(1).SingleAsync();

        Assert.Equal(0, reversed);
        Assert.Equal(DateTimeKind.Utc, instants.Kind);
    }

    /// <summary>A database prepared by `migrate` for real use is never seeded, even in the Demo environment.</summary>
    public static async Task Seeding_is_refused_on_a_database_that_is_not_a_demo(ConnectiveWebFactory productionFactory)
    {
        await using var scope = productionFactory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();

        await seeder.MigrateAsync(markAsRealIfNew: true, CancellationToken.None);
        var result = await seeder.SeedAsync(500, 1, CancellationToken.None);

        Assert.False(result.Seeded);
        Assert.Contains("not a demo database", result.Message, StringComparison.Ordinal);
        Assert.False((await db.DatabaseInfo.SingleAsync()).IsDemo);
        Assert.Equal(0, await db.Residents.CountAsync());
    }
}
