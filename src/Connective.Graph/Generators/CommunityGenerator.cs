namespace Connective.Graph.Generators;

/// <summary>The kind of a tie in a generated community. Lower values take precedence when two kinds join the same pair.</summary>
public enum CommunityTieKind : byte
{
    /// <summary>Two people living in the same household.</summary>
    Household = 0,

    /// <summary>Relatives in different households: parents and adult children, grandparents and grandchildren, siblings.</summary>
    Family = 1,

    /// <summary>People living close to each other.</summary>
    Neighbour = 2,

    /// <summary>Friends, chosen mostly among people of a similar age nearby, and friends of friends.</summary>
    Friend = 3,
}

/// <summary>
/// A generated community as compact arrays: people are dense ids 0..<see cref="PersonCount"/>−1 ordered by household,
/// households are dense ids ordered by creation, and each tie appears once as (u, v) with u &lt; v, sorted by (u, v).
/// </summary>
public sealed class GeneratedCommunity
{
    internal GeneratedCommunity(
        ulong seed, int wardCount, double[] wardLatitudes, double[] wardLongitudes,
        int[] householdStart, int[] householdWard, double[] householdLatitudes, double[] householdLongitudes,
        byte[] ages, int[] personHousehold, int[] tieU, int[] tieV, CommunityTieKind[] tieKinds)
    {
        Seed = seed;
        WardCount = wardCount;
        WardLatitudes = wardLatitudes;
        WardLongitudes = wardLongitudes;
        HouseholdStart = householdStart;
        HouseholdWard = householdWard;
        HouseholdLatitudes = householdLatitudes;
        HouseholdLongitudes = householdLongitudes;
        Ages = ages;
        PersonHousehold = personHousehold;
        TieU = tieU;
        TieV = tieV;
        TieKinds = tieKinds;
    }

    /// <summary>The seed the community was generated from.</summary>
    public ulong Seed { get; }

    /// <summary>The number of people.</summary>
    public int PersonCount => Ages.Length;

    /// <summary>The number of households.</summary>
    public int HouseholdCount => HouseholdWard.Length;

    /// <summary>The number of wards.</summary>
    public int WardCount { get; }

    /// <summary>The number of ties.</summary>
    public int TieCount => TieU.Length;

    /// <summary>Each ward's centroid latitude (the mean of its households' locations).</summary>
    public double[] WardLatitudes { get; }

    /// <summary>Each ward's centroid longitude.</summary>
    public double[] WardLongitudes { get; }

    /// <summary>CSR offsets: the members of household h are the people HouseholdStart[h] .. HouseholdStart[h+1]−1; the first is the head.</summary>
    public int[] HouseholdStart { get; }

    /// <summary>Each household's ward.</summary>
    public int[] HouseholdWard { get; }

    /// <summary>Each household's approximate latitude (WGS84 degrees).</summary>
    public double[] HouseholdLatitudes { get; }

    /// <summary>Each household's approximate longitude (WGS84 degrees).</summary>
    public double[] HouseholdLongitudes { get; }

    /// <summary>Each person's age in whole years.</summary>
    public byte[] Ages { get; }

    /// <summary>Each person's household.</summary>
    public int[] PersonHousehold { get; }

    /// <summary>The lower-numbered person of each tie.</summary>
    public int[] TieU { get; }

    /// <summary>The higher-numbered person of each tie.</summary>
    public int[] TieV { get; }

    /// <summary>The kind of each tie.</summary>
    public CommunityTieKind[] TieKinds { get; }

    /// <summary>A person's ward (their household's ward).</summary>
    public int WardOf(int person) => HouseholdWard[PersonHousehold[person]];

    /// <summary>Each person's number of ties of any kind.</summary>
    public int[] Degrees()
    {
        var degrees = new int[PersonCount];
        for (var i = 0; i < TieU.Length; i++)
        {
            degrees[TieU[i]]++;
            degrees[TieV[i]]++;
        }
        return degrees;
    }
}

