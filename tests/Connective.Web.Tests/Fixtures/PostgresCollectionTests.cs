using System.Reflection;

namespace Connective.Web.Tests.Fixtures;

/// <summary>
/// Every class with PostgreSQL tests runs in the PostgreSQL collection: the collection stops the shared cluster when it
/// ends, so a class running beside it loses its server mid-test (four CI failures at c900f1d came from two such classes).
/// </summary>
public sealed class PostgresCollectionTests
{
    [Fact]
    public void Every_class_with_postgres_tests_is_in_the_postgres_collection()
    {
        var classes = typeof(PostgresCollectionTests).Assembly.GetTypes()
            .Where(type => type.GetMethods().Any(method => method.GetCustomAttribute<PostgresFactAttribute>() is not null))
            .ToList();
        var outside = classes
            .Where(type => !type.GetCustomAttributesData().Any(attribute => attribute.AttributeType == typeof(CollectionAttribute)
                && attribute.ConstructorArguments.Count == 1 && (string?)attribute.ConstructorArguments[0].Value == PostgresTests.Name))
            .Select(type => type.FullName)
            .ToList();

        Assert.True(classes.Count > 10, $"only {classes.Count} classes with PostgreSQL tests were found");
        Assert.True(outside.Count == 0, "Not in [Collection(PostgresTests.Name)]:\n" + string.Join("\n", outside));
    }
}
