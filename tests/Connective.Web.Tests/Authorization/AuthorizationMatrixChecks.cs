using Connective.Web.Data;
using Connective.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Connective.Web.Tests.Authorization;

/// <summary>
/// The authorization matrix (format: MatrixFormat.cs). Every endpoint of the running app must have an entry, every
/// entry must match an endpoint, and every stated cell is requested as that caller and compared with the response.
/// All mismatches are reported together, one line each.
/// </summary>
internal static class AuthorizationMatrixChecks
{
    public static IReadOnlyList<MatrixEntry> AllEntries() =>
    [
        .. typeof(IMatrixFeature).Assembly.GetTypes()
            .Where(type => typeof(IMatrixFeature).IsAssignableFrom(type) && type is { IsClass: true, IsAbstract: false })
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .SelectMany(type => ((IMatrixFeature)Activator.CreateInstance(type)!).Entries()),
    ];

    /// <summary>The key of every endpoint the app serves, as the matrix spells it.</summary>
    public static IReadOnlyList<string> EndpointKeys(IServiceProvider services)
    {
        var keys = new List<string>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null || endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null)
            {
                keys.Add("PAGE " + pattern);
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            keys.Add((methods is { Count: > 0 } ? string.Join(',', methods.Order(StringComparer.Ordinal)) : "ANY") + " " + pattern);
        }
        return [.. keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Every endpoint has an entry and every entry an endpoint; each entry states every caller for every request.</summary>
    public static void Every_endpoint_has_a_complete_entry(ConnectiveWebFactory factory, ITestOutputHelper output)
    {
        var endpoints = EndpointKeys(factory.Services);
        var entries = AllEntries();
        var problems = new List<string>();

        foreach (var duplicate in entries.GroupBy(entry => entry.Key, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            problems.Add($"two matrix entries for {duplicate.Key}");
        }
        var keyed = entries.Select(entry => entry.Key).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(endpoints.Where(key => !keyed.Contains(key)).Select(key => $"no matrix entry for {key}: add it to Authorization/Matrix<Feature>.cs"));
        problems.AddRange(keyed.Where(key => !endpoints.Contains(key)).Select(key => $"matrix entry {key} matches no endpoint of the app (renamed or removed?)"));
        foreach (var entry in entries)
        {
            if (entry.Requests.Count == 0)
            {
                problems.Add($"{entry.Key}: no request listed");
            }
            if (string.IsNullOrEmpty(entry.Marker))
            {
                problems.Add($"{entry.Key}: no content marker for allowed responses");
            }
            foreach (var request in entry.Requests)
            {
                foreach (var caller in Enum.GetValues<Caller>())
                {
                    if (!request.Rows.TryGetValue(caller, out var row))
                    {
                        problems.Add($"{entry.Key} {request.Method}: no row for {caller}");
                    }
                    else if (row.Length != request.Targets.Count)
                    {
                        problems.Add($"{entry.Key} {request.Method}: the {caller} row has {row.Length} outcomes for {request.Targets.Count} targets");
                    }
                    else if (row.Where((outcome, index) => outcome == Outcome.NA && !(request.Targets[index] == Target.Own && caller != Caller.Resident)).Any())
                    {
                        problems.Add($"{entry.Key} {request.Method}: NA is only for Own when the caller has no resident record ({caller})");
                    }
                }
            }
        }

        var covered = endpoints.Count(keyed.Contains);
        output.WriteLine($"Authorization matrix: {covered} of {endpoints.Count} endpoints have entries ({100.0 * covered / Math.Max(1, endpoints.Count):0.0}%).");
        foreach (var key in endpoints)
        {
            output.WriteLine((keyed.Contains(key) ? "  covered  " : "  MISSING  ") + key);
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>Requests every cell of the matrix as its caller and compares the response with the stated outcome.</summary>
    public static async Task Every_cell_gets_its_stated_outcome(ConnectiveWebFactory factory, ITestOutputHelper output)
    {
        var ids = await ResolveIdsAsync(factory);
        var sessions = new Dictionary<Caller, MatrixSession>();
        try
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                sessions[caller] = await MatrixSession.StartAsync(factory, caller);
            }

            var failures = new List<string>();
            var requests = 0;
            foreach (var entry in AllEntries())
            {
                foreach (var request in entry.Requests)
                {
                    foreach (var (caller, row) in request.Rows.OrderBy(pair => pair.Key))
                    {
                        for (var index = 0; index < Math.Min(row.Length, request.Targets.Count); index++)
                        {
                            var expected = row[index];
                            if (expected == Outcome.NA)
                            {
                                continue;
                            }
                            var target = ids with { Current = request.Targets[index] };
                            var path = request.Path(target);
                            var (response, body) = await sessions[caller].SendAsync(request, target, path);
                            requests++;
                            var problem = Compare(entry, expected, response, body, path);
                            if (problem is not null)
                            {
                                failures.Add($"{request.Method} {path} as {caller} ({request.Targets[index]}): expected {expected}, {problem}");
                            }
                            response.Dispose();
                        }
                    }
                }
            }
            output.WriteLine($"Authorization matrix: {requests} requests, {failures.Count} mismatches.");
            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        }
        finally
        {
            foreach (var session in sessions.Values)
            {
                session.Dispose();
            }
        }
    }

    /// <summary>Null when the response is what the outcome says, otherwise what was got instead.</summary>
    private static string? Compare(MatrixEntry entry, Outcome expected, HttpResponseMessage response, string body, string path)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location is { } uri ? (uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString) : null;
        var got = $"got {status}{(location is null ? "" : " to " + location)}";
        var isApi = path.StartsWith("/api/", StringComparison.Ordinal);
        switch (expected.Kind)
        {
            case "Ok":
                if (status != entry.AllowedStatus)
                {
                    return got;
                }
                if (!body.Contains(entry.Marker, StringComparison.Ordinal))
                {
                    return $"got {status} without the marker \"{entry.Marker}\"";
                }
                if (expected.Detail is { } marker && body.Contains(marker, StringComparison.Ordinal) != expected.DetailPresent)
                {
                    return $"got {status} {(expected.DetailPresent ? "without" : "with")} \"{marker}\"";
                }
                return null;
            case "SignIn":
                return isApi
                    ? status == StatusCodes.Status401Unauthorized ? null : got
                    : status == StatusCodes.Status302Found && location?.StartsWith("/account/sign-in", StringComparison.Ordinal) == true ? null : got;
            case "Denied":
                return isApi
                    ? status == StatusCodes.Status403Forbidden ? null : got
                    : status == StatusCodes.Status302Found && location?.StartsWith("/account/access-denied", StringComparison.Ordinal) == true ? null : got;
            case "Redirect":
                return status is StatusCodes.Status302Found or StatusCodes.Status303SeeOther && location == expected.Detail ? null : got;
            default:
                throw new InvalidOperationException($"Unknown outcome {expected}.");
        }
    }

    /// <summary>
    /// The seeded records the matrix names. Ward A is the demo Resident's ward; ward B is the first other ward. The
    /// residents chosen are the lowest ids that fit, so the same demo seed always gives the same ids.
    /// </summary>
    public static async Task<MatrixIds> ResolveIdsAsync(ConnectiveWebFactory factory)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var own = await db.Users.Where(user => user.Id == "demo-resident").Select(user => user.ResidentId).SingleAsync()
            ?? throw new InvalidOperationException("The demo Resident account has no resident record.");
        var wardA = await db.Residents.Where(resident => resident.Id == own).Select(resident => resident.WardId).SingleAsync();
        var wardB = await db.Wards.Where(ward => ward.Id != wardA).OrderBy(ward => ward.Id).Select(ward => ward.Id).FirstAsync();
        var insight = db.Consents.Where(consent => consent.Purpose == ConsentPurpose.NetworkInsight && consent.WithdrawnAt == null).Select(consent => consent.ResidentId);
        var sameWard = await db.Residents.Where(resident => resident.WardId == wardA && resident.Id != own && insight.Contains(resident.Id))
            .OrderBy(resident => resident.Id).Select(resident => resident.Id).FirstAsync();
        var sameWardNoConsent = await db.Residents.Where(resident => resident.WardId == wardA && resident.Id != own && !insight.Contains(resident.Id))
            .OrderBy(resident => resident.Id).Select(resident => resident.Id).FirstAsync();
        var otherWard = await db.Residents.Where(resident => resident.WardId == wardB && insight.Contains(resident.Id))
            .OrderBy(resident => resident.Id).Select(resident => resident.Id).FirstAsync();
        var codes = await db.Wards.Where(ward => ward.Id == wardA || ward.Id == wardB).ToDictionaryAsync(ward => ward.Id, ward => ward.Code);
        return new MatrixIds(own, sameWard, sameWardNoConsent, otherWard, codes[wardA], codes[wardB], wardA, wardB);
    }
}