/// <summary>
/// Generates a believable borough: wards, households of realistic sizes and make-up, ages, approximate
/// locations, and the ties between people — household, family across households, neighbours, and friendships
/// with age homophily, locality, triadic closure and a heavy-tailed number of friends — with a share of older
/// people living alone who have no ties at all.
/// </summary>
/// <remarks>
/// The sequence of random draws is fixed by this file and <see cref="SeededRandom"/>, so a seed gives the same
/// community on every platform and .NET version. The generator allocates per phase, never per tie, and finds
/// neighbours through a spatial grid, so a million people take a few seconds.
/// </remarks>
public static class CommunityGenerator
{
    /// <summary>People per square kilometre: a typical English urban borough.</summary>
    internal const double DensityPerSquareKm = 3000;

    /// <summary>Side of a cell of the neighbour grid, in metres: a street's length either side of home.</summary>
    internal const double NeighbourCellMetres = 60;

    internal const double MetresPerDegreeLatitude = 111_320;
    internal const int MaxAge = 100;

    /// <summary>Share of people aged 75+ living alone who have no family, neighbours or friends in touch.</summary>
    internal const double IsolatedShareOfOlderAlone = 0.3;

    /// <summary>Share of a person's own friendship initiatives made by meeting a friend's friend.</summary>
    internal const double TriadicClosureShare = 0.5;

    /// <summary>Friendships a person starts per unit of sociability (whose mean is about 1.6 after the age factors).</summary>
    internal const double FriendshipsStartedPerSociability = 2.1;

    /// <summary>Share of friendships started without regard to age (workmates, clubs, faith groups), among adults.</summary>
    internal const double AnyAgeFriendshipShare = 0.15;

    /// <summary>Share of age-matched friendships made within the person's own ward rather than anywhere.</summary>
    internal const double LocalFriendshipShare = 0.7;

    /// <summary>Generates a community of <paramref name="people"/> people from <paramref name="seed"/>.</summary>
    /// <param name="people">The number of residents, at least 10.</param>
    /// <param name="seed">The seed: the same seed and size always give the same community.</param>
    /// <param name="centreLatitude">Latitude of the borough's centre.</param>
    /// <param name="centreLongitude">Longitude of the borough's centre.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="people"/> is below 10 or above 50 million.</exception>
    public static GeneratedCommunity Generate(int people, ulong seed, double centreLatitude = 52.41, double centreLongitude = -1.52)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(people, 10);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(people, 50_000_000);

        var random = new SeededRandom(seed);
        // Independent streams per phase, forked in a fixed order: changing one phase leaves the others' draws alone.
        var householdRandom = random.Fork();
        var placeRandom = random.Fork();
        var familyRandom = random.Fork();
        var neighbourRandom = random.Fork();
        var friendRandom = random.Fork();

        var ages = new byte[people];
        var personHousehold = new int[people];
        var householdStart = BuildHouseholds(householdRandom, ages, personHousehold);
        var householdCount = householdStart.Length - 1;

        // The borough is a square; households are spread over it and wards are the cells of jittered centres.
        var sideMetres = Math.Sqrt(people / DensityPerSquareKm) * 1000;
        var wardCount = Math.Max(3, (int)Math.Round(Math.Sqrt(people) / 8));
        var householdX = new double[householdCount];
        var householdY = new double[householdCount];
        for (var h = 0; h < householdCount; h++)
        {
            householdX[h] = placeRandom.NextDouble() * sideMetres;
            householdY[h] = placeRandom.NextDouble() * sideMetres;
        }
        var householdWard = AssignWards(placeRandom, wardCount, sideMetres, householdX, householdY);

        // Isolated: some people aged 75+ living alone, with nobody in touch.
        var isolated = new bool[people];
        for (var h = 0; h < householdCount; h++)
        {
            var head = householdStart[h];
            if (householdStart[h + 1] - head == 1 && ages[head] >= 75 && placeRandom.NextBool(IsolatedShareOfOlderAlone))
            {
                isolated[head] = true;
            }
        }

        var ties = new TieBuffer(people * 6);
        AddHouseholdTies(householdStart, ties);
        AddFamilyTies(familyRandom, householdStart, householdWard, wardCount, ages, isolated, ties);
        AddNeighbourTies(neighbourRandom, householdStart, ages, householdX, householdY, sideMetres, isolated, ties);
        AddFriendships(friendRandom, householdStart, householdWard, wardCount, ages, personHousehold, isolated, ties);

