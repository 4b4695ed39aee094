using JackrabbitDlm.Backends.Sqlite;
using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Rules;
using JackrabbitDlm.Engine.Statistics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using static JackrabbitDlm.Backends.Tests.Conformance.Commands;

namespace JackrabbitDlm.Backends.Tests.Sqlite;

/// <summary>What only the SQLite backend does: its file, failures and purge of expired rows.</summary>
public sealed class SqliteBackendTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly CounterSet _counters = new();

    private string DatabasePath => _directory.File("entries.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task OpenAsync_FileIsNotADatabase_ThrowsNamingThePath()
    {
        await File.WriteAllTextAsync(DatabasePath, new string('x', 4096));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => OpenAsync());

        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_LayoutOfNewerVersion_Throws()
    {
        Execute("PRAGMA user_version = 99;");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => OpenAsync());

        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_MissingDirectory_IsMade()
    {
        var nested = Path.Combine(_directory.Path, "a", "b", "entries.db");

        var options = new SqliteBackendOptions { Path = nested, Time = _time };

        await using var backend = await SqliteBackend.OpenAsync(options);

        Assert.True(File.Exists(nested));
    }

    [Fact]
    public async Task OpenAsync_NewFile_UsesWalAndIndexesExpiry()
    {
        await using var backend = await OpenAsync();

        Assert.Equal("wal", Scalar("PRAGMA journal_mode;"));
        Assert.Equal(
            "jrdlm_entries_expiry",
            Scalar("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL;"));
    }

    [Fact]
    public async Task ExecuteAsync_FileLockedByAnotherWriter_AnswersUnavailableThenRecovers()
    {
        await using var backend = await OpenAsync(busyTimeout: TimeSpan.FromMilliseconds(100));
        using var other = Connect();
        using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            begin.ExecuteNonQuery();
        }

        var blocked = await RunAsync(backend, Lock("job", "alice"));

        Assert.Equal(ActionOutcome.BackendUnavailable, blocked.Outcome);
        using (var rollback = other.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            rollback.ExecuteNonQuery();
        }

        var recovered = await RunAsync(backend, Lock("job", "alice"));
        Assert.Equal(ActionOutcome.Locked, recovered.Outcome);
    }

    [Fact]
    public async Task ExecuteAsync_ExpiredRowTouched_IsDeletedAndCounted()
    {
        await using var backend = await OpenAsync();
        await RunAsync(backend, Put("job", "alice", "v", TimeSpan.FromSeconds(5)));
        _time.Advance(TimeSpan.FromSeconds(6));

        var get = await RunAsync(backend, Get("job", "bob"));

        Assert.Equal(ActionOutcome.GetNotFound, get.Outcome);
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM jrdlm_entries;"));
        Assert.Equal(1, _counters.Get(Counter.ExpiredData));
    }

    [Fact]
    public async Task SweepAsync_ExpiredRows_AreDeletedAndCounted()
    {
        await using var backend = await OpenAsync();
        for (var i = 0; i < 3; i++)
        {
            await RunAsync(backend, Lock($"short-{i}", "alice", TimeSpan.FromSeconds(5)));
        }

        await RunAsync(backend, Put("short-value", "alice", "v", TimeSpan.FromSeconds(5)));
        await RunAsync(backend, Lock("long", "alice"));
        _time.Advance(TimeSpan.FromSeconds(6));

        var purged = await backend.SweepAsync();

        Assert.Equal(4, purged);
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM jrdlm_entries;"));
        Assert.Equal(3, _counters.Get(Counter.ExpiredLock));
        Assert.Equal(1, _counters.Get(Counter.ExpiredData));
    }

    private static async Task<ActionResult> RunAsync(SqliteBackend backend, EntryCommand command) =>
        await backend.ExecuteAsync(command, overloaded: false, CancellationToken.None);

    private Task<SqliteBackend> OpenAsync(TimeSpan? busyTimeout = null) =>
        SqliteBackend.OpenAsync(new SqliteBackendOptions
        {
            Path = DatabasePath,
            Time = _time,
            Counters = _counters,
            BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(5),

            // The tests sweep by hand; the timer would race them as the fake clock advances.
            SweepInterval = TimeSpan.FromDays(1),
        });

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    private void Execute(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
