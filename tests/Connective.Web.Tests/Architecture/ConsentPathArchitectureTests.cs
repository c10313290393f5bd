using System.Reflection;
using System.Reflection.Emit;
using Connective.Web.Data;

namespace Connective.Web.Tests.Architecture;

/// <summary>
/// Only the consent query path (Platform/ConsentPath) reads ties and consents, so no feature can use a tie that someone
/// has not allowed. The test reads the compiled app's IL, so LINQ queries, raw SQL and lambdas are all seen: any
/// method that touches the Ties or Consents sets, or names those tables in a string, must be in an allowed namespace.
/// </summary>
public sealed class ConsentPathArchitectureTests
{
    /// <summary>
    /// Namespaces that may touch the tables: the path itself; the model and migrations that define them; the demo
    /// seeder that bulk-writes them; and erasure, which deletes a person's rows (and moves the network version).
    /// </summary>
    private static readonly string[] Allowed =
    [
        "Connective.Web.Platform.ConsentPath",
        "Connective.Web.Data",
        "Connective.Web.Demo",
        "Connective.Web.Platform.DataRights",
    ];

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    [Fact]
    public void Only_the_consent_query_path_reads_ties_and_consents()
    {
        var offenders = Touches().Where(touch => !Allowed.Any(allowed => InNamespace(touch.Type, allowed))).ToList();

        Assert.True(offenders.Count == 0,
            "Read ties and consents through Platform/ConsentPath (ConsentedNetwork, ConsentRecords), not directly:\n"
            + string.Join('\n', offenders.Select(touch => $"{touch.Type.FullName}.{touch.Method}: {touch.What}")));
    }

    /// <summary>The scan must see what it looks for, or the test above could pass by seeing nothing.</summary>
    [Fact]
    public void The_scan_finds_the_consent_query_paths_own_reads()
    {
        var touches = Touches();

        Assert.Contains(touches, touch => touch.Type.FullName!.StartsWith("Connective.Web.Platform.ConsentPath.ConsentedNetwork", StringComparison.Ordinal)
            && touch.What == "AppDbContext.get_Ties");
        Assert.Contains(touches, touch => touch.Type.FullName!.StartsWith("Connective.Web.Platform.ConsentPath.ConsentRecords", StringComparison.Ordinal)
            && touch.What == "AppDbContext.get_Consents");
    }

    private static bool InNamespace(Type type, string ns)
    {
        var name = type.Namespace ?? "";
        return name == ns || name.StartsWith(ns + ".", StringComparison.Ordinal);
    }

    private sealed record Touch(Type Type, string Method, string What);

    private static List<Touch> Touches()
    {
        var assembly = typeof(AppDbContext).Assembly;
        var touches = new List<Touch>();
        foreach (var type in assembly.GetTypes())
        {
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var methods = type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all));
            foreach (var method in methods)
            {
                var body = method.GetMethodBody()?.GetILAsByteArray();
                if (body is null)
                {
                    continue;
                }
                foreach (var what in Scan(method, body))
                {
                    touches.Add(new Touch(type, method.Name, what));
                }
            }
        }
        return touches;
    }

    /// <summary>Walks the IL, yielding each call that reaches the two sets and each string that names the two tables.</summary>
    private static IEnumerable<string> Scan(MethodBase method, byte[] il)
    {
        var module = method.Module;
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position] == 0xFE ? (short)(0xFE00 | il[position + 1]) : il[position];
            position += il[position] == 0xFE ? 2 : 1;
            var code = OpCodesByValue[value];
            var operandStart = position;
            position += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
                _ => 4,
            };
            var token = code.OperandType is OperandType.InlineMethod or OperandType.InlineString or OperandType.InlineField
                ? BitConverter.ToInt32(il, operandStart) : 0;
            if (code.OperandType == OperandType.InlineString)
            {
                var text = module.ResolveString(token);
                if (text.Contains("\"Ties\"", StringComparison.Ordinal) || text.Contains("\"Consents\"", StringComparison.Ordinal))
                {
                    yield return "SQL naming the Ties or Consents table";
                }
            }
            else if (code.OperandType == OperandType.InlineMethod)
            {
                var called = module.ResolveMethod(token, typeArguments, methodArguments);
                if (called?.DeclaringType is { } owner && typeof(AppDbContext).IsAssignableFrom(owner) && called.Name is "get_Ties" or "get_Consents")
                {
                    yield return "AppDbContext." + called.Name;
                }
                else if (called is MethodInfo { Name: "Set", IsGenericMethod: true } set
                    && set.GetGenericArguments()[0] is var entity && (entity == typeof(Tie) || entity == typeof(Consent)))
                {
                    yield return $"DbContext.Set<{entity.Name}>()";
                }
            }
        }
    }
}
