using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using Connective.Web.Data;
using Connective.Web.Features.Community;
using Connective.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Architecture;

/// <summary>
/// A singleton serves every request at once, so any state it changes after construction must be one reference to an
/// immutable object, read with Volatile.Read and swapped with Volatile.Write or Interlocked: then a reader sees a whole
/// value or none, never half of an old one beside half of a new one (a new graph with an old snapshot). The test finds
/// the app's singletons in its service collection and reads their IL: a mutable field of a value type wider than a
/// pointer, or of a type with mutable fields, or loaded or stored directly (not through its address, as Volatile and
/// Interlocked take it) anywhere but a constructor, is named.
/// </summary>
public sealed class SingletonStateArchitectureTests : IAsyncLifetime, IDisposable
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    /// <summary>Framework types documented as immutable and thread-safe, whose private caches are their own business.</summary>
    private static readonly HashSet<Type> ImmutableByContract = [typeof(string), typeof(Uri)];

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private readonly TempSqliteFile _file = new();
    private readonly List<ServiceDescriptor> _services = [];
    private ConnectiveWebFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new ConnectiveWebFactory(DatabaseProvider.Sqlite, _file.ConnectionString, migrateAndSeedOnStart: false,
            configureServices: services => _services.AddRange(services));
        _ = _factory.Services; // builds the host, which runs configureServices
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public void Dispose() => _file.Dispose();

    [Fact]
    public void Singletons_change_state_only_by_swapping_one_reference_to_an_immutable_object()
    {
        var problems = SingletonTypes().SelectMany(Problems).ToList();

        Assert.True(problems.Count == 0, "Singletons with state a concurrent reader could see half-changed:\n" + string.Join('\n', problems));
    }

    /// <summary>The scan must see what it guards, or the test above could pass by seeing nothing.</summary>
    [Fact]
    public void The_scan_sees_the_community_networks_cached_snapshot()
    {
        var types = SingletonTypes();

        Assert.Contains(typeof(CommunityNetwork), types);
        Assert.Contains(MutableFields(typeof(CommunityNetwork)), field => field.Name == "_current");
    }

    /// <summary>A pair kept in a value tuple and assigned outside the constructor (as the snapshot cache once was) is reported.</summary>
    [Fact]
    public void The_scan_reports_a_pair_kept_in_a_value_tuple_and_a_plain_write()
    {
        var problems = Problems(typeof(TornPairExample)).ToList();

        Assert.Contains(problems, problem => problem.Contains("_pair", StringComparison.Ordinal) && problem.Contains("wider than a pointer", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("_pair", StringComparison.Ordinal) && problem.Contains("written directly", StringComparison.Ordinal));
    }

    private List<Type> SingletonTypes()
    {
        var app = typeof(AppDbContext).Assembly;
        return [.. _services
            .Where(service => service.Lifetime == ServiceLifetime.Singleton && !service.IsKeyedService)
            .Select(service => service.ImplementationType)
            .OfType<Type>()
            .Where(type => type.Assembly == app)
            .Distinct()];
    }

    private static IEnumerable<FieldInfo> MutableFields(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            // A primary constructor's captured parameter is compiled as a mutable field but only ever assigned there.
            .Where(field => !field.IsInitOnly && !(field.Name.StartsWith('<') && field.Name.EndsWith('P')));

    private static IEnumerable<string> Problems(Type type)
    {
        var fields = MutableFields(type).ToList();
        foreach (var field in fields)
        {
            var fieldType = field.FieldType;
            if (fieldType.IsValueType && !(fieldType.IsPrimitive || fieldType.IsEnum))
            {
                yield return $"{type.FullName}.{field.Name}: a {fieldType.Name} is wider than a pointer, so a reader can see it half-written";
            }
            else if (!fieldType.IsValueType && !ImmutableByContract.Contains(fieldType) && MutableFields(fieldType).Any())
            {
                yield return $"{type.FullName}.{field.Name}: {fieldType.Name} has mutable fields, so the object it refers to can change under a reader";
            }
        }
        if (fields.Count == 0)
        {
            yield break;
        }
        foreach (var (method, code, field) in FieldAccesses(type))
        {
            if (fields.Contains(field) && method is not ConstructorInfo)
            {
                var how = code == OpCodes.Ldfld ? "read directly" : "written directly";
                yield return $"{type.FullName}.{field.Name}: {how} in {method.DeclaringType!.Name}.{method.Name}; use Volatile.Read, Volatile.Write or Interlocked";
            }
        }
    }

    /// <summary>Every ldfld and stfld in the type's methods and in the lambdas and state machines compiled inside it.</summary>
    private static IEnumerable<(MethodBase Method, OpCode Code, FieldInfo Field)> FieldAccesses(Type type)
    {
        var types = new[] { type }.Concat(type.GetNestedTypes(Declared).Where(nested => nested.IsDefined(typeof(CompilerGeneratedAttribute))));
        foreach (var owner in types)
        {
            foreach (var method in owner.GetMethods(Declared).Cast<MethodBase>().Concat(owner.GetConstructors(Declared)))
            {
                var il = method.GetMethodBody()?.GetILAsByteArray();
                if (il is null)
                {
                    continue;
                }
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
                    if (code == OpCodes.Ldfld || code == OpCodes.Stfld)
                    {
                        var field = method.Module.ResolveField(BitConverter.ToInt32(il, operandStart),
                            owner.IsGenericType ? owner.GetGenericArguments() : null, method.IsGenericMethod ? method.GetGenericArguments() : null);
                        if (field is not null)
                        {
                            yield return (method, code, field);
                        }
                    }
                }
            }
        }
    }

    /// <summary>The shape the community network's cache had: two references in a value tuple, read and written plainly.</summary>
    private sealed class TornPairExample
    {
        private (string Graph, string Snapshot)? _pair;

        public string? Read() => _pair?.Snapshot;

        public void Write(string graph, string snapshot) => _pair = (graph, snapshot);
    }
}
