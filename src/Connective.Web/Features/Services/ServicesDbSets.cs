using Connective.Web.Features.Services;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Data;

// The Services area's tables, declared beside its entities so that Data/ names no area.
public abstract partial class AppDbContext
{
    public DbSet<DirectoryOrganization> DirectoryOrganizations => Set<DirectoryOrganization>();
    public DbSet<DirectoryService> DirectoryServices => Set<DirectoryService>();
    public DbSet<DirectoryLocation> DirectoryLocations => Set<DirectoryLocation>();
    public DbSet<DirectoryServiceAtLocation> DirectoryServiceAtLocations => Set<DirectoryServiceAtLocation>();
    public DbSet<DirectoryContact> DirectoryContacts => Set<DirectoryContact>();
    public DbSet<DirectoryPhone> DirectoryPhones => Set<DirectoryPhone>();
    public DbSet<DirectorySchedule> DirectorySchedules => Set<DirectorySchedule>();
    public DbSet<DirectoryTaxonomy> DirectoryTaxonomies => Set<DirectoryTaxonomy>();
    public DbSet<DirectoryTaxonomyTerm> DirectoryTaxonomyTerms => Set<DirectoryTaxonomyTerm>();
    public DbSet<DirectoryServiceTerm> DirectoryServiceTerms => Set<DirectoryServiceTerm>();
    public DbSet<DirectoryChange> DirectoryChanges => Set<DirectoryChange>();
    public DbSet<ServiceFeedback> ServiceFeedback => Set<ServiceFeedback>();
    public DbSet<ProblemReport> ProblemReports => Set<ProblemReport>();
    public DbSet<Pilot> Pilots => Set<Pilot>();
    public DbSet<PilotMeasure> PilotMeasures => Set<PilotMeasure>();
    public DbSet<DirectoryCorrection> DirectoryCorrections => Set<DirectoryCorrection>();
}
