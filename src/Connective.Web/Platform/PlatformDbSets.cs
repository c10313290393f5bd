using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Data;

// The kernel's tables: the audit log, enquiries into it, and role assignments.
public abstract partial class AppDbContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditEnquiry> AuditEnquiries => Set<AuditEnquiry>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
}
