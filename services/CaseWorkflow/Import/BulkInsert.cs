using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace ComplaintsPlatform.CaseWorkflow.Import;

/// <summary>
/// Writes the new rows of a batch (cases, their outbox events, imported-row keys, officer time) with
/// binary COPY in one transaction of its own: the rows SaveChanges would insert, columns and
/// conversions read from the EF model. One batch is written while the next is read and replayed, so
/// the database and the rules work at the same time.
/// </summary>
internal sealed partial class BulkInsert(string connectionString)
{
    private Task _writing = Task.CompletedTask;

    public async Task WriteAsync(IModel model, List<object> rows, CancellationToken ct)
    {
        var groups = rows.GroupBy(r => r.GetType())
            .Select(g => (Type: model.FindEntityType(g.Key) ?? throw new InvalidOperationException($"{g.Key.Name} is not a table of this service."), Rows: g.ToList()))
            .ToList();
        await _writing;
        _writing = Task.Run(() => WriteAsync(groups, ct), ct);
    }

    /// <summary>Waits for the batch still being written (its failure is the import's).</summary>
    public Task FlushAsync() => _writing;

    private async Task WriteAsync(List<(IEntityType Type, List<object> Rows)> groups, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var (type, rows) in groups)
        {
            await CopyAsync(connection, type, rows, ct);
        }
        await transaction.CommitAsync(ct);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IEntityType type, IEnumerable<object> rows, CancellationToken ct)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        // Columns the database fills in itself (identities, defaults such as the writing transaction's id) are left to it.
        var columns = type.GetProperties()
            .Where(p => p.ValueGenerated == ValueGenerated.Never || (p.GetDefaultValueSql() is null && !IsIdentity(p)))
            .Select(p => (Property: p, Name: p.GetColumnName(table)!, DataType: Length().Replace(p.GetColumnType(), "")))
            .ToList();
        var copy = $"COPY \"{table.Schema}\".\"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var writer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            foreach (var (property, _, dataType) in columns)
            {
                var value = property.GetGetter().GetClrValue(row);
                if (property.GetTypeMapping().Converter is { } converter && value is not null)
                {
                    value = converter.ConvertToProvider(value);
                }
                if (value is null)
                {
                    await writer.WriteNullAsync(ct);
                }
                else
                {
                    await writer.WriteAsync(value, dataType, ct);
                }
            }
        }
        await writer.CompleteAsync(ct);
    }

    private static bool IsIdentity(IProperty p) =>
        p.GetValueGenerationStrategy() is not (Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.None);

    [GeneratedRegex(@"\(\d+\)$")]
    private static partial Regex Length();
}
