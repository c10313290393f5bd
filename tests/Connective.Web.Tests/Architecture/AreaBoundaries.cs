using System.Reflection;
using System.Reflection.Emit;

namespace Connective.Web.Tests.Architecture;

/// <summary>
/// Where a type lives, in the terms of docs/architecture.md: an area (<c>Features.&lt;Area&gt;</c>), the kernel
/// (<c>Platform</c>), the shared base (<c>Data</c>, <c>Infrastructure</c>, <c>Demo</c>, the shared Razor views) or the
/// composition root (<c>Program</c>, the host's commands), which may use everything.
/// </summary>
internal sealed record Home(string Kind, string? Area)
{
    public static readonly Home Root = new("root", null);
    public static readonly Home Kernel = new("kernel", null);
    public static readonly Home Base = new("base", null);
    public static readonly Home Outside = new("outside", null);

    public static Home Feature(string area) => new("feature", area);

    public override string ToString() => Area is null ? Kind : $"feature {Area}";
}

/// <summary>One reference across a line the architecture forbids: who refers, to what, and from which member.</summary>
internal sealed record Offence(string From, string Member, string To, string Rule)
{
    public override string ToString() => $"{From}.{Member} -> {To} ({Rule})";
}

/// <summary>
/// Reads every type's IL, signatures, fields, base types and attributes in an assembly and reports each reference that
/// crosses a forbidden line: a feature to another feature, or the kernel or the shared base to any feature.
/// </summary>
internal sealed class AreaBoundaryScan(Assembly assembly, string rootNamespace)
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>How many types and method bodies the last <see cref="Offences"/> call read: a scan that read nothing proves nothing.</summary>
    public int TypesScanned { get; private set; }

    public int BodiesScanned { get; private set; }

    /// <summary>Every reference seen, kept so that tests can check the scan sees what it should.</summary>
    public List<(Type From, Type To)> References { get; } = [];

    public Home HomeOf(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }
        var name = type.Namespace ?? "";
        if (name == "AspNetCoreGeneratedDocument")
        {
            // Razor's generated view classes are named after their path (Features_Circle_Meetups_Index); they land here
            // only without an @namespace, which Features/_ViewImports.cshtml gives every page today.
            var parts = type.Name.Split('_');
            return parts is ["Features", var folder, ..] ? FolderHome(folder) : Home.Base;
        }
        if (type.Assembly != assembly)
        {
            return Home.Outside;
        }
        if (name == rootNamespace || name.Length == 0)
        {
            return Home.Root;
        }
        if (!name.StartsWith(rootNamespace + ".", StringComparison.Ordinal))
        {
            return Home.Outside;
        }
        var segments = name[(rootNamespace.Length + 1)..].Split('.');
        return segments switch
        {
            ["Features", var area, ..] => FolderHome(area),
            ["Features"] => Home.Base,
            ["Platform", ..] => Home.Kernel,
            _ => Home.Base,
        };
    }

    private static Home FolderHome(string folder) => folder == "Shared" ? Home.Base : Home.Feature(folder);

    public static string? Forbidden(Home from, Home to)
    {
        if (to.Kind != "feature" || from.Kind is "root" or "outside")
        {
            return null;
        }
        return from.Kind switch
        {
            "feature" when from.Area != to.Area => "a feature uses only Platform, Data, Infrastructure and the engines, never another feature",
            "kernel" => "Platform uses no feature",
            "base" => "Data, Infrastructure and Demo use no feature",
            _ => null,
        };
    }

    public List<Offence> Offences()
    {
        TypesScanned = 0;
        BodiesScanned = 0;
        References.Clear();
        var offences = new List<Offence>();
        var types = assembly.GetTypes().Where(type => HomeOf(type).Kind != "outside" && InScope(type)).ToList();
        foreach (var type in types)
        {
            TypesScanned++;
            var from = HomeOf(type);
            void Note(string member, Type? referenced)
            {
                foreach (var target in Expand(referenced))
                {
                    References.Add((type, target));
                    if (Forbidden(from, HomeOf(target)) is { } rule)
                    {
                        offences.Add(new Offence(Describe(type), member, Describe(target), rule));
                    }
                }
            }

            Note("(base type)", type.BaseType);
            foreach (var contract in type.GetInterfaces())
            {
                Note("(interface)", contract);
            }
            foreach (var attribute in type.CustomAttributes)
            {
                Note("(attribute)", attribute.AttributeType);
            }
            foreach (var field in type.GetFields(Declared))
            {
                Note(field.Name, field.FieldType);
            }
            foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            {
                if (IsAreaDbSet(type, method))
                {
                    continue;
                }
                if (method is MethodInfo info)
                {
                    Note(method.Name, info.ReturnType);
                }
                foreach (var parameter in method.GetParameters())
                {
                    Note(method.Name, parameter.ParameterType);
                }
                foreach (var referenced in ReadBody(method))
                {
                    Note(method.Name, referenced);
                }
            }
        }
        return [.. offences.Distinct().OrderBy(offence => offence.ToString(), StringComparer.Ordinal)];
    }

    private bool InScope(Type type) => type.Namespace is { } name
        ? name == rootNamespace || name.StartsWith(rootNamespace + ".", StringComparison.Ordinal) || name == "AspNetCoreGeneratedDocument"
        : type.Assembly == assembly && rootNamespace.Length == 0;

    /// <summary>
    /// An area declares its DbSets in its own partial of AppDbContext (Features/Circle/CircleDbSets.cs): those getters
    /// are the area's code even though the compiler puts them on the context's type.
    /// </summary>
    private static bool IsAreaDbSet(Type type, MethodBase method) =>
        type.Name == "AppDbContext" && method is MethodInfo { ReturnType: { IsGenericType: true } returned }
        && returned.GetGenericTypeDefinition().FullName == "Microsoft.EntityFrameworkCore.DbSet`1"
        && method.Name.StartsWith("get_", StringComparison.Ordinal);

    private static string Describe(Type type) => type.FullName ?? type.Name;

    /// <summary>The type itself, its element type and its generic arguments, recursively.</summary>
    private static IEnumerable<Type> Expand(Type? type)
    {
        if (type is null || type.IsGenericParameter)
        {
            yield break;
        }
        if (type.HasElementType)
        {
            foreach (var inner in Expand(type.GetElementType()))
            {
                yield return inner;
            }
            yield break;
        }
        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                foreach (var inner in Expand(argument))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>Every type a method body names: the owners of methods and fields it calls or reads, and the types it creates, casts to or loads.</summary>
    private IEnumerable<Type> ReadBody(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (BadImageFormatException)
        {
            il = null;
        }
        if (il is null)
        {
            yield break;
        }
        BodiesScanned++;
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
            if (code.OperandType is not (OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok))
            {
                continue;
            }
            var token = BitConverter.ToInt32(il, operandStart);
            MemberInfo? member;
            try
            {
                member = module.ResolveMember(token, typeArguments, methodArguments);
            }
            catch (ArgumentException)
            {
                continue;
            }
            switch (member)
            {
                case Type type:
                    yield return type;
                    break;
                case MethodBase called:
                    yield return called.DeclaringType!;
                    if (called.IsGenericMethod)
                    {
                        foreach (var argument in called.GetGenericArguments())
                        {
                            yield return argument;
                        }
                    }
                    break;
                case FieldInfo field:
                    yield return field.DeclaringType!;
                    yield return field.FieldType;
                    break;
            }
        }
    }
}
