using System.ComponentModel;

namespace Connective.Web.Features.Insight;

/// <summary>How old the figures of a view are: the network they show, and when the expensive measures were computed.</summary>
public sealed record SnapshotAge(
    [property: Description("The network version the view shows (it moves with every change to ties, consents or residents).")] long NetworkVersion,
    [property: Description("The network version the communities, brokerage and betweenness were computed from.")] long MeasuresVersion,
    DateTime MeasuresBuiltAt,
    [property: Description("Seconds since the communities, brokerage and betweenness were computed.")] double MeasuresAgeSeconds,
    [property: Description("True when the network changed after those measures were computed (a rebuild is under way).")] bool MeasuresAreOlder,
    double BuildSeconds,
    bool BetweennessEstimated);

/// <summary>Who a view covers and how many it leaves out because they have not consented to network insight.</summary>
public sealed record Coverage(
    [property: Description("Residents of the wards the view covers.")] int Residents,
    [property: Description("Of them, people who consent to network insight: the only people the view shows or counts.")] int InNetwork,
    [property: Description("Residents left out because they have not consented to network insight.")] int LeftOutForLackOfConsent);

public sealed record InsightWard(int Id, string Code, string Name);

/// <summary>A ward's (or the borough's) network figures, over the people who consent to network insight.</summary>
public sealed record NetworkFigures(
    string Code, string Name, int InNetwork, int LeftOutForLackOfConsent, double MeanTies, double ShareWithNoTies,
    double ShareWithLowReach, double MeanReachWithinTwoSteps, int Communities);

public sealed record InsightSummary(SnapshotAge Snapshot, Coverage Coverage, IReadOnlyList<InsightWard> Wards);

/// <summary>One person on the isolation list, with why they are listed and what could help.</summary>
public sealed record IsolationEntry(
    int ResidentId, string Name, int Age, string Ward, int Ties, int ReachWithinTwoSteps,
    IReadOnlyList<string> WhyListed, IReadOnlyList<string> WhatCouldHelp);

public sealed record IsolationList(SnapshotAge Snapshot, Coverage Coverage, string? WardCode, int Total, int Page, int PageCount, IReadOnlyList<IsolationEntry> People);

/// <summary>Someone to check in on, and why: bereaved themself, or a close friend or relative of someone bereaved.</summary>
public sealed record CheckIn(int ResidentId, string Name, int Age, string Ward, string Why, DateTime Until);

public sealed record CheckInList(SnapshotAge Snapshot, Coverage Coverage, int CheckInDays, IReadOnlyList<CheckIn> People);

/// <summary>A tie of the person shown, named only when the viewer's scope covers the other person.</summary>
public sealed record ReachTie(int? ResidentId, string? Name, string Kind, string? Ward);

public sealed record PersonReach(
    int ResidentId, string Name, int Age, string Ward, string WardCode,
    int WithinOneStep, int WithinTwoSteps, int WithinThreeSteps,
    int Community, double? Constraint, double Betweenness, int CoreNumber,
    IReadOnlyList<ReachTie> Ties, int TiesOutsideYourWards, IReadOnlyList<string> LifeEvents, SnapshotAge Snapshot);

public sealed record Broker(int ResidentId, string Name, string Ward, int Ties, double Betweenness, double? Constraint, int CommunitiesTouched);

public sealed record BrokerList(SnapshotAge Snapshot, Coverage Coverage, string WardCode, IReadOnlyList<Broker> People);

/// <summary>One community as seen from a ward: how many of its people live there.</summary>
public sealed record WardCommunity(int Community, int PeopleInWard, int PeopleInBorough, int TiesInWard);

/// <summary>Ties between two communities among the ward's people: the bridges between groups.</summary>
public sealed record CommunityBridge(int CommunityA, int CommunityB, int Ties);

public sealed record WardInsight(
    SnapshotAge Snapshot, Coverage Coverage, NetworkFigures Ward, NetworkFigures Borough,
    IReadOnlyList<WardCommunity> Communities, IReadOnlyList<CommunityBridge> Bridges);

/// <summary>A person on the map: by resident number only (names open on the person's page, which is audited).</summary>
public sealed record MapNode(int Id, float X, float Y, int Community, double Size, string Ward, string AgeBand, int Ties);

public sealed record MapData(
    SnapshotAge Snapshot, Coverage Coverage, string Measure, bool HasLayout, IReadOnlyList<MapNode> Nodes,
    [property: Description("Ties as pairs of resident numbers, both ends on the map.")] IReadOnlyList<int[]> Edges);

public sealed record NameMatch(int ResidentId, string Name, string Ward);

/// <summary>A life event to record: who, what and when (a date, not a time).</summary>
public sealed record LifeEventBody(int ResidentId, LifeEventKind Kind, DateOnly OccurredOn);

/// <summary>What the figures of a page rest on: shown at the top of every Insight page.</summary>
public sealed record InsightBasis(SnapshotAge Snapshot, Coverage Coverage, string Covers);

/// <summary>A life event as recorded.</summary>
public sealed record RecordedLifeEvent(int ResidentId, LifeEventKind Kind, DateOnly OccurredOn);
