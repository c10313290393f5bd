using Connective.Web.Features.Voice.Budgets;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Data;

// Voice's tables, declared beside the area's entities so that Data/ names no area.
public abstract partial class AppDbContext
{
    public DbSet<PbProcess> PbProcesses => Set<PbProcess>();
    public DbSet<PbProject> PbProjects => Set<PbProject>();
    public DbSet<PbParticipation> PbParticipations => Set<PbParticipation>();
    public DbSet<PbBallot> PbBallots => Set<PbBallot>();
}
