using Connective.Web.Features.Open;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Data;

// The Open area's tables (see CircleDbSets.cs for why the sets are declared in the area's folder).
public abstract partial class AppDbContext
{
    public DbSet<OpenDataUpload> OpenDataUploads => Set<OpenDataUpload>();
    public DbSet<SpendingPayment> SpendingPayments => Set<SpendingPayment>();
    public DbSet<PublicContract> PublicContracts => Set<PublicContract>();
    public DbSet<CommunityGrant> CommunityGrants => Set<CommunityGrant>();
}
