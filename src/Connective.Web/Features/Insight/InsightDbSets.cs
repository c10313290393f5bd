using Connective.Web.Features.Insight;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Data;

/// <summary>The Insight area's tables (the area owns the entities; the context only exposes them).</summary>
public abstract partial class AppDbContext
{
    public DbSet<LifeEvent> LifeEvents => Set<LifeEvent>();
}
