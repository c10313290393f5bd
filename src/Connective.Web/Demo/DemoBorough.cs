using Connective.Graph.Generators;
using Connective.Web.Data;

namespace Connective.Web.Demo;

/// <summary>
/// The demo borough as rows for the database: the community generator's people, households and ties, with names,
/// addresses, birth years, accounts, consent, a few services and circles added on top. Everything follows from the
/// seed and the size, except the instants, which are relative to <c>now</c>.
/// </summary>
internal sealed class DemoBorough
{
    /// <summary>Postcode unit letters: the ones Royal Mail uses (no C, I, K, M, O or V). The area "DB" does not exist.</summary>
    internal const string PostcodeLetters = "ABDEFGHJLNPQRSTUWXYZ";

    /// <summary>Side of the block that shares a street name and postcode, in degrees of latitude (about 150 m).</summary>
    internal const double StreetBlockDegrees = 0.00135;

    private static readonly string[] Coordinators = ["Grace Mensah", "Tom Whitfield", "Anjali Sharma", "Ewa Nowak", "Declan Byrne"];

    private readonly GeneratedCommunity _graph;
    private readonly DateTime _now;
    private readonly int[] _background;
    private readonly string[] _familyNames;

    private DemoBorough(GeneratedCommunity graph, DateTime now)
    {
        _graph = graph;
        _now = now;
        var random = Stream(0);
        _background = new int[graph.HouseholdCount];
        _familyNames = new string[graph.HouseholdCount];
        for (var h = 0; h < graph.HouseholdCount; h++)
        {
            _background[h] = DemoNames.PickBackground(random);
            _familyNames[h] = DemoNames.FamilyName(random, _background[h]);
        }
        // Relatives in different households share a background, and often a family name: a household tied by family
        // to an earlier one takes that household's (ties are sorted, so the earlier household is settled first).
        for (var i = 0; i < graph.TieCount; i++)
        {
            if (graph.TieKinds[i] != CommunityTieKind.Family)
            {
                continue;
            }
            var earlier = graph.PersonHousehold[graph.TieU[i]];
            var later = graph.PersonHousehold[graph.TieV[i]];
            if (earlier < later && _background[later] != _background[earlier])
            {
                _background[later] = _background[earlier];
                _familyNames[later] = random.NextBool(0.5) ? _familyNames[earlier] : DemoNames.FamilyName(random, _background[earlier]);
            }
        }
        WardNames = DemoNames.WardNames(random, graph.WardCount);
    }

    /// <summary>
    /// Each part of the demo draws from its own stream, derived from the seed, so enumerating a part again gives the
    /// same rows and the generator's ties never depend on the names.
    /// </summary>
    private SeededRandom Stream(int part) => new(_graph.Seed ^ (0x5EED_DE30_B0B0_0000UL + (ulong)part));

    public static DemoBorough Generate(int residents, ulong seed, DateTime now) =>
        new(CommunityGenerator.Generate(residents, seed), now);

    public GeneratedCommunity Graph => _graph;

    public string[] WardNames { get; }

    /// <summary>A fictional GSS code: real ward codes are E05 followed by six digits, all well below E05900000.</summary>
    public static string WardCode(int ward) => $"E05{900_001 + ward:D6}";

    public IEnumerable<Ward> Wards() =>
        Enumerable.Range(0, _graph.WardCount).Select(w => new Ward
        {
            Id = w + 1,
            Code = WardCode(w),
            Name = WardNames[w],
            CentroidLatitude = _graph.WardLatitudes[w],
            CentroidLongitude = _graph.WardLongitudes[w],
        });

    /// <summary>Households numbered along fictional streets: one street name and postcode per block of about 150 m.</summary>
    public IEnumerable<Household> Households()
    {
        var random = Stream(1);
        var streets = new Dictionary<(int Row, int Column), (string Name, string Postcode, int NextNumber)>();
        for (var h = 0; h < _graph.HouseholdCount; h++)
        {
            var latitude = _graph.HouseholdLatitudes[h];
            var longitude = _graph.HouseholdLongitudes[h];
            var block = ((int)Math.Floor(latitude / StreetBlockDegrees), (int)Math.Floor(longitude / (StreetBlockDegrees * 1.6)));
            if (!streets.TryGetValue(block, out var street))
            {
                var ward = _graph.HouseholdWard[h] + 1;
                var postcode = $"DB{ward} {random.NextInt(1, 10)}{PostcodeLetters[random.NextInt(PostcodeLetters.Length)]}{PostcodeLetters[random.NextInt(PostcodeLetters.Length)]}";
                street = (DemoNames.StreetName(random), postcode, 1);
            }
            streets[block] = street with { NextNumber = street.NextNumber + 1 + random.NextInt(2) };
            yield return new Household
            {
                Id = h + 1,
                WardId = _graph.HouseholdWard[h] + 1,
                AddressLine = $"{street.NextNumber} {street.Name}",
                Postcode = street.Postcode,
                Latitude = latitude,
                Longitude = longitude,
            };
        }
    }

