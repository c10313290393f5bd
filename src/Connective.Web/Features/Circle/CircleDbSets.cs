using Connective.Web.Features.Circle;
using Connective.Web.Features.Circle.Credits;
using Connective.Web.Features.Circle.Erasure;
using Connective.Web.Features.Circle.Meetups;
using Connective.Web.Features.Circle.Safeguarding;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Data;

// Circle's tables. The sets are declared here, beside the entities and their configurations, so that Data/ names no
// area: each area adds its own part of the one model (the architecture test counts these getters as the area's).
public abstract partial class AppDbContext
{
    public DbSet<CircleTaskType> CircleTaskTypes => Set<CircleTaskType>();
    public DbSet<HelperProfile> HelperProfiles => Set<HelperProfile>();
    public DbSet<VettingRecord> VettingRecords => Set<VettingRecord>();
    public DbSet<HelpRequest> HelpRequests => Set<HelpRequest>();
    public DbSet<HelpOffer> HelpOffers => Set<HelpOffer>();
    public DbSet<RequesterUpdate> RequesterUpdates => Set<RequesterUpdate>();
    public DbSet<CoordinatorTask> CoordinatorTasks => Set<CoordinatorTask>();
    public DbSet<CreditAccount> CreditAccounts => Set<CreditAccount>();
    public DbSet<CreditPosting> CreditPostings => Set<CreditPosting>();
    public DbSet<CreditTransfer> CreditTransfers => Set<CreditTransfer>();
    public DbSet<CreditEntry> CreditEntries => Set<CreditEntry>();
    public DbSet<ThanksMessage> ThanksMessages => Set<ThanksMessage>();
    public DbSet<Meetup> Meetups => Set<Meetup>();
    public DbSet<MeetupRsvp> MeetupRsvps => Set<MeetupRsvp>();
    public DbSet<MeetupAttendance> MeetupAttendances => Set<MeetupAttendance>();
    public DbSet<SafeguardingConcern> SafeguardingConcerns => Set<SafeguardingConcern>();
    public DbSet<SafeguardingNote> SafeguardingNotes => Set<SafeguardingNote>();
    public DbSet<SafeguardingReferral> SafeguardingReferrals => Set<SafeguardingReferral>();
    public DbSet<CircleKeptRecord> CircleKeptRecords => Set<CircleKeptRecord>();
}
