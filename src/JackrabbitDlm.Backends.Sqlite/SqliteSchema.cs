using Microsoft.Data.Sqlite;

namespace JackrabbitDlm.Backends.Sqlite;

/// <summary>
/// The tables, made on first use. <c>PRAGMA user_version</c> records the layout, so a file
/// written by a later layout is refused instead of misread.
/// </summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    // Small columns first and the value last: SQLite reads a row's columns in order, so
    // metadata queries never walk a large value's overflow pages.
    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS jrdlm_entries (
            entry_key BLOB NOT NULL PRIMARY KEY,
            owner BLOB NOT NULL,
            identity_name TEXT,
            identity_digest BLOB,
            expires_at_ms INTEGER NOT NULL,
            token INTEGER NOT NULL,
            value_length INTEGER,
            value BLOB);
        CREATE INDEX IF NOT EXISTS jrdlm_entries_expiry ON jrdlm_entries (expires_at_ms, value_length);
        CREATE TABLE IF NOT EXISTS jrdlm_counters (
            name TEXT NOT NULL PRIMARY KEY,
            value INTEGER NOT NULL);
        INSERT OR IGNORE INTO jrdlm_counters (name, value) VALUES ('token', 0);
        """;

    /// <summary>Makes the tables when the file is new; refuses a file of an unknown layout.</summary>
    /// <exception cref="InvalidOperationException">The file was written by a later layout.</exception>
    public static void Ensure(SqliteConnection connection)
    {
        // IMMEDIATE, so that two processes opening a new file together do not both lay it out.
        Execute(connection, "BEGIN IMMEDIATE;");
        try
        {
            var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"));
            if (version > Version)
            {
                throw new InvalidOperationException(
                    $"the database has layout version {version}; this server knows up to {Version}");
            }

            Execute(connection, CreateTables);
            Execute(connection, $"PRAGMA user_version = {Version};");
            Execute(connection, "COMMIT;");
        }
        catch
        {
            Execute(connection, "ROLLBACK;");
            throw;
        }
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