    /// <summary>
    /// Residents. Couples and families mostly share a family name; adults have an account and an e-mail unless they
    /// are offline, which is commoner with age (about 1 adult in 10 overall). Children have no account.
    /// </summary>
    public IEnumerable<Resident> Residents()
    {
        var random = Stream(2);
        var year = _now.Year;
        for (var h = 0; h < _graph.HouseholdCount; h++)
        {
            var head = _graph.HouseholdStart[h];
            var headFemale = random.NextBool(0.5);
            for (var p = head; p < _graph.HouseholdStart[h + 1]; p++)
            {
                var age = _graph.Ages[p];
                // The second adult of a couple is usually of the other sex; everyone else is a coin toss.
                var female = p == head ? headFemale
                    : p == head + 1 && age >= 18 ? (random.NextBool(0.95) ? !headFemale : headFemale)
                    : random.NextBool(0.5);
                var givenName = DemoNames.GivenName(random, _background[h], female, age);
                var familyName = p == head || random.NextBool(0.85) ? _familyNames[h] : DemoNames.FamilyName(random, _background[h]);
                var offline = age >= 16 && random.NextBool(OfflineProbability(age));
                var hasAccount = age >= 16 && !offline;
                yield return new Resident
                {
                    Id = p + 1,
                    HouseholdId = h + 1,
                    WardId = _graph.HouseholdWard[h] + 1,
                    GivenName = givenName,
                    FamilyName = familyName,
                    BirthYear = year - age,
                    Latitude = _graph.HouseholdLatitudes[h],
                    Longitude = _graph.HouseholdLongitudes[h],
                    HasAccount = hasAccount,
                    Email = hasAccount ? $"{Ascii(givenName)}.{Ascii(familyName)}.{p + 1}@residents.example" : null,
                    Phone = offline || (age >= 16 && random.NextBool(0.3)) ? $"07700 900{random.NextInt(1000):D3}" : null,
                };
            }
        }
    }

    public IEnumerable<Tie> Ties()
    {
        for (var i = 0; i < _graph.TieCount; i++)
        {
            var kind = (TieKind)_graph.TieKinds[i];
            yield return new Tie
            {
                Id = i + 1,
                PersonAId = _graph.TieU[i] + 1,
                PersonBId = _graph.TieV[i] + 1,
                Kind = kind,
                Weight = kind switch
                {
                    TieKind.Household => 1.0,
                    TieKind.Family => 0.8,
                    TieKind.Friend => 0.6,
                    _ => 0.4,
                },
                Source = TieSource.Demo,
                CreatedAt = _now,
            };
        }
    }

    /// <summary>
    /// Consent for each purpose. About 85% consent to network insight, fewer among the oldest; offline residents'
    /// consent was taken by a coordinator on the phone or on paper; a few have withdrawn since.
    /// </summary>
    /// <summary>The version of the phone consent script the demo's coordinators read out.</summary>
    public const string DemoPhoneScriptVersion = "phone-consent-2026-01";

    public IEnumerable<Consent> Consents(IReadOnlyList<Resident> residents)
    {
        var random = Stream(3);
        var id = 0L;
        foreach (var resident in residents)
        {
            var age = _now.Year - resident.BirthYear;
            var offline = !resident.HasAccount && age >= 16;
            foreach (var (purpose, probability) in ConsentProbabilities(age, offline))
            {
                if (!random.NextBool(probability))
                {
                    continue;
                }
                var givenAt = _now.AddMinutes(-random.NextInt(10, 60 * 24 * 700));
                var method = offline ? (random.NextBool(0.6) ? ConsentMethod.Phone : ConsentMethod.Paper)
                    : age < 16 ? ConsentMethod.Paper : ConsentMethod.Online;
                var recordedBy = offline ? Coordinators[random.NextInt(Coordinators.Length)]
                    : age < 16 ? "parent or guardian" : "self";
                DateTime? withdrawnAt = random.NextBool(0.02)
                    ? givenAt.AddMinutes((_now - givenAt).TotalMinutes * random.NextDouble())
                    : null;
                yield return new Consent
                {
                    Id = ++id,
                    ResidentId = resident.Id,
                    Purpose = purpose,
                    GivenAt = givenAt,
                    Method = method,
                    RecordedBy = recordedBy,
                    ScriptVersion = method == ConsentMethod.Phone ? DemoPhoneScriptVersion : null,
                    WithdrawnAt = withdrawnAt,
                };
            }
        }
    }

