using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Connective.Web.Data;
using Connective.Web.Demo;
using Connective.Web.Platform.Access;
using Connective.Web.Tests.Fixtures;
using Connective.Web.Tests.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Api;

/// <summary>
/// Every operation in the app's own OpenAPI document, as the roles that may call it, with boundary and random values for
/// each property of its request schema (and for its path and query parameters): no answer may be a 500, a refusal must
/// be a ProblemDetails, an accepted request must have sent only values inside the ranges the schema documents, and the
/// records written must stay inside the ranges the app promises.
/// </summary>
internal static class ApiFuzzChecks
{
    // Fixed, so that a failure can be replayed; the message of every failure names the operation and the body sent.
    private const int Seed = 20261207;
    private const int RandomBodiesPerOperation = 12;

    private static readonly string[] FuzzRoles = [Roles.Resident, Roles.Helper, Roles.Coordinator, Roles.SafeguardingLead, Roles.Admin];

    public static async Task Every_operation_answers_bad_input_with_a_problem_and_stores_nothing_outside_its_range(ConnectiveWebFactory factory)
    {
        using var anonymous = new AccountClient(factory);
        var document = JsonNode.Parse(await anonymous.Http.GetStringAsync("/openapi/v1.json"))!;
        var clients = new Dictionary<string, AccountClient>();
        foreach (var role in FuzzRoles)
        {
            clients[role] = await AccountClient.SignedInAsDemoAsync(factory, role);
        }
        try
        {
            var candidates = await IdCandidatesAsync(factory);
            var random = new Random(Seed);
            var failures = new List<string>();
            var operations = Operations(document).ToList();
            Assert.True(operations.Count >= 20, $"The OpenAPI document lists only {operations.Count} operations");
            foreach (var operation in operations)
            {
                foreach (var client in await CallersAsync(operation, clients, anonymous))
                {
                    var ids = await IdsTheCallerMayUseAsync(client, operation, document, candidates);
                    foreach (var attempt in Attempts(document, operation, random, ids))
                    {
                        await SendAsync(client, operation, attempt, document, failures);
                    }
                }
            }
            // The worst first: server errors, then unnamed fields, then values accepted outside their range; one line per operation and kind.
            var summary = failures.OrderBy(f => f.StartsWith('5') ? 0 : f.Contains("accepted", StringComparison.Ordinal) ? 2 : 1)
                .DistinctBy(f => f.Split(" for ")[0].Split(':')[0] + " " + string.Join(' ', f.Split(" for ").Last().Split(' ').Take(2)))
                .Take(60);
            Assert.True(failures.Count == 0, $"{failures.Count} bad answers:\n" + string.Join("\n", summary));
            await AssertStoredValuesInRangeAsync(factory);
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>One operation of the document: its method, path template, parameters and request body schema.</summary>
    internal sealed record Operation(string Method, string Path, IReadOnlyList<JsonNode> Parameters, JsonNode? BodySchema)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    /// <summary>A request to send: path and query values by name, and the body's text (null for none).</summary>
    internal sealed record Attempt(IReadOnlyDictionary<string, string> Values, string? Body, JsonObject? BodyObject);

    internal static IEnumerable<Operation> Operations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is "parameters" or "summary" or "description")
                {
                    continue;
                }
                var parameters = operation!["parameters"]?.AsArray().Select(p => p!).ToList() ?? [];
                var body = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                yield return new Operation(method.ToUpperInvariant(), path, parameters, body is null ? null : Resolve(document, body));
            }
        }
    }

    /// <summary>The roles whose call to the operation is not refused as unauthorised or forbidden by policy, or anonymous when none needs signing in.</summary>
    private static async Task<IReadOnlyList<AccountClient>> CallersAsync(Operation operation, Dictionary<string, AccountClient> clients, AccountClient anonymous)
    {
        using var probe = await SendRawAsync(anonymous, operation, PathWith(operation, _ => "1"), operation.BodySchema is null ? null : "{}");
        if (probe.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.Redirect))
        {
            return [anonymous];
        }
        foreach (var (_, client) in clients)
        {
            using var response = await SendRawAsync(client, operation, PathWith(operation, _ => "1"), operation.BodySchema is null ? null : "{}");
            // A 403 ProblemDetails with a reason (not a resident, outside your wards) came from the handler; the policy's has no detail.
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect)
            {
                continue;
            }
            if (response.StatusCode == HttpStatusCode.Forbidden && !(await response.Content.ReadAsStringAsync()).Contains("\"detail\"", StringComparison.Ordinal))
            {
                continue;
            }
            // The first role the policy lets in is enough: the handlers treat every permitted caller alike.
            return [client];
        }
        return [clients[Roles.Admin]];
    }

    private static IEnumerable<Attempt> Attempts(JsonNode document, Operation operation, Random random, IReadOnlyDictionary<string, long> ids)
    {
        var parameterValues = operation.Parameters.ToDictionary(p => p["name"]!.GetValue<string>(), p => Boundaries(document, p["schema"]!, random).Where(v => v is not null).Select(v => v!.ToJsonString().Trim('"')).ToList());
        string? BodyText(JsonNode? node) => node?.ToJsonString();
        var typical = operation.Parameters.ToDictionary(p => p["name"]!.GetValue<string>(),
            p => ids.TryGetValue(p["name"]!.GetValue<string>(), out var id) ? id.ToString(CultureInfo.InvariantCulture) : Typical(document, p["schema"]!).ToJsonString().Trim('"'));
        JsonNode TypicalBody()
        {
            var body = Typical(document, operation.BodySchema!);
            if (body is JsonObject fields)
            {
                foreach (var (name, id) in ids)
                {
                    if (fields.ContainsKey(name))
                    {
                        fields[name] = id;
                    }
                }
            }
            return body;
        }

        // Each parameter at each of its boundaries, the others typical.
        foreach (var (name, values) in parameterValues)
        {
            foreach (var value in values)
            {
                var set = new Dictionary<string, string>(typical) { [name] = value };
                yield return new Attempt(set, operation.BodySchema is null ? null : BodyText(TypicalBody()), null);
            }
        }
        if (operation.BodySchema is not { } schema)
        {
            yield break;
        }
        foreach (var malformed in new[] { "{}", "null", "[]", "\"text\"", "42", "{", "{\"a\":", "" })
        {
            yield return new Attempt(typical, malformed, null);
        }
        var properties = schema["properties"]?.AsObject();
        if (properties is null)
        {
            yield break;
        }
        // Each property at each of its boundaries (and missing), the others typical.
        foreach (var (name, propertySchema) in properties)
        {
            var withoutIt = (JsonObject)TypicalBody();
            withoutIt.Remove(name);
            yield return new Attempt(typical, withoutIt.ToJsonString(), withoutIt);
            foreach (var value in Boundaries(document, propertySchema!, random))
            {
                var body = (JsonObject)TypicalBody();
                body[name] = value?.DeepClone();
                yield return new Attempt(typical, body.ToJsonString(), body);
            }
        }
        // Random mixtures.
        for (var i = 0; i < RandomBodiesPerOperation; i++)
        {
            var body = new JsonObject();
            foreach (var (name, propertySchema) in properties)
            {
                if (random.Next(6) == 0)
                {
                    continue;
                }
                var choices = Boundaries(document, propertySchema!, random).Append(Typical(document, propertySchema!)).ToList();
                body[name] = choices[random.Next(choices.Count)]?.DeepClone();
            }
            yield return new Attempt(typical, body.ToJsonString(), body);
        }
    }

    /// <summary>
    /// Ids the app holds for each kind of thing an operation names (helpers, requests, meetups, concerns…), those in the
    /// demo staff's ward A first, so that the typical request reaches the handler's own checks rather than stopping at
    /// "outside your wards" or "not found".
    /// </summary>
    private static async Task<Dictionary<string, List<long>>> IdCandidatesAsync(ConnectiveWebFactory factory)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var demoResident = await db.Users.Where(u => u.Email == DemoAccounts.EmailFor(Roles.Resident)).Select(u => u.ResidentId).SingleAsync();
        var wardA = await db.Residents.Where(r => r.Id == demoResident).Select(r => r.WardId).SingleAsync();
        var helpers = await db.HelperProfiles.Join(db.Residents, h => h.ResidentId, r => r.Id, (h, r) => new { h.ResidentId, r.WardId })
            .OrderBy(h => h.WardId == wardA ? 0 : 1).ThenBy(h => h.ResidentId).Select(h => (long)h.ResidentId).Take(8).ToListAsync();
        var residents = await db.Consents.Where(c => c.Purpose == ConsentPurpose.CoordinatorMayActForMe && c.WithdrawnAt == null)
            .Join(db.Residents.Where(r => r.WardId == wardA), c => c.ResidentId, r => r.Id, (c, r) => (long)r.Id).Distinct().Take(4).ToListAsync();
        residents.AddRange(await db.Residents.Where(r => r.WardId == wardA).OrderBy(r => r.Id).Select(r => (long)r.Id).Take(4).ToListAsync());
        var requests = await db.HelpRequests.OrderBy(r => r.WardId == wardA ? 0 : 1).ThenByDescending(r => r.Id).Select(r => r.Id).Take(8).ToListAsync();
        var meetups = await db.Meetups.OrderByDescending(m => m.Id).Select(m => m.Id).Take(8).ToListAsync();
        var circles = await db.Circles.OrderBy(c => c.WardId == wardA ? 0 : 1).Select(c => (long)c.Id).Take(8).ToListAsync();
        var concerns = await db.SafeguardingConcerns.OrderByDescending(c => c.Id).Select(c => c.Id).Take(4).ToListAsync();
        var queue = await db.CoordinatorTasks.OrderByDescending(t => t.Id).Select(t => t.Id).Take(8).ToListAsync();
        return new Dictionary<string, List<long>>
        {
            ["/helpers/"] = helpers,
            ["/requests/"] = requests,
            ["/helper/tasks/"] = requests,
            ["/meetups/"] = meetups,
            ["/circles/"] = circles,
            ["/concerns/"] = concerns,
            ["/queue/"] = queue,
            ["/residents/"] = residents,
            ["residentId"] = residents,
            ["toResidentId"] = residents,
            ["circleId"] = circles,
            ["wardId"] = [wardA],
        };
    }

    /// <summary>For each path parameter and id-like body property, the first candidate id the caller gets past "forbidden" and "not found" with.</summary>
    private static async Task<IReadOnlyDictionary<string, long>> IdsTheCallerMayUseAsync(
        AccountClient client, Operation operation, JsonNode document, Dictionary<string, List<long>> candidates)
    {
        var lists = new Dictionary<string, List<long>>();
        foreach (var parameter in operation.Parameters.Where(p => p["in"]!.GetValue<string>() == "path"))
        {
            var name = parameter["name"]!.GetValue<string>();
            var kind = candidates.Keys.Where(k => k.StartsWith('/') && operation.Path.Contains(k + "{" + name + "}", StringComparison.Ordinal)).FirstOrDefault()
                ?? (candidates.ContainsKey(name) ? name : null);
            if (kind is not null && candidates[kind].Count > 0)
            {
                lists[name] = candidates[kind];
            }
        }
        foreach (var name in operation.BodySchema?["properties"]?.AsObject().Select(p => p.Key) ?? [])
        {
            if (candidates.TryGetValue(name, out var list) && list.Count > 0)
            {
                lists[name] = list;
            }
        }
        var chosen = lists.ToDictionary(pair => pair.Key, pair => pair.Value[0]);
        for (var i = 0; lists.Count > 0 && i < lists.Values.Max(l => l.Count); i++)
        {
            var trial = lists.ToDictionary(pair => pair.Key, pair => pair.Value[Math.Min(i, pair.Value.Count - 1)]);
            var path = PathWith(operation, name => trial.TryGetValue(name, out var id) ? id.ToString(CultureInfo.InvariantCulture) : "1");
            var body = operation.BodySchema is null ? null : (JsonObject)Typical(document, operation.BodySchema);
            foreach (var (name, id) in trial.Where(pair => body?.ContainsKey(pair.Key) ?? false))
            {
                body![name] = id;
            }
            using var response = await SendRawAsync(client, operation, path, body?.ToJsonString());
            if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
            {
                return trial;
            }
        }
        return chosen;
    }

    private static async Task SendAsync(AccountClient client, Operation operation, Attempt attempt, JsonNode document, List<string> failures)
    {
        var path = PathWith(operation, name => attempt.Values.TryGetValue(name, out var value) ? value : "1");
        using var response = await SendRawAsync(client, operation, path, attempt.Body);
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (Environment.GetEnvironmentVariable("CONNECTIVE_FUZZ_LOG") is { } log)
        {
            File.AppendAllText(log, $"{status} {operation} {Shorten(attempt.Body)} => {Shorten(text)}\n");
        }
        var sent = $"{operation.Method} {Shorten(path)} {Shorten(attempt.Body)}";
        if (status >= 500)
        {
            failures.Add($"{status} for {sent}");
            return;
        }
        if (status is 400 or 422 && !(response.Content.Headers.ContentType?.MediaType?.Contains("problem+json", StringComparison.Ordinal) ?? false))
        {
            failures.Add($"{status} without a ProblemDetails for {sent}");
            return;
        }
        if (status == 400 && attempt.Body is not null && !text.Contains("\"errors\"", StringComparison.Ordinal) && !text.Contains("\"detail\"", StringComparison.Ordinal))
        {
            failures.Add($"400 naming no field for {sent}: {Shorten(text)}");
            return;
        }
        if (status is >= 200 and < 300 && attempt.BodyObject is { } body && operation.BodySchema is { } schema)
        {
            foreach (var (name, value) in body)
            {
                if (schema["properties"]?[name] is { } propertySchema && OutsideDocumentedRange(document, propertySchema, value) is { } why)
                {
                    failures.Add($"{status}: accepted {name} = {Shorten(value?.ToJsonString())} ({why}) for {sent}");
                }
            }
        }
    }

    internal static async Task<HttpResponseMessage> SendRawAsync(AccountClient client, Operation operation, string path, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        return await client.Http.SendAsync(request);
    }

    internal static string PathWith(Operation operation, Func<string, string> valueOf)
    {
        var path = operation.Path;
        var query = new List<string>();
        foreach (var parameter in operation.Parameters)
        {
            var name = parameter["name"]!.GetValue<string>();
            var value = valueOf(name);
            if (parameter["in"]!.GetValue<string>() == "path")
            {
                path = path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
            }
            else if (parameter["in"]!.GetValue<string>() == "query")
            {
                query.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }
        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }

    private static JsonNode Resolve(JsonNode document, JsonNode schema)
    {
        while (schema["$ref"] is { } reference)
        {
            var name = reference.GetValue<string>().Split('/')[^1];
            schema = document["components"]!["schemas"]![name]!;
        }
        return schema;
    }

    private static IReadOnlyList<string> Types(JsonNode schema) => schema["type"] switch
    {
        JsonArray array => [.. array.Select(t => t!.GetValue<string>())],
        JsonValue value => [value.GetValue<string>()],
        _ => schema["enum"] is not null ? ["enum"] : schema["oneOf"] is not null || schema["anyOf"] is not null ? ["union"] : [],
    };

    internal static JsonNode Typical(JsonNode document, JsonNode schema)
    {
        schema = Resolve(document, schema);
        if (schema["enum"] is JsonArray options && options.Count > 0)
        {
            return options.First(o => o is not null)!.DeepClone();
        }
        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray union)
        {
            return Typical(document, union.First(s => !Types(Resolve(document, s!)).SequenceEqual(["null"]))!);
        }
        var types = Types(schema);
        var format = schema["format"]?.GetValue<string>();
        if (types.Contains("object"))
        {
            var body = new JsonObject();
            foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
            {
                body[name] = Typical(document, property!);
            }
            return body;
        }
        if (types.Contains("array"))
        {
            return new JsonArray(schema["items"] is { } items ? Typical(document, items) : JsonValue.Create(1));
        }
        if (types.Contains("integer"))
        {
            var minimum = schema["minimum"]?.GetValue<double>() ?? 1;
            return JsonValue.Create((long)Math.Max(1, minimum));
        }
        if (types.Contains("number"))
        {
            return JsonValue.Create(schema["minimum"]?.GetValue<double>() is { } min ? Math.Max(min, 1.0) : 1.0);
        }
        if (types.Contains("boolean"))
        {
            return JsonValue.Create(true);
        }
        if (format == "date-time")
        {
            return JsonValue.Create(DateTime.UtcNow.Date.AddDays(7).AddHours(10).ToString("O", CultureInfo.InvariantCulture));
        }
        return JsonValue.Create("Fuzz text");
    }

    /// <summary>Values at and beyond the edges of the property's type and documented range, and values of the wrong type.</summary>
    private static IEnumerable<JsonNode?> Boundaries(JsonNode document, JsonNode schema, Random random)
    {
        schema = Resolve(document, schema);
        var types = Types(schema);
        var format = schema["format"]?.GetValue<string>();
        yield return null;
        if (schema["enum"] is JsonArray options)
        {
            yield return JsonValue.Create("NotAKnownValue");
            yield return JsonValue.Create(99);
            yield return JsonValue.Create(-1);
            foreach (var option in options)
            {
                yield return option?.DeepClone();
            }
            yield break;
        }
        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray union)
        {
            foreach (var member in union)
            {
                foreach (var value in Boundaries(document, member!, random))
                {
                    yield return value;
                }
            }
            yield break;
        }
        if (types.Contains("integer") || types.Contains("number"))
        {
            foreach (var value in new double[] { 0, -1, 1, 24, 99, int.MaxValue, int.MinValue, 1e15, -1e15 })
            {
                yield return JsonValue.Create((long)value);
            }
            if (schema["minimum"]?.GetValue<double>() is { } minimum)
            {
                yield return JsonValue.Create(minimum - 1);
                yield return JsonValue.Create(minimum);
            }
            if (schema["maximum"]?.GetValue<double>() is { } maximum)
            {
                yield return JsonValue.Create(maximum);
                yield return JsonValue.Create(maximum + 1);
            }
            if (types.Contains("number"))
            {
                yield return JsonValue.Create(0.5);
                yield return JsonValue.Create(1e300);
            }
            yield return JsonValue.Create(random.Next(-1000, 1000));
            yield return JsonValue.Create("twelve");
            yield return JsonValue.Create(true);
            yield return new JsonArray();
        }
        else if (types.Contains("boolean"))
        {
            yield return JsonValue.Create(false);
            yield return JsonValue.Create("yes");
            yield return JsonValue.Create(2);
        }
        else if (types.Contains("array"))
        {
            yield return new JsonArray();
            yield return JsonValue.Create("not a list");
            yield return new JsonObject();
            var item = schema["items"] is { } items ? Resolve(document, items) : null;
            if (item is not null)
            {
                yield return new JsonArray(Boundaries(document, item, random).Where(v => v is not null).Take(6).Select(v => v!.DeepClone()).ToArray());
                yield return new JsonArray(Enumerable.Range(0, 500).Select(i => Typical(document, item)).ToArray());
            }
            yield return new JsonArray(JsonValue.Create(99), JsonValue.Create(-1), null);
        }
        else if (types.Contains("object"))
        {
            yield return new JsonObject();
            yield return JsonValue.Create("not an object");
        }
        else if (format == "date-time" || format == "date")
        {
            foreach (var value in new[] { "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "1800-01-01T00:00:00Z", "2100-01-01T00:00:00Z", "not a date", "2026-02-30T00:00:00Z", "" })
            {
                yield return JsonValue.Create(value);
            }
            yield return JsonValue.Create(DateTime.UtcNow.AddYears(-1).ToString("O", CultureInfo.InvariantCulture));
            yield return JsonValue.Create(12);
        }
        else
        {
            yield return JsonValue.Create("");
            yield return JsonValue.Create("   ");
            yield return JsonValue.Create(new string('x', 100_000));
            yield return JsonValue.Create("Ann\u202Eevil");
            yield return JsonValue.Create("=HYPERLINK(\"http://127.0.0.1/\")");
            yield return JsonValue.Create("x@" + new string('y', 100_000) + ".example");
            if (schema["maxLength"]?.GetValue<int>() is { } maxLength)
            {
                yield return JsonValue.Create(new string('m', maxLength));
                yield return JsonValue.Create(new string('m', maxLength + 1));
            }
            yield return JsonValue.Create(42);
            yield return JsonValue.Create(false);
            yield return new JsonObject();
        }
    }

    /// <summary>Why an accepted value lies outside what the schema documents, or null when it lies inside.</summary>
    private static string? OutsideDocumentedRange(JsonNode document, JsonNode schema, JsonNode? value)
    {
        schema = Resolve(document, schema);
        if (value is null)
        {
            var types = Types(schema);
            return types.Count > 0 && !types.Contains("null") && schema["oneOf"] is null && schema["anyOf"] is null ? "null where the schema allows none" : null;
        }
        if (value is JsonValue scalar)
        {
            if (scalar.TryGetValue(out double number))
            {
                if (schema["minimum"]?.GetValue<double>() is { } minimum && number < minimum)
                {
                    return $"below the documented minimum {minimum}";
                }
                if (schema["maximum"]?.GetValue<double>() is { } maximum && number > maximum)
                {
                    return $"above the documented maximum {maximum}";
                }
            }
            if (scalar.TryGetValue(out string? text))
            {
                if (schema["maxLength"]?.GetValue<int>() is { } maxLength && text.Length > maxLength)
                {
                    return $"longer than the documented {maxLength} characters";
                }
                if (schema["enum"] is JsonArray options && options.All(o => o?.ToJsonString() != scalar.ToJsonString()))
                {
                    return "not one of the documented values";
                }
            }
        }
        if (value is JsonArray array && schema["items"] is { } items)
        {
            if (schema["maxItems"]?.GetValue<int>() is { } maxItems && array.Count > maxItems)
            {
                return $"more than the documented {maxItems} items";
            }
            return array.Select(item => OutsideDocumentedRange(document, items, item)).FirstOrDefault(reason => reason is not null);
        }
        return null;
    }

    /// <summary>What the app promises about the records it keeps, whatever was sent to it.</summary>
    private static async Task AssertStoredValuesInRangeAsync(ConnectiveWebFactory factory)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var earliest = new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var latest = DateTime.UtcNow.AddYears(10);
        var taskTypes = await db.CircleTaskTypes.Select(t => t.Id).ToListAsync();
        var knownSkills = taskTypes.Aggregate(0L, (bits, id) => bits | (1L << id));
        foreach (var profile in await db.HelperProfiles.AsNoTracking().ToListAsync())
        {
            Assert.InRange(profile.AvailableFromHour, 0, 23);
            Assert.InRange(profile.AvailableToHour, profile.AvailableFromHour + 1, 24);
            Assert.InRange(profile.MaxDistanceKm, 0.5, 50);
            Assert.InRange(profile.MaxTasks, 1, 10);
            Assert.InRange(profile.AvailableDays, 1, 0x7F);
            Assert.True(profile.Skills != 0 && (profile.Skills & ~knownSkills) == 0, $"Helper {profile.ResidentId} offers unknown task types ({profile.Skills:X})");
        }
        foreach (var meetup in await db.Meetups.AsNoTracking().ToListAsync())
        {
            Assert.InRange(meetup.StartsAt, earliest, latest);
            Assert.True(meetup.EndsAt > meetup.StartsAt, $"Meetup {meetup.Id} ends before it starts");
            Assert.True(meetup.Capacity >= 1, $"Meetup {meetup.Id} has {meetup.Capacity} places");
        }
        foreach (var request in await db.HelpRequests.AsNoTracking().ToListAsync())
        {
            Assert.InRange(request.DeadlineAt, earliest, latest);
            Assert.Contains(request.TaskTypeId, taskTypes);
            Assert.True(request.Details.Length <= 1000, $"Request {request.Id} has {request.Details.Length} characters of details");
        }
        foreach (var vetting in await db.VettingRecords.AsNoTracking().ToListAsync())
        {
            Assert.InRange(vetting.IssuedOn, earliest, DateTime.UtcNow.AddDays(1));
            Assert.True(vetting.RecheckDueOn > vetting.IssuedOn, $"Vetting {vetting.Id} is due for re-check before it was issued");
            Assert.True(vetting.CertificateNumber.Length <= 40, $"Vetting {vetting.Id} has a certificate number of {vetting.CertificateNumber.Length} characters");
        }
    }

    private static string Shorten(string? text) => text is null ? "(no body)" : text.Length <= 160 ? text : text[..160] + $"… ({text.Length} characters)";
}
