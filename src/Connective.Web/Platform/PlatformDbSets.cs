using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Connective.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Data;

// The kernel's tables: the audit log, enquiries into it, role assignments and scheduled jobs' leases.
public abstract partial class AppDbContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditEnquiry> AuditEnquiries => Set<AuditEnquiry>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
}
