using Connective.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Services;

/// <summary>Search the directory: residents, and coordinators helping someone on the phone (the same page).</summary>
public sealed class IndexModel(ServiceSearchPage search, Data.AppDbContext db) : PageModel
{
    public string? Q { get; private set; }
    public Guid? Need { get; private set; }
    public string? Ward { get; private set; }
    public bool Searched { get; private set; }
    public bool IsManager { get; private set; }
    public int ServiceCount { get; private set; }
    public IReadOnlyList<NeedOption> Needs { get; private set; } = [];
    public IReadOnlyList<WardOption> Wards { get; private set; } = [];
    public IReadOnlyList<SearchResultView> Results { get; private set; } = [];

    public async Task OnGetAsync(string? q, Guid? need, string? ward, CancellationToken cancellationToken)
    {
        (Q, Need, Ward) = (q, need, string.IsNullOrWhiteSpace(ward) ? null : ward);
        IsManager = ServicesPolicies.IsManager(User);
        Needs = await search.NeedsAsync(cancellationToken);
        Wards = await search.WardsAsync(cancellationToken);
        ServiceCount = await db.DirectoryServices.CountAsync(s => s.Status == DirectoryServiceStatus.Active, cancellationToken);
        Searched = !string.IsNullOrWhiteSpace(q) || need is not null || Ward is not null;
        if (Searched)
        {
            (Results, var errors) = await search.SearchAsync(q, need, Ward, 50, cancellationToken);
            ModelState.AddErrors(errors);
        }
    }
}
