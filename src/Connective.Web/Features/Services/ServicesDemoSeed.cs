using Connective.Web.Data;
using Connective.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Services;

/// <summary>
/// Services' part of the demo borough: a needs taxonomy, about 40 organizations and 300 services spread over the wards
/// (with locations, phones, contacts and opening times), a year of feedback and problem reports, three decided pilots
/// and one under way, and a few corrections waiting for a moderator. Deterministic from the demo seed.
/// </summary>
internal sealed class ServicesDemoSeed : IDemoSeedParticipant
{
    public const int ServiceCount = 300;

    /// <summary>The first demo service's id, fixed so that documentation and the authorization matrix can name it.</summary>
    public static readonly Guid KnownServiceId = new("5e41ce00-0000-4000-8000-000000000001");

    /// <summary>After Circle: it reads nothing of Circle's, but the residents it names must exist, which they do from the start.</summary>
    public int Order => 300;

    private static readonly (string Need, string[] Children, string[] Kinds, string Blurb)[] Needs =
    [
        ("Food", ["Food banks", "Meals and lunch clubs"], ["Food Bank", "Community Pantry", "Lunch Club", "Community Fridge", "Breakfast Club"],
            "Food and a warm welcome, with no questions asked beyond what is needed to help."),
        ("Money and debt", ["Debt advice", "Benefits advice"], ["Debt Advice", "Benefits Clinic", "Money Matters Drop-in", "Credit Union Desk"],
            "Free, confidential help with debts, benefits, budgeting and forms."),
        ("Loneliness", ["Befriending", "Social groups"], ["Befriending Service", "Coffee Morning", "Friendship Group", "Knit and Natter", "Chatty Café"],
            "Company and conversation for anyone who would like more of it."),
        ("Health and wellbeing", ["Mental health", "Physical activity"], ["Wellbeing Walks", "Talking Space", "Chair Yoga", "Mental Health Peer Group", "Men's Shed"],
            "Looking after body and mind, at your own pace."),
        ("Housing", ["Homelessness", "Repairs and adaptations"], ["Housing Advice", "Tenancy Support", "Handyperson Service", "Winter Warmth Scheme"],
            "Help to find, keep and look after a home."),
        ("Carers", ["Respite", "Carers' groups"], ["Carers' Café", "Respite Sitting Service", "Young Carers Club", "Carers' Advice Line"],
            "Support for people who look after a relative, partner or friend."),
        ("Children and families", ["Early years", "Parenting"], ["Stay and Play", "Family Hub", "Parenting Course", "Toy Library", "Holiday Activities"],
            "Play, learning and support for children and the people who bring them up."),
        ("Young people", ["Youth clubs", "Education and training"], ["Youth Club", "Homework Club", "Youth Mentoring", "Skills Workshop"],
            "Somewhere to go, someone to talk to and something to do for 11 to 25 year olds."),
        ("Digital skills", ["Devices and data", "Online forms"], ["Digital Help Drop-in", "Device Lending", "Computer Class", "Data Bank"],
            "Help to get online and to do things online with confidence."),
        ("Older people", ["Day opportunities", "Home support"], ["Day Centre", "Good Neighbour Scheme", "Falls Prevention Class", "Shopping Help"],
            "Services that help older residents stay well, connected and independent."),
        ("Employment", ["Job search", "Volunteering"], ["Job Club", "Volunteer Centre", "CV Workshop", "Employment Support"],
            "Help to find work, or a way to give time that builds skills."),
        ("Libraries and learning", ["Adult learning", "Reading groups"], ["Library", "Reading Group", "English Conversation Club", "Adult Learning Course"],
            "Books, courses and places to learn something new."),
    ];

    private static readonly string[] Organisations =
    [
        "Demo Borough Council", "Borough Churches Together", "Age Friendly Demo", "Citizens Advice Demo", "Demo Carers Centre", "Mind in Demo",
        "Demo Food Network", "Youth Demo", "Demo Housing Trust", "Family Action Demo", "Demo Volunteer Network", "Demo Libraries",
        "Good Neighbours Demo", "Demo Credit Union", "Home-Start Demo", "Demo Community Trust", "Demo Mosque Community Centre", "St Mark's Parish",
        "Demo Gurdwara Seva", "Demo Leisure Trust", "Demo Men's Sheds", "Demo Digital Inclusion", "Demo Walking Group", "Demo Refugee Welcome",
        "Demo Foodshare", "Demo Disability Forum", "Demo Toy Library", "Demo Hospice", "Demo Law Centre", "Demo Allotment Society",
        "Demo Arts Collective", "Demo Sports Partnership", "Demo Scouts", "Demo Women's Centre", "Demo Tenants' Federation", "Demo Time Bank",
        "Demo Learning Partnership", "Demo Health Watch", "Demo Baby Bank", "Demo Repair Café",
    ];

