using System.Globalization;
using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Entries;
using JackrabbitDlm.Engine.Rules;
using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Protocol.Wire;
using Microsoft.Data.Sqlite;

namespace JackrabbitDlm.Backends.Sqlite;

/// <summary>
/// One open connection to the database and its prepared statements. Not thread-safe: the backend
/// uses it under its own gate, and other processes are kept out by SQLite's file locks.
/// </summary>
internal sealed class SqliteEntryTable : IDisposable
{
    private const string EntryColumns =
        "owner, identity_name, identity_digest, expires_at_ms, token, value_length";

    private readonly SqliteConnection _connection;
    private readonly CounterSet _counters;
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _rollback;
    private readonly SqliteCommand _select;
    private readonly SqliteCommand _selectWithValue;
    private readonly SqliteCommand _nextToken;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _extend;
    private readonly SqliteCommand _replaceValue;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _purgeExpired;
    private readonly SqliteCommand _count;

    private SqliteEntryTable(SqliteConnection connection, CounterSet counters)
    {
        _connection = connection;
        _counters = counters;

        // IMMEDIATE takes the write lock at once, so two processes never both read an entry and
        // then both decide to grant it: the second waits for the first to commit.
        _begin = Prepare("BEGIN IMMEDIATE;");
        _commit = Prepare("COMMIT;");
        _rollback = Prepare("ROLLBACK;");
        _select = Prepare($"SELECT {EntryColumns} FROM jrdlm_entries WHERE entry_key = $key;", "$key");
        _selectWithValue = Prepare(
            $"SELECT {EntryColumns}, value FROM jrdlm_entries WHERE entry_key = $key;", "$key");
        _nextToken = Prepare(
            "UPDATE jrdlm_counters SET value = value + 1 WHERE name = 'token' RETURNING value;");
        _insert = Prepare(
            """
            INSERT INTO jrdlm_entries (
                entry_key, owner, identity_name, identity_digest,
                expires_at_ms, token, value_length, value)
            VALUES ($key, $owner, $name, $digest, $expires, $token, $length, $value);
            """,
            "$key", "$owner", "$name", "$digest", "$expires", "$token", "$length", "$value");
        _extend = Prepare(
            "UPDATE jrdlm_entries SET expires_at_ms = $expires WHERE entry_key = $key;", "$key", "$expires");
        _replaceValue = Prepare(
            """
            UPDATE jrdlm_entries SET expires_at_ms = $expires, value_length = $length, value = $value
            WHERE entry_key = $key;
            """,
            "$key", "$expires", "$length", "$value");
        _delete = Prepare("DELETE FROM jrdlm_entries WHERE entry_key = $key;", "$key");
        _purgeExpired = Prepare(
            """
            DELETE FROM jrdlm_entries WHERE rowid IN (
                SELECT rowid FROM jrdlm_entries WHERE expires_at_ms <= $now
                ORDER BY expires_at_ms LIMIT $limit)
            RETURNING value_length IS NOT NULL;
            """,
            "$now", "$limit");
        _count = Prepare(
            "SELECT COUNT(*), COUNT(value_length) FROM jrdlm_entries WHERE expires_at_ms > $now;", "$now");
    }

    /// <summary>Opens the database, sets it up for sharing between processes, makes the tables.</summary>
    /// <exception cref="SqliteException">The file cannot be opened or is not a database.</exception>
    public static SqliteEntryTable Open(SqliteBackendOptions options)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = options.Path,
            Mode = SqliteOpenMode.ReadWriteCreate,

            // One long-lived connection per backend; nothing to pool.
            Pooling = false,
            DefaultTimeout = (int)Math.Max(1, Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        };
        var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            var busyMilliseconds = (long)options.BusyTimeout.TotalMilliseconds;
            SqliteSchema.Execute(
                connection, $"PRAGMA busy_timeout = {busyMilliseconds.ToString(CultureInfo.InvariantCulture)};");

            // WAL lets readers go on while a writer commits, and commits cost one append.
            SqliteSchema.Execute(connection, "PRAGMA journal_mode = WAL;");
            var synchronous = options.DurableCommits ? "FULL" : "NORMAL";
            SqliteSchema.Execute(connection, $"PRAGMA synchronous = {synchronous};");
            SqliteSchema.Ensure(connection);
            return new SqliteEntryTable(connection, options.Counters);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs one command as one transaction.</summary>
    public ActionResult Execute(EntryCommand command, bool overloaded, TimeSpan now)
    {
        _begin.ExecuteNonQuery();
        ActionResult result;
        EntryView? expired;
        try
        {
            var (stored, value) = Read(command.Key, withValue: command.Action == DlmAction.Get);
            var decision = EntryRules.Decide(command, stored, now, overloaded);
            expired = decision.PurgeExpired ? stored : null;
            if (expired is not null)
            {
                Delete(command.Key);
                stored = null;
            }

            result = Apply(command, decision, stored, value);
            _commit.ExecuteNonQuery();
        }
        catch
        {
            Rollback();
            throw;
        }

        if (expired is { } gone)
        {
            _counters.Increment(gone.HasValue ? Counter.ExpiredData : Counter.ExpiredLock);
        }

        return result;
    }

