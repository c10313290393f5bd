using Connective.Web.Data;
using Connective.Web.Features.Voice.Budgets;
using Connective.Web.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Voice;

/// <summary>The secret ballot's tests, written once and run on each provider.</summary>
internal static class SecretBallotChecks
{
    /// <summary>
    /// Reads the participation and ballot tables directly, with every column and the physical row order (SQLite's rowid,
    /// PostgreSQL's ctid and the inserting transaction xmin), and tries to join them: on every pair of columns, on row
    /// order and on the order of ids. Every voter's ballot is different, so a join that links is seen. A join may pair a
    /// voter with their own ballot by chance (a random pairing of 30 does so about once); the test fails when any join
    /// does markedly better than chance.
    /// </summary>
    public static async Task The_ballot_store_cannot_be_joined_back_to_voters(ConnectiveWebFactory factory)
    {
        const int voters = 30;
        var world = await VoiceWorld.CreateAsync(factory, [10, 11, 12, 13, 14, 15], budgetPounds: 100);
        var people = await VoiceWorld.VotersAsync(factory, voters);
        var truth = new Dictionary<int, string>();
        var receipts = new Dictionary<int, string>();
        for (var i = 0; i < voters; i++)
        {
            var choices = Subset(world, i + 1);
            receipts[people[i]] = (await world.VoteAsync(people[i], choices)).Receipt;
            truth[people[i]] = Key(choices);
        }
        // A third of the voters change their mind, to sets nobody else chose.
        for (var i = 0; i < voters; i += 3)
        {
            var choices = Subset(world, 63 - i);
            await world.VoteAsync(people[i], choices, receipts[people[i]]);
            truth[people[i]] = Key(choices);
        }
        Assert.Equal(voters, truth.Values.Distinct().Count());

        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var postgres = factory.Provider == DatabaseProvider.Postgres;
        var order = postgres ? "ctid" : "rowid";
        var system = postgres ? ", ctid::text AS row_position, xmin::text AS row_transaction" : ", rowid AS row_position";
        var participations = await ReadAsync(db, $"SELECT *{system} FROM \"PbParticipations\" WHERE \"ProcessId\" = {world.ProcessId} ORDER BY {order}");
        var ballots = await ReadAsync(db, $"SELECT *{system} FROM \"PbBallots\" WHERE \"ProcessId\" = {world.ProcessId} ORDER BY {order}");
        Assert.Equal(voters, participations.Count);
        Assert.Equal(voters, ballots.Count);
        Assert.DoesNotContain(ballots[0].Keys, column => column.Contains("Resident", StringComparison.OrdinalIgnoreCase) || column.Contains("Account", StringComparison.OrdinalIgnoreCase));
        Assert.All(ballots, ballot => Assert.DoesNotContain(":", ballot["CastOn"], StringComparison.Ordinal));

        bool Links(Dictionary<string, string> participation, Dictionary<string, string> ballot) =>
            truth[int.Parse(participation["ResidentId"], System.Globalization.CultureInfo.InvariantCulture)] == ballot["Choices"];

        var failures = new List<string>();
        // Every column of one table against every column of the other: a join that singles out one ballot per voter and
        // is right for more than a handful of voters links them.
        foreach (var left in participations[0].Keys)
        {
            foreach (var right in ballots[0].Keys)
            {
                var identified = participations.Count(participation =>
                {
                    var matches = ballots.Where(ballot => ballot[right] == participation[left]).ToList();
                    return matches.Count is >= 1 and <= 2 && matches.Any(ballot => Links(participation, ballot));
                });
                if (identified > ChanceBound)
                {
                    failures.Add($"joining PbParticipations.{left} = PbBallots.{right} identifies {identified} of {voters} voters' ballots");
                }
            }
        }
        // Row order, and the order of the ids: the k-th voter against the k-th ballot.
        failures.AddRange(Paired("physical row order", participations, ballots, Links));
        failures.AddRange(Paired("id order", [.. participations.OrderBy(row => long.Parse(row["Id"], System.Globalization.CultureInfo.InvariantCulture))],
            [.. ballots.OrderBy(row => long.Parse(row["Id"], System.Globalization.CultureInfo.InvariantCulture))], Links));
        failures.AddRange(Paired("reverse id order", participations.OrderBy(row => long.Parse(row["Id"], System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            [.. ballots.OrderByDescending(row => long.Parse(row["Id"], System.Globalization.CultureInfo.InvariantCulture))], Links));
        Assert.Empty(failures);
    }

    /// <summary>How many voters a random pairing of 30 links by chance, with room: P(more than 5) is about 0.0006.</summary>
    private const int ChanceBound = 5;

    private static IEnumerable<string> Paired(string how, List<Dictionary<string, string>> participations, List<Dictionary<string, string>> ballots,
        Func<Dictionary<string, string>, Dictionary<string, string>, bool> links)
    {
        var linked = participations.Zip(ballots).Count(pair => links(pair.First, pair.Second));
        return linked > ChanceBound ? [$"pairing by {how} links {linked} of {participations.Count} voters"] : [];
    }

    /// <summary>Voters sending their first ballot twice at once, then all changing it at once: exactly one counted ballot each, none lost.</summary>
    public static async Task Voters_racing_to_vote_and_revote_leave_exactly_one_ballot_each(ConnectiveWebFactory factory)
    {
        const int voters = 40;
        var world = await VoiceWorld.CreateAsync(factory, [10, 11, 12, 13, 14, 15, 16], budgetPounds: 100, closed: false);
        var people = await VoiceWorld.VotersAsync(factory, voters);

        var first = await Task.WhenAll(people.SelectMany((person, i) => new[] { TryVoteAsync(world, person, Subset(world, i + 1), null), TryVoteAsync(world, person, Subset(world, i + 1), null) }));
        var receipts = first.Where(result => result.Receipt is not null).ToList();
        Assert.Equal(voters, receipts.Count);
        Assert.All(first.Where(result => result.Receipt is null), result => Assert.Contains("voted already", result.Refusal, StringComparison.Ordinal));

        var changed = await Task.WhenAll(receipts.Select(result => TryVoteAsync(world, result.Person, Subset(world, 127 - Array.IndexOf(people, result.Person)), result.Receipt)));
        Assert.All(changed, result => Assert.Null(result.Refusal));

        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(voters, await db.PbParticipations.CountAsync(row => row.ProcessId == world.ProcessId));
        var stored = await db.PbBallots.Where(row => row.ProcessId == world.ProcessId).Select(row => row.Choices).ToListAsync();
        var expected = people.Select((_, i) => Key(Subset(world, 127 - i))).Order(StringComparer.Ordinal);
        Assert.Equal(expected, stored.Order(StringComparer.Ordinal));
    }

    private sealed record Attempt(int Person, string? Receipt, string? Refusal);

    private static async Task<Attempt> TryVoteAsync(VoiceWorld world, int person, IReadOnlyList<int> choices, string? receipt)
    {
        try
        {
            return new Attempt(person, (await world.VoteAsync(person, choices, receipt)).Receipt, null);
        }
        catch (VoiceRefusedException refusal)
        {
            return new Attempt(person, null, refusal.Message);
        }
    }

    /// <summary>The projects named by the bits of <paramref name="mask"/> (bit 0 is the first project).</summary>
    internal static IReadOnlyList<int> Subset(VoiceWorld world, int mask) =>
        [.. world.ProjectIds.Where((_, bit) => (mask & (1 << bit)) != 0)];

    private static string Key(IReadOnlyList<int> choices) => string.Join(',', choices.Order());

    private static async Task<List<Dictionary<string, string>>> ReadAsync(AppDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, string>>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName,
                i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!));
        }
        return rows;
    }
}
