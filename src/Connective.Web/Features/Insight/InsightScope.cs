using System.Security.Claims;
using Connective.Web.Platform.Access;

namespace Connective.Web.Features.Insight;

/// <summary>Who may use Insight: staff who may see named people (practitioners, coordinators, safeguarding leads, admins).</summary>
public static class InsightPolicies
{
    public const string Staff = Policies.Staff;

    /// <summary>Roles whose ward scope opens Insight's wards.</summary>
    public static readonly IReadOnlyList<string> Roles = Platform.Access.Roles.SeeNamedPeople;
}

/// <summary>The wards a viewer may see in Insight: the union of the scopes of their staff roles.</summary>
public sealed record InsightScope(bool BoroughWide, IReadOnlySet<int> Wards)
{
    public static readonly InsightScope Nothing = new(false, new HashSet<int>());

    public bool Covers(int wardId) => wardId != 0 && (BoroughWide || Wards.Contains(wardId));

    public static async Task<InsightScope> ForAsync(RoleScopes scopes, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        if (await scopes.ForAsync(user, cancellationToken) is not { } access)
        {
            return Nothing;
        }
        var wards = new HashSet<int>();
        foreach (var role in InsightPolicies.Roles)
        {
            if (access.Roles.TryGetValue(role, out var scope))
            {
                if (scope.BoroughWide)
                {
                    return new InsightScope(true, wards);
                }
                wards.UnionWith(scope.Wards);
            }
        }
        return new InsightScope(false, wards);
    }
}

/// <summary>What Insight writes to the audit log.</summary>
public static class InsightAuditActions
{
    /// <summary>A named person's Insight page or reach (their ties, reach and measures).</summary>
    public const string ViewedPerson = "InsightViewedPerson";

    /// <summary>A named person appeared in an Insight list (isolation, check-ins, brokers): one entry per person shown.</summary>
    public const string ListedPerson = "InsightListedPerson";

    /// <summary>The map or its table was opened (people shown by resident number only, no names).</summary>
    public const string ViewedMap = "InsightViewedMap";

    /// <summary>A name search on the map (the text is not kept: it is personal data).</summary>
    public const string SearchedMap = "InsightSearchedMap";

    /// <summary>A life event (such as a bereavement) was recorded for a person.</summary>
    public const string RecordedLifeEvent = "InsightRecordedLifeEvent";
}
