using Connective.Web.Data;
using Connective.Web.Features.Circle;
using Connective.Web.Platform.ConsentPath;
using Connective.Web.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Circle;

/// <summary>
/// A small, isolated corner of the demo borough for one test: its own household far from every other test's (and from
/// the demo's helpers), a requester, helpers with the checks the test asks for, and ties made through the real consent
/// path (ConsentRecords, ConsentedNetwork), so matching sees exactly what the test built.
/// </summary>
internal sealed class CircleWorld(ConnectiveWebFactory factory, double latitude, double longitude, int householdId)
{
    private static int _nextPlace;

    public const long AllSkills = (1L << 9) - 2;

    public ConnectiveWebFactory Factory { get; } = factory;

    public int RequesterId { get; private set; }

    public int HouseholdId { get; } = householdId;

    /// <summary>A new world at a place no other test uses, with a requester (online or not) who consents to finding help through their network.</summary>
    public static async Task<CircleWorld> CreateAsync(ConnectiveWebFactory factory, bool requesterOnline = true)
    {
        // 0.5° of latitude apart (about 55 km): no two worlds, nor the demo borough at 52.4°, share helpers within range.
        var place = Interlocked.Increment(ref _nextPlace);
        var latitude = 40.0 + 0.5 * place;
        const double Longitude = -1.5;
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var household = new Household { WardId = 1, AddressLine = $"{place} Test Lane", Postcode = "DB1 9ZZ", Latitude = latitude, Longitude = Longitude };
        db.Households.Add(household);
        await db.SaveChangesAsync();
        var world = new CircleWorld(factory, latitude, Longitude, household.Id);
        world.RequesterId = await world.AddResidentAsync(requesterOnline, kmNorth: 0, ownHousehold: false);
        return world;
    }

    /// <summary>Adds a resident a given distance north of the requester who consents to finding help through their network.</summary>
    public async Task<int> AddResidentAsync(bool online, double kmNorth, bool ownHousehold = true)
    {
        await using var scope = Factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var lat = latitude + kmNorth / 111.32;
        var householdId = HouseholdId;
        if (ownHousehold)
        {
            var household = new Household { WardId = 1, AddressLine = "1 Elsewhere Road", Postcode = "DB1 9ZY", Latitude = lat, Longitude = longitude };
            db.Households.Add(household);
            await db.SaveChangesAsync();
            householdId = household.Id;
        }
        var resident = new Resident
        {
            HouseholdId = householdId,
            WardId = 1,
            GivenName = "Test",
            FamilyName = "Person",
            BirthYear = 1950,
            Latitude = lat,
            Longitude = longitude,
            HasAccount = online,
        };
        db.Residents.Add(resident);
        await db.SaveChangesAsync();
        var consents = scope.ServiceProvider.GetRequiredService<ConsentRecords>();
        await consents.GiveAsync(resident.Id, ConsentPurpose.FindHelpThroughMyNetwork, ConsentMethod.Online, "self", null, CancellationToken.None);
        return resident.Id;
    }

    /// <summary>Adds a helper with a check (or none) and training, tied to <paramref name="tiedTo"/> when given.</summary>
    public async Task<int> AddHelperAsync(CheckLevel? check, bool barredListChecked = false, HelperTraining training = HelperTraining.Safeguarding | HelperTraining.LoneWorking | HelperTraining.MoneyHandling,
        int? tiedTo = null, double kmNorth = 0.5, int maxTasks = 3, DateTime? recheckDueOn = null)
    {
        var id = await AddResidentAsync(online: true, kmNorth);
        await using var scope = Factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var home = await db.Residents.Where(r => r.Id == id).Select(r => new { r.Latitude, r.Longitude }).SingleAsync();
        db.HelperProfiles.Add(new HelperProfile
        {
            ResidentId = id,
            Skills = AllSkills,
            AvailableDays = 0x7F,
            AvailableFromHour = 0,
            AvailableToHour = 24,
            MaxDistanceKm = 5,
            MaxTasks = maxTasks,
            Training = training,
            Latitude = home.Latitude,
            Longitude = home.Longitude,
            CreatedAt = DateTime.UtcNow,
        });
        if (check is { } level)
        {
            db.VettingRecords.Add(new VettingRecord
            {
                HelperResidentId = id,
                Scheme = CheckScheme.Dbs,
                Level = level,
                CertificateNumber = "001234567890",
                IssuedOn = DateTime.UtcNow.Date.AddYears(-1),
                BarredListChecked = barredListChecked,
                RecheckDueOn = recheckDueOn ?? DateTime.UtcNow.Date.AddYears(2),
                RecordedByAccountId = "test",
                RecordedAt = DateTime.UtcNow,
            });
        }
        await db.SaveChangesAsync();
        if (tiedTo is { } other)
        {
            await TieAsync(id, other);
        }
        return id;
    }

    /// <summary>An observed tie between two people, written through the consent path (both consent, so it is written).</summary>
    public async Task TieAsync(int a, int b)
    {
        await using var scope = Factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var network = scope.ServiceProvider.GetRequiredService<ConsentedNetwork>();
        Assert.True(await network.AddObservedTieAsync(db, Math.Min(a, b), Math.Max(a, b), 1.0, ConsentPurpose.FindHelpThroughMyNetwork, CancellationToken.None));
    }

    /// <summary>Records a request from the world's requester (which sends the first wave at once) and returns its id.</summary>
    public async Task<long> AskAsync(int taskTypeId, TimeSpan? deadline = null)
    {
        await using var scope = Factory.CreateScope();
        var tasks = scope.ServiceProvider.GetRequiredService<CircleTasks>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var input = new NewHelpRequest(RequesterId, taskTypeId, "Test request", null, HelpUrgency.Routine, now + (deadline ?? TimeSpan.FromDays(3)));
        Assert.Empty(await tasks.ValidateAsync(input, CancellationToken.None));
        return (await tasks.CreateAsync(input, "test", byPhone: false, CancellationToken.None)).Id;
    }

    /// <summary>Runs an action with a fresh scope's service.</summary>
    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = Factory.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Factory.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<List<HelpOffer>> OffersAsync(long requestId) =>
        DbAsync(db => db.HelpOffers.AsNoTracking().Where(o => o.RequestId == requestId).OrderBy(o => o.Id).ToListAsync());

    public Task<HelpRequest> RequestAsync(long requestId) =>
        DbAsync(db => db.HelpRequests.AsNoTracking().SingleAsync(r => r.Id == requestId));
}