    private static readonly string[] Comments =
    [
        "Really helpful and kind staff.", "I was seen quickly and got what I needed.", "Hard to find the entrance, but worth it.",
        "The opening times online were wrong when I went.", "Lovely people, I go every week now.", "Waited a long time and nobody explained why.",
        "Exactly what I needed after a difficult month.", "Could do with more seating for people who cannot stand for long.",
        "The volunteer went out of their way to help me.", "Phone line was engaged all morning.", "Made me feel welcome from the start.",
        "Good advice, but the room was very cold.",
    ];

    private static readonly string[] Days = ["MO", "TU", "WE", "TH", "FR", "SA"];

    public async Task<int> WriteAsync(DemoSeedContext demo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var ct = cancellationToken;
        var db = demo.Db;
        var random = new SplitMix(demo.Seed ^ 0x5E41_1CE5UL);
        var wards = await db.Wards.AsNoTracking().OrderBy(w => w.Id).ToListAsync(ct);
        var now = demo.Now;
        var rows = 0;

        var taxonomy = new DirectoryTaxonomy { Id = random.NextGuid(), Name = "Demo borough needs", Description = "What residents look for help with, broad needs first.", Version = "1" };
        db.DirectoryTaxonomies.Add(taxonomy);
        var needTerms = new List<(DirectoryTaxonomyTerm Broad, DirectoryTaxonomyTerm[] Narrow)>();
        foreach (var (need, children, _, blurb) in Needs)
        {
            var broad = new DirectoryTaxonomyTerm { Id = random.NextGuid(), TaxonomyId = taxonomy.Id, Name = need, Description = blurb, Code = Code(need) };
            var narrow = children.Select(child => new DirectoryTaxonomyTerm
            {
                Id = random.NextGuid(),
                TaxonomyId = taxonomy.Id,
                ParentId = broad.Id,
                Name = child,
                Description = $"{child}: part of {need.ToLowerInvariant()}.",
                Code = Code(child),
            }).ToArray();
            needTerms.Add((broad, narrow));
        }
        db.DirectoryTaxonomyTerms.AddRange(needTerms.Select(n => n.Broad));
        await db.SaveChangesAsync(ct);
        db.DirectoryTaxonomyTerms.AddRange(needTerms.SelectMany(n => n.Narrow));
        var organizations = Organisations.Select(name => new DirectoryOrganization
        {
            Id = random.NextGuid(),
            Name = name,
            Description = $"{name} runs services for residents of the demo borough.",
            Website = $"https://{Code(name)}.example",
            Email = $"hello@{Code(name)}.example",
            LastModified = now.AddDays(-random.Next(400)),
        }).ToList();
        db.DirectoryOrganizations.AddRange(organizations);
        await db.SaveChangesAsync(ct);
        rows += 1 + needTerms.Count + needTerms.Sum(n => n.Narrow.Length) + organizations.Count;

        var services = new List<DirectoryService>();
        for (var i = 0; i < ServiceCount; i++)
        {
            var n = i % Needs.Length;
            var (need, _, kinds, blurb) = Needs[n];
            var kind = kinds[random.Next(kinds.Length)];
            // About one in six services is borough-wide; the rest belong to a ward, named after it.
            var ward = random.Next(6) == 0 ? null : wards[random.Next(wards.Count)];
            var organization = organizations[random.Next(organizations.Count)];
            var status = random.Next(30) == 0 ? DirectoryServiceStatus.TemporarilyClosed : DirectoryServiceStatus.Active;
            var service = new DirectoryService
            {
                Id = i == 0 ? KnownServiceId : random.NextGuid(),
                OrganizationId = organization.Id,
                Name = ward is null ? $"{kind} (borough-wide)" : $"{ward.Name} {kind}",
                Description = $"{blurb} Run by {organization.Name}.",
                Status = status,
                WardId = ward?.Id,
                Email = $"{Code(kind)}@{Code(organization.Name)}.example",
                Url = $"https://{Code(organization.Name)}.example/{Code(kind)}",
                EligibilityDescription = n == 9 ? "For residents aged 60 and over." : n == 7 ? "For young people aged 11 to 25." : "Open to every resident of the borough.",
                MinimumAge = n == 9 ? 60 : n == 7 ? 11 : null,
                MaximumAge = n == 7 ? 25 : null,
                FeesDescription = random.Next(4) == 0 ? "A small charge; free for people on benefits." : "Free.",
                LastModified = now.AddDays(-random.Next(365)),
            };
            services.Add(service);
            db.DirectoryServices.Add(service);
            db.DirectoryServiceTerms.Add(new DirectoryServiceTerm { Id = random.NextGuid(), ServiceId = service.Id, TaxonomyTermId = needTerms[n].Broad.Id });
            var narrow = needTerms[n].Narrow;
            db.DirectoryServiceTerms.Add(new DirectoryServiceTerm { Id = random.NextGuid(), ServiceId = service.Id, TaxonomyTermId = narrow[random.Next(narrow.Length)].Id });
            db.DirectoryPhones.Add(new DirectoryPhone { Id = random.NextGuid(), ServiceId = service.Id, Number = $"0121 496 {random.Next(10000):0000}", Type = "voice" });
            var contact = new DirectoryContact { Id = random.NextGuid(), ServiceId = service.Id, Name = "Duty coordinator", Title = "Coordinator", Email = service.Email };
            db.DirectoryContacts.Add(contact);
            var homeWard = ward ?? wards[random.Next(wards.Count)];
            var location = new DirectoryLocation
            {
                Id = random.NextGuid(),
                OrganizationId = organization.Id,
                LocationType = "physical",
                Name = $"{homeWard.Name} Community Centre",
                Latitude = Math.Round(homeWard.CentroidLatitude + (random.NextDouble() - 0.5) * 0.01, 5),
                Longitude = Math.Round(homeWard.CentroidLongitude + (random.NextDouble() - 0.5) * 0.01, 5),
                Address1 = $"{1 + random.Next(200)} {homeWard.Name} Road",
                City = "Demo Borough",
                PostalCode = $"DB{1 + random.Next(9)} {random.Next(10)}AA",
                WardId = homeWard.Id,
            };
            db.DirectoryLocations.Add(location);
            var atLocation = new DirectoryServiceAtLocation { Id = random.NextGuid(), ServiceId = service.Id, LocationId = location.Id };
            db.DirectoryServiceAtLocations.Add(atLocation);
            var first = random.Next(Days.Length - 2);
            var opens = 9 + random.Next(3);
            db.DirectorySchedules.Add(new DirectorySchedule
            {
                Id = random.NextGuid(),
                ServiceAtLocationId = atLocation.Id,
                Freq = "WEEKLY",
                ByDay = string.Join(',', Days[first..(first + 1 + random.Next(3))]),
                OpensAt = $"{opens:00}:00",
                ClosesAt = $"{opens + 3 + random.Next(5):00}:00",
            });
            rows += 9;
        }
        await db.SaveChangesAsync(ct);

        // A year of feedback: each service has its own typical rating and popularity, so dashboards differ.
        var people = demo.People;
        foreach (var service in services)
        {
            var quality = 2.5 + random.NextDouble() * 2.3;
            var perMonth = random.Next(6) == 0 ? 6 + random.Next(10) : random.Next(4);
            for (var month = 0; month < 12; month++)
            {
                for (var k = 0; k < perMonth; k++)
                {
                    var at = now.AddDays(-(month * 30 + random.Next(30))).AddMinutes(-random.Next(600));
                    var rating = Math.Clamp((int)Math.Round(quality + (random.NextDouble() - 0.5) * 2.5), 1, 5);
                    var hasComment = random.Next(4) == 0;
                    var resident = people.Count > 0 && random.Next(3) > 0 ? people[random.Next(people.Count)].Id : (int?)null;
                    var replied = hasComment && random.Next(3) > 0;
                    db.ServiceFeedback.Add(new ServiceFeedback
                    {
                        ServiceId = service.Id,
                        Rating = rating,
                        Comment = hasComment ? Comments[random.Next(Comments.Length)] : null,
                        ResidentId = resident,
                        NameSharedWithManager = resident is not null && random.Next(2) == 0,
                        At = at,
                        ReplyDueAt = hasComment ? at.AddDays(14) : null,
                        Reply = replied ? "Thank you for telling us. We have shared this with the team." : null,
                        RepliedAt = replied ? at.AddDays(random.Next(20)) : null,
                    });
                    rows++;
                }
                if (random.Next(8) == 0)
                {
                    var reported = now.AddDays(-(month * 30 + random.Next(30)));
                    var answered = random.Next(4) > 0 && reported.AddDays(3) < now;
                    db.ProblemReports.Add(new ProblemReport
                    {
                        ServiceId = service.Id,
                        Category = (ProblemCategory)random.Next(6),
                        Description = "The service was closed during its advertised opening hours.",
                        Place = "Front entrance",
                        WardId = service.WardId,
                        ReportedAt = reported,
                        RespondBy = reported.AddDays(10),
                        ResidentId = people.Count > 0 ? people[random.Next(people.Count)].Id : null,
                        Status = answered ? (random.Next(2) == 0 ? ProblemStatus.Fixed : ProblemStatus.Investigating) : ProblemStatus.Open,
                        Response = answered ? "Sorry about this: a volunteer was ill. We now put a notice online when we have to close." : null,
                        RespondedAt = answered ? reported.AddDays(1 + random.Next(16)) : null,
                    });
                    rows++;
                }
            }
        }
        await db.SaveChangesAsync(ct);

        rows += await PilotsAsync(db, services, now, ct);

        for (var i = 0; i < 6 && people.Count > 0; i++)
        {
            db.DirectoryCorrections.Add(new DirectoryCorrection
            {
                ServiceId = services[random.Next(services.Count)].Id,
                Field = i % 2 == 0 ? CorrectionField.OpeningTimes : CorrectionField.Phone,
                ProposedValue = i % 2 == 0 ? "Now open Monday to Wednesday, 10:00 to 14:00" : $"0121 496 {random.Next(10000):0000}",
                Note = "I went last week and the sign on the door says so.",
                SuggestedByResidentId = people[random.Next(people.Count)].Id,
                SuggestedAt = now.AddDays(-random.Next(20)),
                Status = CorrectionStatus.Pending,
            });
            rows++;
        }
        await db.SaveChangesAsync(ct);
        return rows;
    }

