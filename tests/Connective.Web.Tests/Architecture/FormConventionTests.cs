using System.Reflection;
using Connective.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Tests.Architecture;

/// <summary>
/// One form-validation convention (docs/architecture.md, "Forms"): a page keeps its errors in ModelState, from data
/// annotations or copied from its area's service with <c>ModelState.AddErrors</c>, and shows them with the GOV.UK error
/// summary built from ModelState. A page or form class with its own dictionary of errors is the old second way back.
/// </summary>
public sealed class FormConventionTests
{
    [Fact]
    public void No_page_or_form_keeps_a_dictionary_of_errors_beside_ModelState()
    {
        var features = typeof(AppDbContext).Assembly.GetTypes()
            .Where(type => type.Namespace?.StartsWith("Connective.Web.Features", StringComparison.Ordinal) == true)
            .ToList();
        var offenders = features
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(property => property.Name.EndsWith("Errors", StringComparison.Ordinal) && IsDictionaryOfStrings(property.PropertyType))
                .Select(property => $"{type.FullName}.{property.Name}"))
            .ToList();

        Assert.Contains(features, type => type.IsSubclassOf(typeof(PageModel))); // the scan saw the pages
        Assert.True(offenders.Count == 0, "Keep form errors in ModelState (ModelState.AddErrors), not in a dictionary:\n" + string.Join('\n', offenders));
    }

    private static bool IsDictionaryOfStrings(Type type) =>
        type.GetInterfaces().Append(type).Any(candidate => candidate.IsGenericType
            && candidate.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)
            && candidate.GetGenericArguments().All(argument => argument == typeof(string)));
}
