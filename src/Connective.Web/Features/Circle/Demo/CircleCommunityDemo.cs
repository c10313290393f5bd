using Connective.Graph.Generators;
using Connective.Web.Data;
using Connective.Web.Features.Circle.Credits;
using Connective.Web.Features.Circle.Meetups;

namespace Connective.Web.Features.Circle.Demo;

/// <summary>
/// Circle's community side in the demo borough: for each circle, fortnightly meetups over the last twelve weeks with
/// attendance recorded and two upcoming ones with places taken; some hours given between members, a few donations to
/// the pool and thanks. Drawn from its own stream of the seed, so the same seed gives the same rows.
/// </summary>
internal static class CircleCommunityDemo
{
    private static readonly string[] Places = ["the community centre", "the library's meeting room", "the café on the high street", "the park gates", "the church hall"];

    public static async Task<int> WriteAsync(AppDbContext db, TimeProvider time, IReadOnlyList<Data.Circle> circles, IReadOnlyList<CircleMember> members, int demoResidentId,
        ulong seed, DateTime now, CancellationToken cancellationToken)
    {
        var random = new SeededRandom(seed ^ 0xC12C_1E00_C0DE_0006UL);
        var meetups = new List<Meetup>();
        var rsvps = new List<MeetupRsvp>();
        var attendance = new List<MeetupAttendance>();
        var today = now.Date;
        var membersOf = members.GroupBy(member => member.CircleId).ToDictionary(group => group.Key, group => group.Select(member => member.ResidentId).ToArray());
        foreach (var circle in circles)
        {
            var people = membersOf.GetValueOrDefault(circle.Id, []);
            var organiser = members.FirstOrDefault(member => member.CircleId == circle.Id && member.IsCoordinator)?.ResidentId;
            for (var week = -12; week <= 2; week += 2)
            {
                var startsAt = today.AddDays(week * 7 + circle.Id).AddHours(10 + random.NextInt(0, 8));
                var meetup = new Meetup
                {
                    Id = meetups.Count + 1,
                    CircleId = circle.Id,
                    Title = $"{circle.Name}: get-together",
                    Description = "Tea, a chat and a plan for the next few weeks. Everyone is welcome, members or not.",
                    StartsAt = startsAt,
                    EndsAt = startsAt.AddHours(2),
                    Place = "Upstairs at " + Places[random.NextInt(Places.Length)],
                    Capacity = 12 + random.NextInt(0, 10),
                    AccessibilityNotes = random.NextBool(0.6) ? "Step-free entrance and an accessible toilet; a hearing loop is available." : null,
                    OrganiserResidentId = organiser,
                    CreatedAt = startsAt.AddDays(-14),
                };
                var coming = people.Where(_ => random.NextBool(0.6)).Take(meetup.Capacity).ToList();
                meetup.TakenPlaces = coming.Count;
                rsvps.AddRange(coming.Select(person => new MeetupRsvp { MeetupId = meetup.Id, ResidentId = person, At = meetup.CreatedAt.AddDays(random.NextInt(1, 10)) }));
                if (startsAt < now)
                {
                    // Most who booked came; attendance is what an organiser would have recorded after the meetup.
                    attendance.AddRange(coming.Where(_ => random.NextBool(0.85))
                        .Select(person => new MeetupAttendance { MeetupId = meetup.Id, ResidentId = person, RecordedAt = meetup.EndsAt.AddHours(1) }));
                    meetup.AttendanceRecordedAt = meetup.EndsAt.AddHours(1);
                }
                meetups.Add(meetup);
            }
        }
        var rows = await BulkInsert.WriteAsync(db, meetups, cancellationToken);
        rows += await BulkInsert.WriteAsync(db, rsvps, cancellationToken);
        rows += await BulkInsert.WriteAsync(db, attendance, cancellationToken);
        await BulkInsert.ResetIdentityAsync<Meetup>(db, cancellationToken);

        // Hours given between members of the same circle, through the ledger itself so every invariant holds.
        var credits = new TimeCredits(db, time);
        var postings = 0;
        foreach (var circle in circles)
        {
            var people = membersOf.GetValueOrDefault(circle.Id, []);
            for (var i = 0; people.Length >= 2 && i < 6; i++)
            {
                var helper = people[random.NextInt(people.Length)];
                var recipient = people[random.NextInt(people.Length)];
                if (helper != recipient)
                {
                    await credits.RecordTaskAsync($"demo:task:{circle.Id}:{i}", helper, recipient, 0.5m * random.NextInt(1, 7), cancellationToken);
                    postings++;
                    if (random.NextBool(0.5))
                    {
                        await Thanks.SendAsync(db, time, recipient, helper, null, "Thank you so much for your help, it made my week.", cancellationToken);
                        rows++;
                    }
                }
            }
        }
        // The demo resident has given and received help, and a neighbour has given hours to the pool.
        var neighbour = members.Select(member => member.ResidentId).FirstOrDefault(id => id != demoResidentId);
        if (neighbour != 0)
        {
            await credits.RecordTaskAsync("demo:task:resident:given", demoResidentId, neighbour, 2m, cancellationToken);
            await credits.RecordTaskAsync("demo:task:resident:received", neighbour, demoResidentId, 1.5m, cancellationToken);
            // Someone other than these two, so the neighbour really earns the hours they then give away.
            var third = Enumerable.Range(1, 3).Select(step => demoResidentId + step).First(id => id != neighbour);
            await credits.RecordTaskAsync("demo:task:neighbour:earned", neighbour, third, 4m, cancellationToken);
            // Give at most what the neighbour holds after the circles' own exchanges above (whole hours, at least one).
            var held = (await MyCredits.StatementAsync(db, neighbour, cancellationToken)).BalanceMinutes / 60;
            if (held >= 1)
            {
                await credits.DonateToPoolAsync("demo:donation:neighbour", neighbour, Math.Min(3m, held), cancellationToken);
            }
            await Thanks.SendAsync(db, time, neighbour, demoResidentId, null, "Thanks for fixing the shelf, it's been wobbling for years!", cancellationToken);
            postings += 4;
            rows++;
        }
        return rows + postings;
    }
}
