using Microsoft.AspNetCore.SignalR;

namespace Connective.Web.Features.Services;

/// <summary>
/// The live dashboards' channel. A page joins the group of the service or ward it shows; when feedback or a report
/// arrives the group is told "changed" and the page fetches its figures again (the figures themselves never travel
/// over the hub, so disclosure control is applied in one place, the page that renders them).
/// </summary>
public sealed class ServicesHub : Hub
{
    public const string Path = "/services/live";

    public Task WatchService(Guid serviceId) => Groups.AddToGroupAsync(Context.ConnectionId, ServicesLive.ServiceGroup(serviceId));

    public Task WatchWard(int wardId) => Groups.AddToGroupAsync(Context.ConnectionId, ServicesLive.WardGroup(wardId));
}

/// <summary>Tells watching dashboards that their figures changed.</summary>
public sealed class ServicesLive(IHubContext<ServicesHub> hub)
{
    public static string ServiceGroup(Guid serviceId) => "service:" + serviceId.ToString("D");

    public static string WardGroup(int wardId) => "ward:" + wardId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task ChangedAsync(Guid serviceId, int? wardId, CancellationToken ct)
    {
        await hub.Clients.Group(ServiceGroup(serviceId)).SendAsync("changed", ct);
        if (wardId is { } ward)
        {
            await hub.Clients.Group(WardGroup(ward)).SendAsync("changed", ct);
        }
    }
}
