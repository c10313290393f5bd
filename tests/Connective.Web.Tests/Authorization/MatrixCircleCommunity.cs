using static Connective.Web.Tests.Authorization.Caller;
using static Connective.Web.Tests.Authorization.Outcome;

namespace Connective.Web.Tests.Authorization;

/// <summary>
/// Circle's community side: credits, circles and meetups are for every signed-in account (acting ones need a resident
/// record: others get 403); organising needs a circle's or staff coordinator; safeguarding concerns can be raised by
/// anyone signed in and read or handled only by the SafeguardingLead. Ids that do not exist (0) show that the caller
/// reached the handler (its 404 or validation problem), not a denial.
/// </summary>
internal sealed class MatrixCircleCommunity : IMatrixFeature
{
    private const string Problem400 = "\"status\":400";
    private const string Problem404 = "\"status\":404";

    // A meetup body that passes the API's schema checks, in a circle that does not exist: the schema is checked before
    // the handler, so only a valid body lets the matrix see who the handler refuses.
    private static string ValidMeetup => $$"""{"circleId":2147483647,"title":"A walk","startsAt":"{{DateTime.UtcNow.AddDays(30):yyyy-MM-ddTHH:mm:ssZ}}","durationMinutes":60,"place":"The library","capacity":10}""";

