using System.Data.Common;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Rekindle.Storage;

/// <summary>
/// Writes rows of one entity straight to its table inside the context's open transaction, for imports of
/// millions of rows: no change tracking. SQLite gets prepared multi-row INSERTs; PostgreSQL gets binary COPY.
/// Columns, names and value conversions come from the EF model, so the rows are exactly what EF would write
/// (dates as yyyy-MM-dd, timestamps as yyyy-MM-dd HH:mm:ss.FFFFFFF on SQLite).
/// Inserts are buffered: every other operation flushes them first (COPY holds the connection while it runs).
/// </summary>
public sealed class BulkTable<T> : IDisposable
    where T : class
{
    /// <summary>Rows queued before a flush writes them, unless the table is made with another size.</summary>
    public const int DefaultBufferRows = 20_000;
    private readonly WorkspaceDb db;
    private readonly int bufferRows;
    private readonly List<Action> flushFirst = [];
    private readonly Column[] columns;
    private readonly Column[] keys;
    private readonly Column[] values;
    private readonly string table;
    private readonly List<object?[]> buffer = [];
    private readonly XxHash3 hasher = new();
    private DbCommand? update;
    private sqlite3_stmt? native;

    public BulkTable(WorkspaceDb db, int bufferRows = DefaultBufferRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferRows, 1);
        this.db = db;
        this.bufferRows = bufferRows;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the workspace model.");
        table = entity.GetTableName()!;
        var keyProperties = entity.FindPrimaryKey()!.Properties;
        columns = [.. entity.GetProperties()
            .Where(p => p.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd)
            .Select(p => new Column(p, keyProperties.Contains(p)))];
        keys = [.. columns.Where(c => c.IsKey)];
        values = [.. columns.Where(c => !c.IsKey)];
        if (keys.Length == 0)
        {
            keys = [.. keyProperties.Select(p => new Column(p, true))]; // a generated key: insert-only table
        }

    }

    /// <summary>The table's name in the database.</summary>
    public string Table => table;

    /// <summary>The row's key as one string (parts of a composite key joined by U+001F).</summary>
    public string KeyOf(T row)
    {
        if (keys.Length == 1)
        {
            return Text(keys[0].Get(row));
        }

        return string.Join('\u001f', keys.Select(k => Text(k.Get(row))));
    }

    /// <summary>
    /// A 128-bit hash of the row's key as <see cref="KeyOf"/> writes it: what an import keeps of each of millions of
    /// keys instead of the string (16 bytes and no object; two different keys share one with a chance of about
    /// n²/2¹²⁹, under 10⁻²² for 10⁸ rows).
    /// </summary>
    public UInt128 KeyHashOf(T row) => KeyHash(KeyOf(row));

    /// <summary>The hash <see cref="KeyHashOf"/> gives a row whose key reads <paramref name="key"/>.</summary>
    public static UInt128 KeyHash(ReadOnlySpan<char> key) => XxHash128.HashToUInt128(System.Runtime.InteropServices.MemoryMarshal.AsBytes(key));

    /// <summary>A 64-bit hash of every non-key column as stored: equal hashes mean an unchanged row.</summary>
    public ulong HashOf(T row)
    {
        hasher.Reset();
        foreach (var c in values)
        {
            Append(c.Get(row));
        }

        return hasher.GetCurrentHashAsUInt64();
    }

    /// <summary>
    /// Every stored row's key hash (<see cref="KeyHashOf"/>) and value hash (<see cref="HashOf"/>), read with one plain
    /// query, each value hash turned into the caller's entry by <paramref name="value"/>.
    /// </summary>
    public Dictionary<UInt128, TValue> LoadHashes<TValue>(Func<ulong, TValue> value, CancellationToken cancellationToken = default)
    {
        Flush();
        var result = new Dictionary<UInt128, TValue>();
        using var command = NewCommand();
        command.CommandText = $"SELECT {string.Join(", ", keys.Concat(values).Select(c => c.Name))} FROM {table}";
        using var reader = command.ExecuteReader();
        var parts = new string[keys.Length];
        var n = 0;
        while (reader.Read())
        {
            if ((++n & 0x3FFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (var k = 0; k < keys.Length; k++)
            {
                parts[k] = Text(keys[k].Read(reader, k));
            }

            hasher.Reset();
            for (var v = 0; v < values.Length; v++)
            {
                var ordinal = keys.Length + v;
                Append(reader.IsDBNull(ordinal) ? null : values[v].Read(reader, ordinal));
            }

            result[KeyHash(keys.Length == 1 ? parts[0] : string.Join('\u001f', parts))] = value(hasher.GetCurrentHashAsUInt64());
        }

        return result;
    }

    /// <summary>The stored row with the key of <paramref name="like"/>, untracked; null when there is none.</summary>
    public T? FindStored(T like)
    {
        Flush();
        var keyValues = keys.Select(k => k.Property.GetGetter().GetClrValue(like)).ToArray();
        var found = db.Set<T>().Find(keyValues);
        if (found is not null)
        {
            db.Entry(found).State = EntityState.Detached;
        }

        return found;
    }

    private void Append(object? value)
    {
        Span<byte> bytes = stackalloc byte[9];
        switch (value)
        {
            case null: bytes[8] = 1; break;
            case string s:
                hasher.Append(System.Runtime.InteropServices.MemoryMarshal.AsBytes(s.AsSpan()));
                bytes[8] = 2;
                break;
            case long l: BitConverter.TryWriteBytes(bytes, l); break;
            case int i: BitConverter.TryWriteBytes(bytes, i); break;
            case bool b: bytes[0] = b ? (byte)1 : (byte)0; break;
            case double d: BitConverter.TryWriteBytes(bytes, d); break;
            case DateOnly d: BitConverter.TryWriteBytes(bytes, d.DayNumber); break;
            case DateTime t: BitConverter.TryWriteBytes(bytes, t.Ticks); break;
            default: hasher.Append(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Text(value).AsSpan())); break;
        }

        hasher.Append(bytes);
    }

    /// <summary>"column: old -> new" for each column whose stored value differs.</summary>
    public IReadOnlyList<string> Differences(T before, T after)
    {
        var changes = new List<string>();
        foreach (var c in values)
        {
            var a = c.Property.GetGetter().GetClrValue(before);
            var b = c.Property.GetGetter().GetClrValue(after);
            if (!Equals(c.ToProvider(a), c.ToProvider(b)))
            {
                changes.Add($"{c.Name}: {Display(a)} -> {Display(b)}");
            }
        }

        return changes;
    }

    /// <summary>Queues a new row; written by the next flush (automatic every <see cref="DefaultBufferRows"/> rows unless sized otherwise).</summary>
    public void Insert(T row)
    {
        var provider = new object?[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            provider[i] = columns[i].Get(row);
        }

        buffer.Add(provider);
        if (buffer.Count >= bufferRows)
        {
            Flush();
        }
    }

    /// <summary>Overwrites the stored row with the same key.</summary>
    public void Update(T row)
    {
        Flush();
        if (update is null)
        {
            update = NewCommand();
            var set = string.Join(", ", values.Select((c, i) => $"{c.Name} = @v{i}"));
            var where = string.Join(" AND ", keys.Select((c, i) => $"{c.Name} = @k{i}"));
            update.CommandText = $"UPDATE {table} SET {set} WHERE {where}";
            for (var i = 0; i < values.Length; i++)
            {
                AddParameter(update, $"@v{i}");
            }

            for (var i = 0; i < keys.Length; i++)
            {
                AddParameter(update, $"@k{i}");
            }
        }

        for (var i = 0; i < values.Length; i++)
        {
            update.Parameters[i].Value = values[i].Get(row) ?? DBNull.Value;
        }

        for (var i = 0; i < keys.Length; i++)
        {
            update.Parameters[values.Length + i].Value = keys[i].Get(row) ?? DBNull.Value;
        }

        update.ExecuteNonQuery();
    }

    /// <summary>
    /// Rows of this table refer to rows of <paramref name="parent"/> (a foreign key): every flush of this table writes
    /// the parent's queued rows first, so a reference never reaches the database before the row it names, wherever
    /// the two buffers' batch boundaries fall.
    /// </summary>
    public void References<TParent>(BulkTable<TParent> parent)
        where TParent : class => flushFirst.Add(parent.Flush);

    /// <summary>Writes the queued rows (after the queued rows of every table this one references).</summary>
    public void Flush()
    {
        if (buffer.Count == 0)
        {
            return;
        }

        foreach (var parent in flushFirst)
        {
            parent();
        }

        if (db.Provider == WorkspaceProvider.Postgres)
        {
            Copy();
        }
        else
        {
            InsertNative();
        }

        buffer.Clear();
    }

    public void Dispose()
    {
        native?.Dispose();
        update?.Dispose();
    }

    /// <summary>
    /// SQLite: one prepared single-row INSERT, values bound by position through the native API (no per-row command,
    /// reader or parameter-name lookup), stepped inside the open transaction.
    /// </summary>
    private void InsertNative()
    {
        var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
        if (native is null)
        {
            var sql = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
            Check(connection, raw.sqlite3_prepare_v2(connection.Handle, sql, out native));
        }

        foreach (var row in buffer)
        {
            for (var i = 0; i < row.Length; i++)
            {
                var index = i + 1;
                var rc = row[i] switch
                {
                    null => raw.sqlite3_bind_null(native, index),
                    string text => raw.sqlite3_bind_text(native, index, text),
                    long l => raw.sqlite3_bind_int64(native, index, l),
                    int n => raw.sqlite3_bind_int(native, index, n),
                    bool b => raw.sqlite3_bind_int(native, index, b ? 1 : 0),
                    double d => raw.sqlite3_bind_double(native, index, d),
                    DateOnly d => raw.sqlite3_bind_text(native, index, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    DateTime t => raw.sqlite3_bind_text(native, index, t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
                    var other => throw new NotSupportedException($"No SQLite binding for {other.GetType().Name}."),
                };
                Check(connection, rc);
            }

            var step = raw.sqlite3_step(native);
            raw.sqlite3_reset(native);
            if (step != raw.SQLITE_DONE)
            {
                Check(connection, step);
            }
        }
    }

    private static void Check(Microsoft.Data.Sqlite.SqliteConnection connection, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new Microsoft.Data.Sqlite.SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(connection.Handle).utf8_to_string()}'.", rc);
        }
    }

    private void Copy()
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var sql = $"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
        using var writer = connection.BeginBinaryImport(sql);
        foreach (var row in buffer)
        {
            writer.StartRow();
            for (var i = 0; i < columns.Length; i++)
            {
                if (row[i] is null)
                {
                    writer.WriteNull();
                }
                else
                {
                    writer.Write(row[i]!, columns[i].CopyType);
                }
            }
        }

        writer.Complete();
    }

    private DbCommand NewCommand()
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk writes run inside a transaction: begin one first.");
        command.CommandTimeout = 600;
        return command;
    }

    private static void AddParameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Display(object? value) => value switch
    {
        null => "(none)",
        string s => s.Length == 0 ? "(empty)" : s,
        Enum e => e.ToString(),
        _ => Text(value),
    };

    /// <summary>A mapped property: its column name, how to read its stored value from an entity, its COPY type.</summary>
    private sealed class Column
    {
        private readonly IClrPropertyGetter getter;
        private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter;

        public Column(IProperty property, bool isKey)
        {
            Property = property;
            IsKey = isKey;
            Name = property.GetColumnName();
            getter = property.GetGetter();
            converter = property.GetTypeMapping().Converter;
            var stored = converter?.ProviderClrType ?? property.ClrType;
            stored = Nullable.GetUnderlyingType(stored) ?? stored;
            CopyType = stored switch
            {
                _ when stored == typeof(string) => NpgsqlDbType.Text,
                _ when stored == typeof(long) => NpgsqlDbType.Bigint,
                _ when stored == typeof(int) => NpgsqlDbType.Integer,
                _ when stored == typeof(bool) => NpgsqlDbType.Boolean,
                _ when stored == typeof(double) => NpgsqlDbType.Double,
                _ when stored == typeof(DateOnly) => NpgsqlDbType.Date,
                _ when stored == typeof(DateTime) => NpgsqlDbType.TimestampTz,
                _ => throw new NotSupportedException($"No bulk mapping for {stored.Name} ({property.Name})."),
            };
            Read = stored switch
            {
                _ when stored == typeof(string) => (r, i) => r.GetString(i),
                _ when stored == typeof(long) => (r, i) => r.GetInt64(i),
                _ when stored == typeof(int) => (r, i) => r.GetInt32(i),
                _ when stored == typeof(bool) => (r, i) => r.GetBoolean(i),
                _ when stored == typeof(double) => (r, i) => r.GetDouble(i),
                _ when stored == typeof(DateOnly) => (r, i) => r.GetFieldValue<DateOnly>(i),
                _ => (r, i) => r.GetFieldValue<DateTime>(i),
            };
        }

        public IProperty Property { get; }
        public bool IsKey { get; }

        /// <summary>Reads the stored value of this column from a row of a plain query.</summary>
        public Func<DbDataReader, int, object> Read { get; }
        public string Name { get; }
        public NpgsqlDbType CopyType { get; }

        /// <summary>The value as stored (after the model's conversion), or null.</summary>
        public object? Get(object entity) => ToProvider(getter.GetClrValue(entity));

        public object? ToProvider(object? value) =>
            value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
    }
}
