using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace ComplaintsPlatform.Hosting;

/// <summary>
/// Inserts new rows of one entity type without EF's change tracking: one single-row INSERT per row,
/// built once from the EF model (table, columns, store types, value converters), added to an
/// <see cref="NpgsqlBatch"/> so a hot path writes many rows in one round trip, and prepared by
/// Npgsql like any frequent statement. Columns the database fills (identity, defaults) are left to it.
/// Only for entity types a plain insert can write in full; <see cref="TryCreate"/> says no to others.
/// </summary>
public sealed class RowInserter<TEntity>
    where TEntity : class
{
    private readonly string _insertInto;
    private readonly string _sql;
    private readonly Column[] _columns;
    private readonly bool _guarded;

    private sealed record Column(Func<TEntity, object?> Value, NpgsqlDbType Type);

    private RowInserter(string insertInto, string sql, Column[] columns, bool guarded = false)
    {
        _insertInto = insertInto;
        _sql = sql;
        _columns = columns;
        _guarded = guarded;
    }

    /// <summary>The statement, for tests and logs (no values in it).</summary>
    public string Sql => _sql;

    /// <summary>
    /// The inserter for <typeparamref name="TEntity"/>, or null if its rows need more than one plain
    /// insert (owned or complex parts, shadow properties) or it has a column type not known here.
    /// </summary>
    public static RowInserter<TEntity>? TryCreate(IModel model)
    {
        var entity = model.FindEntityType(typeof(TEntity));
        if (entity is null || entity.GetTableName() is not { } table || entity.GetComplexProperties().Any()
            || entity.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || entity.GetDerivedTypes().Any())
        {
            return null;
        }
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var names = new List<string>();
        var columns = new List<Column>();
        foreach (var property in entity.GetProperties())
        {
            if (property.GetDefaultValueSql(store) is not null || property.GetComputedColumnSql(store) is not null
                || property.GetValueGenerationStrategy(store) != Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.None)
            {
                continue; // the database fills it
            }
            if (property.IsShadowProperty() || StoreType(property.GetColumnType(store)) is not { } type
                || property.GetColumnName(store) is not { } name)
            {
                return null;
            }
            var getter = property.GetGetter();
            var converter = property.GetTypeMapping().Converter;
            Func<TEntity, object?> value = converter is null
                ? e => getter.GetClrValue(e)
                : e => getter.GetClrValue(e) is { } v ? converter.ConvertToProvider(v) : null;
            names.Add(Quote(name));
            columns.Add(new Column(value, type));
        }
        var target = entity.GetSchema() is { } schema ? $"{Quote(schema)}.{Quote(table)}" : Quote(table);
        var insertInto = $"INSERT INTO {target} ({string.Join(", ", names)})";
        return new RowInserter<TEntity>(insertInto, $"{insertInto} VALUES ({Placeholders(names.Count)})", [.. columns]);
    }

    /// <summary>
    /// The same insert, made only if a row with a given uuid key exists in <paramref name="schema"/>.<paramref name="table"/>
    /// when it runs (seeing what earlier statements of the transaction wrote): a batch can then write
    /// rows that depend on an earlier statement's outcome without a round trip to learn it.
    /// </summary>
    public RowInserter<TEntity> OnlyIfExists(string schema, string table, string keyColumn)
    {
        if (_guarded)
        {
            throw new InvalidOperationException("The insert already has a condition.");
        }
        var key = "$" + (_columns.Length + 1);
        var sql = $"{_insertInto} SELECT {Placeholders(_columns.Length)} WHERE EXISTS (SELECT FROM {Quote(schema)}.{Quote(table)} WHERE {Quote(keyColumn)} = {key})";
        return new RowInserter<TEntity>(_insertInto, sql, _columns, guarded: true);
    }

    /// <summary>Adds the INSERT of <paramref name="row"/> to <paramref name="batch"/>.</summary>
    public void Add(NpgsqlBatch batch, TEntity row)
    {
        if (_guarded)
        {
            throw new InvalidOperationException("This insert has a condition: give its key.");
        }
        batch.BatchCommands.Add(Command(row));
    }

    /// <summary>Adds the conditional INSERT of <paramref name="row"/>, made only if the row keyed <paramref name="key"/> exists.</summary>
    public void Add(NpgsqlBatch batch, TEntity row, Guid key)
    {
        if (!_guarded)
        {
            throw new InvalidOperationException("This insert has no condition.");
        }
        var command = Command(row);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = key, NpgsqlDbType = NpgsqlDbType.Uuid });
        batch.BatchCommands.Add(command);
    }

    private NpgsqlBatchCommand Command(TEntity row)
    {
        var command = new NpgsqlBatchCommand(_sql);
        foreach (var column in _columns)
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = column.Type, Value = column.Value(row) ?? DBNull.Value });
        }
        return command;
    }

    private static string Placeholders(int count) => string.Join(", ", Enumerable.Range(1, count).Select(i => "$" + i));

    /// <summary>The parameter type for a column's store type, for the types the platform's tables use; null for any other.</summary>
    public static NpgsqlDbType? StoreType(string? columnType)
    {
        if (columnType is null)
        {
            return null;
        }
        if (columnType.EndsWith("[]", StringComparison.Ordinal))
        {
            return StoreType(columnType[..^2]) is { } element ? NpgsqlDbType.Array | element : null;
        }
        var name = columnType.Split('(')[0].Trim();
        return name switch
        {
            "uuid" => NpgsqlDbType.Uuid,
            "text" => NpgsqlDbType.Text,
            "character varying" or "varchar" => NpgsqlDbType.Varchar,
            "integer" or "int" or "int4" => NpgsqlDbType.Integer,
            "bigint" or "int8" => NpgsqlDbType.Bigint,
            "smallint" or "int2" => NpgsqlDbType.Smallint,
            "boolean" or "bool" => NpgsqlDbType.Boolean,
            "timestamp with time zone" or "timestamptz" => NpgsqlDbType.TimestampTz,
            "timestamp without time zone" or "timestamp" => NpgsqlDbType.Timestamp,
            "date" => NpgsqlDbType.Date,
            "bytea" => NpgsqlDbType.Bytea,
            "jsonb" => NpgsqlDbType.Jsonb,
            "double precision" or "float8" => NpgsqlDbType.Double,
            "real" or "float4" => NpgsqlDbType.Real,
            "numeric" => NpgsqlDbType.Numeric,
            _ => null,
        };
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