        var (tieU, tieV, tieKinds) = ties.SortedDistinct();
        var (householdLatitudes, householdLongitudes, wardLatitudes, wardLongitudes) =
            ToCoordinates(centreLatitude, centreLongitude, sideMetres, householdX, householdY, householdWard, wardCount);
        return new GeneratedCommunity(seed, wardCount, wardLatitudes, wardLongitudes, householdStart, householdWard,
            householdLatitudes, householdLongitudes, ages, personHousehold, tieU, tieV, tieKinds);
    }

    /// <summary>
    /// Fills households one at a time until everyone is housed. Sizes follow the English census
    /// (about 30% one person, 35% two, 15% three, 13% four, 7% five or more); members are ordered head first.
    /// </summary>
    private static int[] BuildHouseholds(SeededRandom random, byte[] ages, int[] personHousehold)
    {
        var people = ages.Length;
        var starts = new List<int>(people / 2 + 2) { 0 };
        var next = 0;
        Span<int> members = stackalloc int[8];
        while (next < people)
        {
            var size = DrawHouseholdSize(random);
            var count = FillHousehold(random, size, members);
            count = Math.Min(count, people - next);
            var household = starts.Count - 1;
            for (var i = 0; i < count; i++)
            {
                ages[next + i] = (byte)Math.Clamp(members[i], 0, MaxAge);
                personHousehold[next + i] = household;
            }
            next += count;
            starts.Add(next);
        }
        return [.. starts];
    }

    private static int DrawHouseholdSize(SeededRandom random)
    {
        var u = random.NextDouble();
        return u switch
        {
            < 0.30 => 1,
            < 0.65 => 2,
            < 0.80 => 3,
            < 0.93 => 4,
            < 0.98 => 5,
            _ => 6,
        };
    }

    /// <summary>Writes the ages of one household's members, head first, and returns how many there are.</summary>
    private static int FillHousehold(SeededRandom random, int size, Span<int> ages)
    {
        if (size == 1)
        {
            // Half of those living alone are 65 or over, with fewer at each older age.
            ages[0] = random.NextBool(0.5)
                ? 65 + (int)(33 * (1 - Math.Sqrt(random.NextDouble())))
                : random.NextInt(20, 65);
            return 1;
        }

        var kind = random.NextDouble();
        if (size == 2)
        {
            if (kind < 0.65)
            {
                // A couple of similar ages, often older.
                var first = 22 + (int)(70 * Math.Pow(random.NextDouble(), 0.8));
                ages[0] = first;
                ages[1] = Math.Max(18, first + (int)Math.Round(Normal(random) * 3));
                return 2;
            }
            if (kind < 0.85)
            {
                // A lone parent and a child.
                var parent = random.NextInt(22, 56);
                ages[0] = parent;
                ages[1] = random.NextInt(0, Math.Min(18, parent - 18) + 1);
                return 2;
            }
            ages[0] = random.NextInt(19, 36);
            ages[1] = random.NextInt(19, 36);
            return 2;
        }

        if (kind < 0.07)
        {
            // Sharers: young adults renting together.
            for (var i = 0; i < size; i++)
            {
                ages[i] = random.NextInt(19, 36);
            }
            return size;
        }

        var parentAge = random.NextInt(25, 56);
        var adults = kind < 0.17 ? 1 : 2;
        ages[0] = parentAge;
        if (adults == 2)
        {
            ages[1] = Math.Max(19, parentAge + (int)Math.Round(Normal(random) * 3));
        }
        var filled = adults;
        if (kind > 0.90 && size >= 4)
        {
            // Three generations under one roof.
            ages[filled++] = Math.Min(MaxAge, parentAge + random.NextInt(22, 36));
        }
        var oldestChild = Math.Min(21, parentAge - 18);
        while (filled < size)
        {
            ages[filled++] = random.NextInt(0, oldestChild + 1);
        }
        return size;
    }

    /// <summary>Each household belongs to the ward whose (jittered grid) centre is nearest.</summary>
    private static int[] AssignWards(SeededRandom random, int wardCount, double side, double[] xs, double[] ys)
    {
        var columns = (int)Math.Ceiling(Math.Sqrt(wardCount));
        var rows = (wardCount + columns - 1) / columns;
        var centreX = new double[wardCount];
        var centreY = new double[wardCount];
        for (var w = 0; w < wardCount; w++)
        {
            var row = w / columns;
            var column = w % columns;
            centreX[w] = (column + 0.5 + (random.NextDouble() - 0.5) * 0.6) * side / columns;
            centreY[w] = (row + 0.5 + (random.NextDouble() - 0.5) * 0.6) * side / rows;
        }

        var wards = new int[xs.Length];
        for (var h = 0; h < xs.Length; h++)
        {
            var best = 0;
            var bestDistance = double.MaxValue;
            for (var w = 0; w < wardCount; w++)
            {
                var dx = xs[h] - centreX[w];
                var dy = ys[h] - centreY[w];
                var distance = dx * dx + dy * dy;
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = w;
                }
            }
            wards[h] = best;
        }
        return wards;
    }

    private static void AddHouseholdTies(int[] householdStart, TieBuffer ties)
    {
        for (var h = 0; h + 1 < householdStart.Length; h++)
        {
            for (var a = householdStart[h]; a < householdStart[h + 1]; a++)
            {
                for (var b = a + 1; b < householdStart[h + 1]; b++)
                {
                    ties.Add(a, b, CommunityTieKind.Household);
                }
            }
        }
    }

    /// <summary>
    /// Older households are linked to households headed by their grown-up children (half of them in the same ward):
    /// parents to each adult child, grandparents to grandchildren, and adult children of the same parents to each other.
    /// </summary>
    private static void AddFamilyTies(
        SeededRandom random, int[] householdStart, int[] householdWard, int wardCount, byte[] ages, bool[] isolated, TieBuffer ties)
    {
        var householdCount = householdWard.Length;
        // Households indexed by (ward, head age) and by head age alone, to find a grown-up child's household.
        var headAges = new int[householdCount];
        for (var h = 0; h < householdCount; h++)
        {
            headAges[h] = ages[householdStart[h]];
        }
        var byWardAge = CellIndex.Build(householdCount, wardCount * (MaxAge + 1), h => householdWard[h] * (MaxAge + 1) + headAges[h]);
        var byAge = CellIndex.Build(householdCount, MaxAge + 1, h => headAges[h]);

        Span<int> children = stackalloc int[2];
        for (var h = 0; h < householdCount; h++)
        {
            var head = householdStart[h];
            if (headAges[h] < 48 || isolated[head] || !random.NextBool(0.65))
            {
                continue;
            }
            var childCount = random.NextBool(0.5) ? 2 : 1;
            var found = 0;
            for (var c = 0; c < childCount; c++)
            {
                var childAge = headAges[h] - 28 + (int)Math.Round(Normal(random) * 4);
                if (childAge < 18 || childAge > MaxAge)
                {
                    continue;
                }
                var child = random.NextBool(0.5)
                    ? byWardAge.PickUniform(random, householdWard[h] * (MaxAge + 1) + childAge)
                    : byAge.PickUniform(random, childAge);
                if (child < 0 || child == h || isolated[householdStart[child]])
                {
                    continue;
                }
                children[found++] = child;
                var childHead = householdStart[child];
                for (var parent = head; parent < householdStart[h + 1]; parent++)
                {
                    if (ages[parent] < 40)
                    {
                        continue; // a young member of the older household (their own child) is a sibling, not a parent
                    }
                    ties.Add(parent, childHead, CommunityTieKind.Family);
                    for (var grandchild = childHead + 1; grandchild < householdStart[child + 1]; grandchild++)
                    {
                        if (ages[grandchild] < 18)
                        {
                            ties.Add(parent, grandchild, CommunityTieKind.Family);
                        }
                    }
                }
            }
            if (found == 2)
            {
                ties.Add(householdStart[children[0]], householdStart[children[1]], CommunityTieKind.Family);
            }
        }
    }

    /// <summary>
    /// Each household knows 0–3 households within a street's length, found through a grid of
    /// <see cref="NeighbourCellMetres"/> cells; the tie joins one adult of each.
    /// </summary>
    private static void AddNeighbourTies(
        SeededRandom random, int[] householdStart, byte[] ages, double[] xs, double[] ys, double side, bool[] isolated, TieBuffer ties)
    {
        var householdCount = xs.Length;
        var cellsPerSide = Math.Max(1, (int)Math.Ceiling(side / NeighbourCellMetres));
        int CellOf(int h) =>
            Math.Min(cellsPerSide - 1, (int)(ys[h] / NeighbourCellMetres)) * cellsPerSide
            + Math.Min(cellsPerSide - 1, (int)(xs[h] / NeighbourCellMetres));
        var grid = CellIndex.Build(householdCount, cellsPerSide * cellsPerSide, CellOf);

        for (var h = 0; h < householdCount; h++)
        {
            if (isolated[householdStart[h]])
            {
                continue;
            }
            var u = random.NextDouble();
            var wanted = u < 0.25 ? 0 : u < 0.60 ? 1 : u < 0.87 ? 2 : 3;
            var cell = CellOf(h);
            var cellRow = cell / cellsPerSide;
            var cellColumn = cell % cellsPerSide;
            for (var k = 0; k < wanted; k++)
            {
                // A random household in the 3×3 block of cells around home.
                var row = cellRow + random.NextInt(-1, 2);
                var column = cellColumn + random.NextInt(-1, 2);
                if (row < 0 || column < 0 || row >= cellsPerSide || column >= cellsPerSide)
                {
                    continue;
                }
                var other = grid.PickUniform(random, row * cellsPerSide + column);
                if (other < 0 || other == h || isolated[householdStart[other]])
                {
                    continue;
                }
                ties.Add(PickAdult(random, householdStart, ages, h), PickAdult(random, householdStart, ages, other), CommunityTieKind.Neighbour);
            }
        }
    }

    /// <summary>
    /// Friendships. Each person has a sociability drawn from a Pareto distribution (exponent 2, capped), which sets
    /// how many friendships they start and how likely others are to choose them: this gives the heavy tail.
    /// Half the friendships are started by age: a partner of about the same age (closer for children, who meet at
    /// school), mostly in the same ward. Then each person meets friends of those friends (triadic closure).
    /// </summary>
    private static void AddFriendships(
        SeededRandom random, int[] householdStart, int[] householdWard, int wardCount, byte[] ages, int[] personHousehold,
        bool[] isolated, TieBuffer ties)
    {
        var people = ages.Length;
        var sociability = new double[people];
        var initiatives = new int[people];
        for (var p = 0; p < people; p++)
        {
            var pareto = Math.Min(40, 1 / Math.Sqrt(1 - random.NextDouble()));
            var ageFactor = ages[p] switch
            {
                < 4 => 0.0,
                < 11 => 0.8,
                >= 80 => 0.45,
                >= 70 => 0.7,
                _ => 1.0,
            };
            sociability[p] = isolated[p] ? 0 : pareto * ageFactor;
            initiatives[p] = StochasticRound(random, sociability[p] * FriendshipsStartedPerSociability);
        }

        var byWardAge = CellIndex.Build(people, wardCount * (MaxAge + 1), p => householdWard[personHousehold[p]] * (MaxAge + 1) + ages[p]);
        var byAge = CellIndex.Build(people, MaxAge + 1, p => ages[p]);
        var wardAgeWeights = byWardAge.CumulativeWeights(sociability);
        var ageWeights = byAge.CumulativeWeights(sociability);

        var firstFriendTie = ties.Count;
        var closures = new int[people];
        for (var p = 0; p < people; p++)
        {
            var byAgeCount = StochasticRound(random, initiatives[p] * (1 - TriadicClosureShare));
            closures[p] = initiatives[p] - byAgeCount;
            var spread = ages[p] < 18 ? 1.0 : ages[p] < 30 ? 4.0 : 8.0;
            for (var k = 0; k < byAgeCount; k++)
            {
                var age = ages[p] >= 18 && random.NextBool(AnyAgeFriendshipShare)
                    ? random.NextInt(18, 90)
                    : ages[p] + (int)Math.Round(Normal(random) * spread);
                if (age < 0 || age > MaxAge)
                {
                    continue;
                }
                var friend = random.NextBool(LocalFriendshipShare)
                    ? byWardAge.PickWeighted(random, householdWard[personHousehold[p]] * (MaxAge + 1) + age, wardAgeWeights)
                    : -1;
                if (friend < 0)
                {
                    friend = byAge.PickWeighted(random, age, ageWeights);
                }
                if (friend >= 0 && friend != p)
                {
                    ties.Add(p, friend, CommunityTieKind.Friend);
                }
            }
        }

        // Triadic closure over the age-matched friendships: a friend introduces one of their friends.
        var (offsets, neighbours) = ties.Adjacency(firstFriendTie, ties.Count, people);
        for (var p = 0; p < people; p++)
        {
            var degree = offsets[p + 1] - offsets[p];
            for (var k = 0; k < closures[p] && degree > 0; k++)
            {
                var friend = neighbours[offsets[p] + random.NextInt(degree)];
                var friendDegree = offsets[friend + 1] - offsets[friend];
                var candidate = neighbours[offsets[friend] + random.NextInt(friendDegree)];
                if (candidate != p)
                {
                    ties.Add(p, candidate, CommunityTieKind.Friend);
                }
            }
        }
    }

    private static int PickAdult(SeededRandom random, int[] householdStart, byte[] ages, int household)
    {
        // The head, or the second member when they are an adult too (a partner or sharer, not a lone parent's child).
        var head = householdStart[household];
        var hasSecondAdult = householdStart[household + 1] - head >= 2 && ages[head + 1] >= 18;
        return head + (hasSecondAdult ? random.NextInt(2) : 0);
    }

    private static (double[] HouseholdLatitudes, double[] HouseholdLongitudes, double[] WardLatitudes, double[] WardLongitudes) ToCoordinates(
        double centreLatitude, double centreLongitude, double side, double[] xs, double[] ys, int[] householdWard, int wardCount)
    {
        var metresPerDegreeLongitude = MetresPerDegreeLatitude * Math.Cos(centreLatitude * Math.PI / 180);
        var latitudes = new double[xs.Length];
        var longitudes = new double[xs.Length];
        var wardLatitudes = new double[wardCount];
        var wardLongitudes = new double[wardCount];
        var wardHouseholds = new int[wardCount];
        for (var h = 0; h < xs.Length; h++)
        {
            // Rounded to about a metre: the location is approximate by design.
            latitudes[h] = Math.Round(centreLatitude + (ys[h] - side / 2) / MetresPerDegreeLatitude, 5);
            longitudes[h] = Math.Round(centreLongitude + (xs[h] - side / 2) / metresPerDegreeLongitude, 5);
            wardLatitudes[householdWard[h]] += latitudes[h];
            wardLongitudes[householdWard[h]] += longitudes[h];
            wardHouseholds[householdWard[h]]++;
        }
        for (var w = 0; w < wardCount; w++)
        {
            var count = Math.Max(1, wardHouseholds[w]);
            wardLatitudes[w] = Math.Round(wardLatitudes[w] / count, 5);
            wardLongitudes[w] = Math.Round(wardLongitudes[w] / count, 5);
        }
        return (latitudes, longitudes, wardLatitudes, wardLongitudes);
    }

    /// <summary>A standard normal draw (Box–Muller), from two uniforms so the draw count is fixed.</summary>
    private static double Normal(SeededRandom random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static int StochasticRound(SeededRandom random, double value)
    {
        var whole = Math.Floor(value);
        return (int)whole + (random.NextDouble() < value - whole ? 1 : 0);
    }

    /// <summary>Items grouped by a cell key (CSR by counting sort), for uniform or weighted picks within a cell.</summary>
    private sealed class CellIndex
    {
        private readonly int[] _offsets;
        private readonly int[] _items;

        private CellIndex(int[] offsets, int[] items)
        {
            _offsets = offsets;
            _items = items;
        }

        public static CellIndex Build(int itemCount, int cellCount, Func<int, int> cellOf)
        {
            var offsets = new int[cellCount + 1];
            var cells = new int[itemCount];
            for (var i = 0; i < itemCount; i++)
            {
                cells[i] = cellOf(i);
                offsets[cells[i] + 1]++;
            }
            for (var c = 0; c < cellCount; c++)
            {
                offsets[c + 1] += offsets[c];
            }
            var cursor = offsets.AsSpan(0, cellCount).ToArray();
            var items = new int[itemCount];
            for (var i = 0; i < itemCount; i++)
            {
                items[cursor[cells[i]]++] = i;
            }
            return new CellIndex(offsets, items);
        }

        /// <summary>Running totals of the items' weights, in item order within each cell.</summary>
        public double[] CumulativeWeights(double[] weights)
        {
            var cumulative = new double[_items.Length];
            for (var c = 0; c + 1 < _offsets.Length; c++)
            {
                var total = 0.0;
                for (var i = _offsets[c]; i < _offsets[c + 1]; i++)
                {
                    total += weights[_items[i]];
                    cumulative[i] = total;
                }
            }
            return cumulative;
        }

        /// <summary>A uniformly chosen item of the cell, or −1 when the cell is empty.</summary>
        public int PickUniform(SeededRandom random, int cell)
        {
            var count = _offsets[cell + 1] - _offsets[cell];
            return count == 0 ? -1 : _items[_offsets[cell] + random.NextInt(count)];
        }

        /// <summary>An item of the cell chosen with probability proportional to its weight, or −1 when the cell weighs nothing.</summary>
        public int PickWeighted(SeededRandom random, int cell, double[] cumulative)
        {
            var start = _offsets[cell];
            var end = _offsets[cell + 1];
            if (end == start || cumulative[end - 1] <= 0)
            {
                return -1;
            }
            var target = random.NextDouble() * cumulative[end - 1];
            // The first running total above the target.
            int low = start, high = end - 1;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (cumulative[middle] > target)
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }
            return _items[low];
        }
    }

    /// <summary>A growing array of ties packed as one ulong each (u, v, kind), so that sorting both orders and de-duplicates them.</summary>
    private sealed class TieBuffer(int capacity)
    {
        private ulong[] _keys = new ulong[Math.Max(16, capacity)];

        public int Count { get; private set; }

        public void Add(int a, int b, CommunityTieKind kind)
        {
            if (a == b)
            {
                return;
            }
            var (u, v) = a < b ? (a, b) : (b, a);
            if (Count == _keys.Length)
            {
                Array.Resize(ref _keys, _keys.Length * 2);
            }
            // 31 bits for each person, 2 for the kind: the strongest kind of a pair (lowest value) sorts first.
            _keys[Count++] = ((ulong)u << 33) | ((ulong)v << 2) | (ulong)kind;
        }

        /// <summary>CSR adjacency of the ties added between positions <paramref name="from"/> and <paramref name="to"/>.</summary>
        public (int[] Offsets, int[] Neighbours) Adjacency(int from, int to, int people)
        {
            var offsets = new int[people + 1];
            for (var i = from; i < to; i++)
            {
                offsets[(int)(_keys[i] >> 33) + 1]++;
                offsets[(int)((_keys[i] >> 2) & 0x7FFF_FFFF) + 1]++;
            }
            for (var p = 0; p < people; p++)
            {
                offsets[p + 1] += offsets[p];
            }
            var cursor = offsets.AsSpan(0, people).ToArray();
            var neighbours = new int[offsets[people]];
            for (var i = from; i < to; i++)
            {
                var u = (int)(_keys[i] >> 33);
                var v = (int)((_keys[i] >> 2) & 0x7FFF_FFFF);
                neighbours[cursor[u]++] = v;
                neighbours[cursor[v]++] = u;
            }
            return (offsets, neighbours);
        }

        public (int[] U, int[] V, CommunityTieKind[] Kinds) SortedDistinct()
        {
            var keys = _keys.AsSpan(0, Count);
            keys.Sort();
            var distinct = 0;
            for (var i = 0; i < keys.Length; i++)
            {
                if (distinct == 0 || keys[i] >> 2 != keys[distinct - 1] >> 2)
                {
                    keys[distinct++] = keys[i];
                }
            }
            var us = new int[distinct];
            var vs = new int[distinct];
            var kinds = new CommunityTieKind[distinct];
            for (var i = 0; i < distinct; i++)
            {
                us[i] = (int)(keys[i] >> 33);
                vs[i] = (int)((keys[i] >> 2) & 0x7FFF_FFFF);
                kinds[i] = (CommunityTieKind)(keys[i] & 3);
            }
            _keys = [];
            return (us, vs, kinds);
        }
    }
}
