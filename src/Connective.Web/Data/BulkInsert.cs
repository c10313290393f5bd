using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Connective.Web.Data;

/// <summary>
/// Writes many rows fast, bypassing change tracking: one prepared INSERT reused per row on SQLite, binary COPY on
/// PostgreSQL. Tables and columns come from the EF model, so the two cannot drift apart. Runs inside the caller's
/// open transaction. Keys are written as given; on PostgreSQL <see cref="ResetIdentityAsync{T}"/> moves the
/// identity sequence past them afterwards.
/// </summary>
internal static class BulkInsert
{
    public static async Task<int> WriteAsync<T>(AppDbContext db, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var table = TableOf<T>(db);
        return db.Database.IsNpgsql()
            ? await CopyAsync(db, table, rows, cancellationToken)
            : await InsertPreparedAsync(db, table, rows, cancellationToken);
    }

    /// <summary>On PostgreSQL, sets the table's identity sequence to its largest key, so later inserts do not collide.</summary>
    public static async Task ResetIdentityAsync<T>(AppDbContext db, CancellationToken cancellationToken)
        where T : class
    {
        if (!db.Database.IsNpgsql())
        {
            return; // SQLite's AUTOINCREMENT already tracks the largest key written.
        }
        var table = TableOf<T>(db);
        var key = table.Columns[Array.FindIndex(table.Properties, property => property.IsPrimaryKey())];
        var sql = $"SELECT setval(pg_get_serial_sequence('\"{table.Name}\"', '{key}'), GREATEST((SELECT MAX(\"{key}\") FROM \"{table.Name}\"), 1))";
        await using var command = CreateCommand(db, sql);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task<int> InsertPreparedAsync<T>(AppDbContext db, Table table, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var columns = string.Join(", ", table.Columns.Select(column => $"\"{column}\""));
        var parameters = string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"));
        await using var command = (SqliteCommand)CreateCommand(db, $"INSERT INTO \"{table.Name}\" ({columns}) VALUES ({parameters})");
        var sqliteParameters = table.Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        command.Prepare();

        var count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < sqliteParameters.Length; i++)
            {
                sqliteParameters[i].Value = table.ProviderValue(i, row) ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
            count++;
        }
        return count;
    }

    private static async Task<int> CopyAsync<T>(AppDbContext db, Table table, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var columns = string.Join(", ", table.Columns.Select(column => $"\"{column}\""));
        var types = table.Properties.Select(property => PostgresType(table, property)).ToArray();
        await using var writer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var count = 0;
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            for (var i = 0; i < types.Length; i++)
            {
                var value = table.ProviderValue(i, row);
                if (value is null)
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await writer.WriteAsync(value, types[i], cancellationToken);
                }
            }
            count++;
        }
        await writer.CompleteAsync(cancellationToken);
        return count;
    }

    private static NpgsqlDbType PostgresType(Table table, IProperty property)
    {
        var clrType = property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
        return (Nullable.GetUnderlyingType(clrType) ?? clrType) switch
        {
            var type when type == typeof(int) => NpgsqlDbType.Integer,
            var type when type == typeof(long) => NpgsqlDbType.Bigint,
            var type when type == typeof(short) => NpgsqlDbType.Smallint,
            var type when type == typeof(double) => NpgsqlDbType.Double,
            var type when type == typeof(bool) => NpgsqlDbType.Boolean,
            var type when type == typeof(string) => NpgsqlDbType.Text,
            var type when type == typeof(DateTime) => NpgsqlDbType.TimestampTz,
            var type => throw new NotSupportedException($"Bulk insert into {table.Name}.{property.Name}: no COPY type for {type.Name}."),
        };
    }

    private static DbCommand CreateCommand(AppDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandTimeout = 0;
        return command;
    }

    private static Table TableOf<T>(AppDbContext db)
    {
        var entityType = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of the model.");
        var name = entityType.GetTableName()!;
        var store = StoreObjectIdentifier.Table(name, entityType.GetSchema());
        var properties = entityType.GetProperties().ToArray();
        return new Table(name, [.. properties.Select(property => property.GetColumnName(store)!)], properties);
    }

    private sealed record Table(string Name, string[] Columns, IProperty[] Properties)
    {
        private readonly IClrPropertyGetter[] _getters = [.. Properties.Select(property => property.GetGetter())];

        /// <summary>The value as the provider stores it: enums as numbers, and whatever other converters the model declares.</summary>
        public object? ProviderValue(int column, object row)
        {
            var value = _getters[column].GetClrValueUsingContainingEntity(row);
            var converter = Properties[column].GetTypeMapping().Converter;
            return value is null || converter is null ? value : converter.ConvertToProvider(value);
        }
    }
}
