using System.Reflection;
using System.Reflection.Emit;
using Connective.Web.Data;

namespace Connective.Web.Tests.Architecture;

/// <summary>
/// No absolute link is built from the request: the Host header is the attacker's to choose (a reset requested with
/// <c>Host: evil.example</c> once mailed the victim a link to the attacker's site). The test reads the compiled app's IL,
/// pages and views included, for every call that builds a URL from the request's host or scheme: URL helpers given a
/// protocol or host, <c>LinkGenerator.GetUriBy…</c>, <c>UriHelper.GetDisplayUrl/GetEncodedUrl/BuildAbsolute</c>, and
/// reading <c>HttpRequest.Host</c> or <c>Scheme</c>. Absolute links come from <c>PublicLinks</c>, over the configured base URL.
/// </summary>
public sealed class PublicLinkArchitectureTests
{
    /// <summary>
    /// The one place allowed to read the request's host: the API's same-origin check compares it with the Origin header
    /// (in Development and Demo only), and builds no link from it.
    /// </summary>
    private static readonly string[] Allowed = ["Connective.Web.Infrastructure.RequestProtection"];

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    [Fact]
    public void No_link_is_built_from_the_request_host()
    {
        var offenders = Uses().Where(use => !Allowed.Any(allowed => use.Type.FullName!.StartsWith(allowed, StringComparison.Ordinal))).ToList();

        Assert.True(offenders.Count == 0,
            "Build absolute links with PublicLinks (Platform:PublicBaseUrl), never from the request's Host or scheme:\n"
            + string.Join('\n', offenders.Select(use => $"{use.Type.FullName}.{use.Method}: {use.What}")));
    }

    /// <summary>The scan must see what it looks for, or the test above could pass by seeing nothing.</summary>
    [Fact]
    public void The_scan_sees_the_allowed_read_of_the_request_host()
    {
        Assert.Contains(Uses(), use => use.Type.FullName!.StartsWith(Allowed[0], StringComparison.Ordinal) && use.What == "HttpRequest.get_Host");
    }

    private sealed record Use(Type Type, string Method, string What);

    private static List<Use> Uses()
    {
        var uses = new List<Use>();
        foreach (var type in typeof(AppDbContext).Assembly.GetTypes())
        {
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                if (method.GetMethodBody()?.GetILAsByteArray() is { } body)
                {
                    uses.AddRange(Scan(method, body).Select(what => new Use(type, method.Name, what)));
                }
            }
        }
        return uses;
    }

    private static string? Forbidden(MethodBase called)
    {
        var owner = called.DeclaringType?.FullName ?? "";
        var name = called.Name;
        if (owner == "Microsoft.AspNetCore.Http.HttpRequest" && name is "get_Host" or "get_Scheme")
        {
            return "HttpRequest." + name;
        }
        if (name.StartsWith("GetUriBy", StringComparison.Ordinal))
        {
            return $"{called.DeclaringType?.Name}.{name}";
        }
        if (owner == "Microsoft.AspNetCore.Http.Extensions.UriHelper" && name is "GetDisplayUrl" or "GetEncodedUrl" or "BuildAbsolute")
        {
            return "UriHelper." + name;
        }
        if ((owner.StartsWith("Microsoft.AspNetCore.Mvc.UrlHelperExtensions", StringComparison.Ordinal) || owner.StartsWith("Microsoft.AspNetCore.Mvc.IUrlHelper", StringComparison.Ordinal))
            && (name == "Link" || called.GetParameters().Any(parameter => parameter.Name is "protocol" or "host")))
        {
            return $"{called.DeclaringType?.Name}.{name} with a protocol or host";
        }
        return null;
    }

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
            if (code.OperandType == OperandType.InlineMethod
                && module.ResolveMethod(BitConverter.ToInt32(il, operandStart), typeArguments, methodArguments) is { } called
                && Forbidden(called) is { } what)
            {
                yield return what;
            }
        }
    }
}