    /// <summary>Three pilots reviewed and decided (one of each decision), one under way; results computed from the seeded feedback.</summary>
    private static async Task<int> PilotsAsync(AppDbContext db, List<DirectoryService> services, DateTime now, CancellationToken ct)
    {
        var plans = new (string Title, string Hypothesis, long Budget, PilotDecision Decision, string Reasons)[]
        {
            ("Evening opening", "Opening two evenings a week will let working residents use the service, raising use by a third without lowering ratings.", 1_200_000,
                PilotDecision.Scale, "Use rose and ratings held: evening opening becomes permanent and is offered to three similar services."),
            ("Text reminders", "A text the day before an appointment will cut missed appointments and raise satisfaction.", 350_000,
                PilotDecision.Iterate, "Ratings rose but fewer people than hoped used it; we will try again with reminders in community languages."),
            ("Pop-up in the market", "A weekly stall in the market will reach people who never come to the centre.", 800_000,
                PilotDecision.Stop, "Few people used the stall and the ratings did not change; the money goes back to the evening opening."),
            ("Peer volunteers at the door", "A volunteer who has used the service, greeting people at the door, will raise ratings.", 250_000,
                PilotDecision.Pending, ""),
        };
        var rows = 0;
        for (var i = 0; i < plans.Length; i++)
        {
            var plan = plans[i];
            var service = services[(i * 37) % services.Count];
            var decided = plan.Decision != PilotDecision.Pending;
            var pilot = new Pilot
            {
                ServiceId = service.Id,
                Title = plan.Title,
                Hypothesis = plan.Hypothesis,
                BudgetPence = plan.Budget,
                StartsOn = decided ? now.AddDays(-200 + i * 20) : now.AddDays(-20),
                ReviewOn = decided ? now.AddDays(-30 + i * 5) : now.AddDays(70),
                CreatedAt = decided ? now.AddDays(-210 + i * 20) : now.AddDays(-30),
                Decision = plan.Decision,
                DecisionReasons = decided ? plan.Reasons : null,
                DecidedAt = decided ? now.AddDays(-25 + i * 5) : null,
            };
            db.Pilots.Add(pilot);
            await db.SaveChangesAsync(ct);
            var ratings = await db.ServiceFeedback.Where(f => f.ServiceId == service.Id && f.At >= pilot.StartsOn && f.At < pilot.ReviewOn).Select(f => f.Rating).ToListAsync(ct);
            db.PilotMeasures.Add(new PilotMeasure
            {
                PilotId = pilot.Id,
                Source = PilotMeasureSource.AverageRating,
                Target = 4,
                Result = decided && ratings.Count > 0 ? Math.Round(ratings.Average(), 2) : null,
            });
            db.PilotMeasures.Add(new PilotMeasure { PilotId = pilot.Id, Source = PilotMeasureSource.FeedbackCount, Target = 20, Result = decided ? ratings.Count : null });
            rows += 3;
        }
        await db.SaveChangesAsync(ct);
        return rows;
    }

    private static string Code(string text) =>
        new string([.. text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Replace("--", "-", StringComparison.Ordinal).Trim('-');

    /// <summary>SplitMix64: specified, so the demo directory is the same on every .NET version (System.Random's seeded sequence is not promised).</summary>
    private sealed class SplitMix(ulong seed)
    {
        private ulong _state = seed;

        public ulong NextUInt64()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public int Next(int below) => (int)(NextUInt64() % (ulong)below);

        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        /// <summary>A version-4 UUID from the sequence.</summary>
        public Guid NextGuid()
        {
            Span<byte> bytes = stackalloc byte[16];
            BitConverter.TryWriteBytes(bytes, NextUInt64());
            BitConverter.TryWriteBytes(bytes[8..], NextUInt64());
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes);
        }
    }
}