    public IEnumerable<MatrixEntry> Entries() =>
    [
        new MatrixEntry("PAGE /circle/credits", "My time credits</h1>").Get("/circle/credits").AnyoneSignedIn(Ok),
        new MatrixEntry("PAGE /circle/circles", "My circles</h1>").Get("/circle/circles").AnyoneSignedIn(Ok),
        new MatrixEntry("PAGE /circle/meetups", "Meetups</h1>").Get("/circle/meetups").AnyoneSignedIn(Ok),
        new MatrixEntry("PAGE /circle/meetups/{id:long}", "Page not found", 404).Get("/circle/meetups/0").AnyoneSignedIn(Ok),
        new MatrixEntry("PAGE /circle/meetups/organise", "Organise a meetup</h1>").Get("/circle/meetups/organise").AnyoneSignedIn(Ok),
        new MatrixEntry("PAGE /circle/meetups/{id:long}/edit", "Page not found", 404).Get("/circle/meetups/0/edit").AnyoneSignedIn(Ok),
        new MatrixEntry("PAGE /circle/safeguarding/raise", "Raise a safeguarding concern</h1>").Get("/circle/safeguarding/raise").AnyoneSignedIn(Ok),
        LeadOnly(new MatrixEntry("PAGE /circle/safeguarding", "Safeguarding concerns</h1>").Get("/circle/safeguarding")),
        LeadOnly(new MatrixEntry("PAGE /circle/safeguarding/concerns/{id:long}", "Page not found", 404).Get("/circle/safeguarding/concerns/0")),

        new MatrixEntry("GET /api/v1/circle/credits/me", "\"balance").Get("/api/v1/circle/credits/me").AnyoneSignedIn(Ok),
        ResidentOnly(new MatrixEntry("POST /api/v1/circle/credits/donations", "\"status\":409", 409)
            .PostJson(_ => "/api/v1/circle/credits/donations", _ => """{"hours":24}""")),
        ResidentOnly(new MatrixEntry("POST /api/v1/circle/thanks", "You can thank only someone", 403)
            .PostJson(_ => "/api/v1/circle/thanks", _ => """{"toResidentId":2147483647,"message":"Thank you"}""")),
        new MatrixEntry("GET /api/v1/circle/circles", "[").Get("/api/v1/circle/circles").AnyoneSignedIn(Ok),
        ResidentOnly(new MatrixEntry("PUT /api/v1/circle/circles/{circleId:int}/membership", Problem404, 404)
            .SendJson(HttpMethod.Put, _ => "/api/v1/circle/circles/0/membership", _ => "{}")),
        ResidentOnly(new MatrixEntry("DELETE /api/v1/circle/circles/{circleId:int}/membership", Problem404, 404)
            .SendJson(HttpMethod.Delete, _ => "/api/v1/circle/circles/0/membership", _ => "{}")),
        new MatrixEntry("GET /api/v1/circle/meetups", "[").Get("/api/v1/circle/meetups").AnyoneSignedIn(Ok),
        new MatrixEntry("GET /api/v1/circle/meetups/{id:long}", Problem404, 404).Get("/api/v1/circle/meetups/0").AnyoneSignedIn(Ok),
        ResidentOnly(new MatrixEntry("PUT /api/v1/circle/meetups/{id:long}/rsvp", Problem404, 404)
            .SendJson(HttpMethod.Put, _ => "/api/v1/circle/meetups/0/rsvp", _ => "{}")),
        ResidentOnly(new MatrixEntry("DELETE /api/v1/circle/meetups/{id:long}/rsvp", "\"status\":409", 409)
            .SendJson(HttpMethod.Delete, _ => "/api/v1/circle/meetups/0/rsvp", _ => "{}")),
        // Organising: only a circle's coordinators and staff Coordinators and Admins; none may organise in a circle
        // or record attendance at a meetup that does not exist, so every signed-in caller is refused here.
        new MatrixEntry("POST /api/v1/circle/meetups", "\"errors\"", 400).PostJson(_ => "/api/v1/circle/meetups", _ => ValidMeetup)
            .AnyoneSignedIn(Denied),
        new MatrixEntry("PUT /api/v1/circle/meetups/{id:long}", "\"title\"").SendJson(HttpMethod.Put,
                _ => "/api/v1/circle/meetups/0", _ => ValidMeetup)
            .AnyoneSignedIn(Denied),
        new MatrixEntry("POST /api/v1/circle/meetups/{id:long}/cancel", "\"status\":204", 204).PostJson(_ => "/api/v1/circle/meetups/0/cancel", _ => """{"reason":"Rain"}""")
            .AnyoneSignedIn(Denied),
        // Starting a circle in ward B: its staff (an Admin) start it; the ward A
        // Coordinator, and residents (who may start circles only in their own ward, once they organise one), are refused.
        new MatrixEntry("POST /api/v1/circle/circles", "\"name\":\"Matrix walkers\"", 201)
            .PostJson(_ => "/api/v1/circle/circles", ids => $$"""{"wardId":{{ids.WardBId}},"name":"Matrix walkers","description":"Walks on Sundays"}""")
            .Row(Anonymous, SignIn).Row(Resident, Denied).Row(Helper, Denied).Row(Coordinator, Denied).Row(Practitioner, Denied)
            .Row(SafeguardingLead, Denied).Row(BudgetOfficer, Denied).Row(ServiceManager, Denied).Row(Admin, Ok),
        new MatrixEntry("PUT /api/v1/circle/meetups/{id:long}/attendance", "\"residentIds\"").SendJson(HttpMethod.Put,
                _ => "/api/v1/circle/meetups/0/attendance", _ => """{"residentIds":[]}""")
            .AnyoneSignedIn(Denied),

        new MatrixEntry("POST /api/v1/circle/safeguarding/concerns", Problem400, 400)
            .PostJson(_ => "/api/v1/circle/safeguarding/concerns", _ => "{}").AnyoneSignedIn(Ok),
        LeadOnly(new MatrixEntry("GET /api/v1/circle/safeguarding/concerns", "[").Get("/api/v1/circle/safeguarding/concerns")),
        LeadOnly(new MatrixEntry("GET /api/v1/circle/safeguarding/concerns/{id:long}", Problem404, 404).Get("/api/v1/circle/safeguarding/concerns/0")),
        LeadOnly(new MatrixEntry("POST /api/v1/circle/safeguarding/concerns/{id:long}/notes", Problem400, 400)
            .PostJson(_ => "/api/v1/circle/safeguarding/concerns/0/notes", _ => """{"text":"A note"}""")),
        LeadOnly(new MatrixEntry("PUT /api/v1/circle/safeguarding/concerns/{id:long}/status", Problem404, 404)
            .SendJson(HttpMethod.Put, _ => "/api/v1/circle/safeguarding/concerns/0/status", _ => """{"status":"Closed"}""")),
        LeadOnly(new MatrixEntry("POST /api/v1/circle/safeguarding/concerns/{id:long}/referrals", Problem400, 400)
            .PostJson(_ => "/api/v1/circle/safeguarding/concerns/0/referrals", _ => """{"madeTo":"Adult social care"}""")),
        LeadOnly(new MatrixEntry("POST /api/v1/circle/safeguarding/concerns/{id:long}/reinstatements", Problem400, 400)
            .PostJson(_ => "/api/v1/circle/safeguarding/concerns/0/reinstatements", _ => """{"helperResidentId":1,"confirmHelperName":"Someone"}""")),
    ];

    /// <summary>Acting as a resident: the Resident reaches the handler; accounts without a resident record get 403.</summary>
    private static MatrixEntry ResidentOnly(MatrixEntry entry) =>
        entry
            .Row(Anonymous, SignIn)
            .Row(Resident, Ok)
            .Row(Helper, Denied)
            .Row(Coordinator, Denied)
            .Row(Practitioner, Denied)
            .Row(SafeguardingLead, Denied)
            .Row(BudgetOfficer, Denied)
            .Row(ServiceManager, Denied)
            .Row(Admin, Denied);

    private static MatrixEntry LeadOnly(MatrixEntry entry) =>
        entry
            .Row(Anonymous, SignIn)
            .Row(Resident, Denied)
            .Row(Helper, Denied)
            .Row(Coordinator, Denied)
            .Row(Practitioner, Denied)
            .Row(SafeguardingLead, Ok)
            .Row(BudgetOfficer, Denied)
            .Row(ServiceManager, Denied)
            .Row(Admin, Denied);
}