    public static IReadOnlyList<Service> Services(int wardCount) =>
    [
        new() { Id = 1, Name = "Central Library", Category = "Libraries", Provider = "Demo Borough Council", WardId = 1, Phone = "0121 496 0001",
            Description = "Books, computers with free internet, help with forms, and a warm space on weekday afternoons." },
        new() { Id = 2, Name = "Tuesday Lunch Club", Category = "Older people", Provider = "Friends of the Elderly (Demo)", WardId = Math.Min(2, wardCount),
            Description = "A hot two-course lunch and company for people over 60, with transport for those who cannot get there alone." },
        new() { Id = 3, Name = "Community Food Bank", Category = "Food", Provider = "Borough Churches Together", WardId = Math.Min(3, wardCount), Phone = "0121 496 0003",
            Description = "Emergency food parcels with a referral, and a pantry open to everyone on Fridays." },
        new() { Id = 4, Name = "Carers' Support Hub", Category = "Carers", Provider = "Demo Borough Council", Email = "carers@council.example",
            Description = "Advice, breaks and a peer group for people who look after a relative or friend." },
        new() { Id = 5, Name = "Digital Help Drop-in", Category = "Digital inclusion", Provider = "Central Library", WardId = 1,
            Description = "Volunteers help with phones, tablets, e-mail and online forms, one to one." },
        new() { Id = 6, Name = "Befriending by Phone", Category = "Loneliness", Provider = "Connective volunteers", Phone = "0121 496 0006",
            Description = "A friendly weekly call from the same volunteer, for anyone who would like someone to talk to." },
        new() { Id = 7, Name = "Youth Club", Category = "Young people", Provider = "Demo Borough Council", WardId = Math.Min(4, wardCount),
            Description = "Sport, music and homework help for 11 to 18 year olds, three evenings a week." },
        new() { Id = 8, Name = "Men's Shed", Category = "Wellbeing", Provider = "Men's Shed volunteers", WardId = Math.Min(5, wardCount),
            Description = "A workshop where men (and anyone else) make, mend and talk, over tea." },
    ];

    /// <summary>A handful of circles in the first wards, each with a coordinator and members from the ward's adults.</summary>
    public (IReadOnlyList<Circle> Circles, IReadOnlyList<CircleMember> Members) Circles()
    {
        var random = Stream(4);
        string[] names = ["Good Neighbours", "Lifts to the Surgery", "Walking Group", "Parents' Circle", "Garden Helpers"];
        string[] descriptions =
        [
            "Neighbours who help with small jobs: a light bulb, a parcel, a shop.",
            "Volunteer drivers who take neighbours to GP and hospital appointments.",
            "A gentle walk every Saturday morning, followed by coffee.",
            "Parents of young children swapping help, clothes and company.",
            "Help for people who can no longer manage their garden on their own.",
        ];
        var circles = new List<Circle>();
        var members = new List<CircleMember>();
        for (var c = 0; c < names.Length; c++)
        {
            var ward = c % _graph.WardCount;
            circles.Add(new Circle
            {
                Id = c + 1,
                Name = $"{WardNames[ward]} {names[c]}",
                Description = descriptions[c],
                WardId = ward + 1,
                CreatedAt = _now.AddDays(-random.NextInt(30, 400)),
            });
            var adults = Enumerable.Range(0, _graph.PersonCount)
                .Where(p => _graph.WardOf(p) == ward && _graph.Ages[p] >= 18)
                .ToArray();
            var chosen = new HashSet<int>();
            var wanted = Math.Min(adults.Length, 8 + random.NextInt(13));
            while (chosen.Count < wanted)
            {
                chosen.Add(adults[random.NextInt(adults.Length)]);
            }
            members.AddRange(chosen.Order().Select((p, i) => new CircleMember
            {
                CircleId = c + 1,
                ResidentId = p + 1,
                IsCoordinator = i == 0,
                JoinedAt = _now.AddDays(-random.NextInt(1, 30)),
            }));
        }
        return (circles, members);
    }

    private static double OfflineProbability(int age) => age switch
    {
        >= 80 => 0.45,
        >= 65 => 0.18,
        _ => 0.05,
    };

    private static (ConsentPurpose Purpose, double Probability)[] ConsentProbabilities(int age, bool offline) =>
    [
        (ConsentPurpose.NetworkInsight, age >= 80 ? 0.72 : age >= 65 ? 0.82 : 0.9),
        (ConsentPurpose.ShowToHelpersNearby, age < 16 ? 0 : 0.6),
        (ConsentPurpose.ContactByPhone, age < 16 ? 0 : offline ? 0.95 : 0.45),
        (ConsentPurpose.ResearchExports, age < 16 ? 0.2 : 0.4),
        (ConsentPurpose.FindHelpThroughMyNetwork, age < 16 ? 0 : offline ? 0.8 : 0.7),
    ];

    private static string Ascii(string name) =>
        new([.. name.ToLowerInvariant().Where(char.IsAsciiLetter)]);
}
