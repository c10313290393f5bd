namespace Connective.Web.Infrastructure;

/// <summary>One of Connective's six areas, as shown in the navigation, on the home page and by the API.</summary>
public sealed record PlatformArea(string Name, string Path, string ForWhom, string Summary, bool IsBuilt);

/// <summary>The six areas of the platform, in navigation order.</summary>
public static class PlatformAreas
{
    public static readonly PlatformArea Community = new(
        "Community", "/community", "everyone",
        "People, households, wards and the ties between them, always with consent.", IsBuilt: true);

    public static readonly PlatformArea Circle = new(
        "Circle", "/circle", "residents, helpers and coordinators",
        "Ask for and offer practical help, matched through trusted neighbours, with vetted helpers for vulnerable people, meetups and time credits.", IsBuilt: true);

    public static readonly PlatformArea Voice = new(
        "Voice", "/voice", "residents and council officers",
        "Raise real needs, decide how to spend part of a budget with fair and auditable rules, discuss before town meetings, and see what was done.", IsBuilt: true);

    public static readonly PlatformArea Services = new(
        "Services", "/services", "residents and service managers",
        "A directory of local services with real-time feedback, live dashboards and pilots that are scaled or stopped on evidence.", IsBuilt: true);

    public static readonly PlatformArea Insight = new(
        "Insight", "/insight", "practitioners and analysts",
        "The community network as context: isolation and risk, reach, brokers and communities, and honest tests of what spreads.", IsBuilt: true);

    public static readonly PlatformArea Open = new(
        "Open", "/open", "the public",
        "Open data by default: service performance, needs, budgets, contracts and spending, documented and privacy-safe.", IsBuilt: true);

    public static IReadOnlyList<PlatformArea> All { get; } = [Community, Circle, Voice, Services, Insight, Open];
}
