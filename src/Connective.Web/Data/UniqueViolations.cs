using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Connective.Web.Data;

/// <summary>
/// Tells a save that lost a race to an identical row (the row is there: what was asked is done) from every other refusal
/// (a missing resident, a CHECK constraint, a busy or broken database), which must not be reported as a duplicate.
/// </summary>
internal static class UniqueViolations
{
    /// <summary>
    /// Whether the save failed only because a row with the same values already exists in the primary key or unique index
    /// of <typeparamref name="TEntity"/> over exactly <paramref name="properties"/>, in that order. PostgreSQL names the
    /// constraint; SQLite names the table and columns instead, so both are read from the EF model.
    /// </summary>
    public static bool IsDuplicateOf<TEntity>(this DbUpdateException exception, AppDbContext db, params string[] properties)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(db);
        var entity = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var (constraint, columns) = UniqueConstraint(entity, properties);
        return exception.InnerException switch
        {
            PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation && postgres.ConstraintName == constraint,
            // SQLITE_CONSTRAINT_PRIMARYKEY (1555) or SQLITE_CONSTRAINT_UNIQUE (2067); the message lists table.column in index order.
            SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 1555 or 2067
                && sqlite.Message.Contains("constraint failed: " + string.Join(", ", columns.Select(column => entity.GetTableName() + "." + column)) + "'", StringComparison.Ordinal),
            _ => false,
        };
    }

    private static (string Constraint, string[] Columns) UniqueConstraint(IEntityType entity, string[] properties)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string[] Columns(IReadOnlyList<IProperty> keyProperties) => [.. keyProperties.Select(property => property.GetColumnName(table)!)];
        bool Matches(IReadOnlyList<IProperty> keyProperties) => keyProperties.Select(property => property.Name).SequenceEqual(properties);

        if (entity.FindPrimaryKey() is { } key && Matches(key.Properties))
        {
            return (key.GetName(table)!, Columns(key.Properties));
        }
        if (entity.GetIndexes().FirstOrDefault(index => index.IsUnique && Matches(index.Properties)) is { } unique)
        {
            return (unique.GetDatabaseName(table)!, Columns(unique.Properties));
        }
        throw new InvalidOperationException($"{entity.DisplayName()} has no primary key or unique index on ({string.Join(", ", properties)}).");
    }
}