    /// <summary>Deletes up to <paramref name="limit"/> expired entries in one transaction.</summary>
    /// <returns>How many were deleted.</returns>
    public int PurgeExpired(TimeSpan now, int limit)
    {
        _purgeExpired.Parameters["$now"].Value = UnixClock.ToMilliseconds(now);
        _purgeExpired.Parameters["$limit"].Value = limit;
        var locks = 0;
        var values = 0;
        _begin.ExecuteNonQuery();
        try
        {
            using (var reader = _purgeExpired.ExecuteReader())
            {
                while (reader.Read())
                {
                    if (reader.GetBoolean(0))
                    {
                        values++;
                    }
                    else
                    {
                        locks++;
                    }
                }
            }

            _commit.ExecuteNonQuery();
        }
        catch
        {
            Rollback();
            throw;
        }

        _counters.Add(Counter.ExpiredLock, locks);
        _counters.Add(Counter.ExpiredData, values);
        return locks + values;
    }

    /// <summary>Counts the entries that have not expired by <paramref name="now"/>.</summary>
    public EntryCounts Count(TimeSpan now)
    {
        _count.Parameters["$now"].Value = UnixClock.ToMilliseconds(now);
        using var reader = _count.ExecuteReader();
        reader.Read();
        var all = reader.GetInt64(0);
        var values = reader.GetInt64(1);
        return new EntryCounts(all - values, values);
    }

    public void Dispose()
    {
        SqliteCommand[] commands =
        [
            _begin, _commit, _rollback, _select, _selectWithValue, _nextToken, _insert, _extend,
            _replaceValue, _delete, _purgeExpired, _count,
        ];
        foreach (var command in commands)
        {
            command.Dispose();
        }

        _connection.Dispose();
    }

    private (EntryView? View, byte[]? Value) Read(EntryKey key, bool withValue)
    {
        var select = withValue ? _selectWithValue : _select;
        select.Parameters["$key"].Value = key.Utf8Array;
        using var reader = select.ExecuteReader();
        if (!reader.Read())
        {
            return (null, null);
        }

        var identity = reader.IsDBNull(1)
            ? null
            : new IdentityStamp(reader.GetString(1), reader.GetFieldValue<byte[]>(2));
        var hasValue = !reader.IsDBNull(5);
        var view = new EntryView(
            reader.GetFieldValue<byte[]>(0),
            identity,
            hasValue,
            UnixClock.FromMilliseconds(reader.GetInt64(3)),
            reader.GetInt64(4));

        // SQLite hands back a zero-length blob as NULL; the length column says a value is there.
        byte[]? value = null;
        if (withValue && hasValue)
        {
            value = reader.IsDBNull(6) ? [] : reader.GetFieldValue<byte[]>(6);
        }

        return (view, value);
    }

    private ActionResult Apply(
        EntryCommand command, EntryDecision decision, EntryView? stored, byte[]? storedValue)
    {
        var token = stored?.Token ?? 0;
        switch (decision.Change)
        {
            case EntryChange.Create:
                token = Convert.ToInt64(_nextToken.ExecuteScalar(), CultureInfo.InvariantCulture);
                Insert(command, decision, token);
                break;
            case EntryChange.Extend:
                Set(_extend, command.Key, decision.ExpiresAt, value: null);
                break;
            case EntryChange.ReplaceValue:
                Set(_replaceValue, command.Key, decision.ExpiresAt, decision.Value);
                break;
            case EntryChange.Delete:
                Delete(command.Key);
                break;
        }

        if (decision.Outcome != ActionOutcome.GotValue)
        {
            return new ActionResult(decision.Outcome, token);
        }

        return storedValue is null
            ? new ActionResult(ActionOutcome.Corruption)
            : new ActionResult(ActionOutcome.GotValue, token, storedValue);
    }

    private void Insert(EntryCommand command, EntryDecision decision, long token)
    {
        var parameters = _insert.Parameters;
        parameters["$key"].Value = command.Key.Utf8Array;
        parameters["$owner"].Value = command.Owner.Utf8Array;
        parameters["$name"].Value = (object?)command.Identity?.Name ?? DBNull.Value;
        parameters["$digest"].Value = (object?)command.Identity?.SecretDigest ?? DBNull.Value;
        parameters["$expires"].Value = UnixClock.ToMilliseconds(decision.ExpiresAt);
        parameters["$token"].Value = token;
        parameters["$length"].Value = (object?)decision.Value?.Length ?? DBNull.Value;
        parameters["$value"].Value = (object?)decision.Value?.Utf8 ?? DBNull.Value;
        _insert.ExecuteNonQuery();
    }

    private static void Set(SqliteCommand update, EntryKey key, TimeSpan expiresAt, EntryValue? value)
    {
        update.Parameters["$key"].Value = key.Utf8Array;
        update.Parameters["$expires"].Value = UnixClock.ToMilliseconds(expiresAt);
        if (value is not null)
        {
            update.Parameters["$length"].Value = value.Length;
            update.Parameters["$value"].Value = value.Utf8;
        }

        update.ExecuteNonQuery();
    }

    private void Delete(EntryKey key)
    {
        _delete.Parameters["$key"].Value = key.Utf8Array;
        _delete.ExecuteNonQuery();
    }

    private void Rollback()
    {
        try
        {
            _rollback.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // SQLite may have rolled back already (a full disk, an I/O error); the error that
            // got us here is the one worth reporting, and the caller drops this connection.
        }
    }

    private SqliteCommand Prepare(string sql, params string[] parameterNames)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
