using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Rules;
using Microsoft.Data.Sqlite;

namespace JackrabbitDlm.Backends.Sqlite;

/// <summary>
/// Entries in one SQLite database file: they survive restarts, and several server processes on
/// one machine may share the file. Each action is one <c>BEGIN IMMEDIATE</c> transaction, so the
/// processes take turns on the file and never both grant a lock; the fencing token is a counter
/// row bumped inside the same transaction.
/// </summary>
/// <remarks>
/// Time is the wall clock of <see cref="SqliteBackendOptions.Time"/> in Unix milliseconds: every
/// process sharing the file reads the same clock, which a per-process monotonic clock is not.
/// A wall-clock step forward expires entries early, one backward keeps them longer. Expired rows
/// are deleted when an action touches them and by a periodic sweep. Thread-safe: actions of one
/// instance run one at a time on its single connection. A database that cannot be reached or
/// fails answers <see cref="ActionOutcome.BackendUnavailable"/>, and the next action reconnects.
/// </remarks>
public sealed partial class SqliteBackend : IEntryBackend
{
    private readonly SqliteBackendOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteEntryTable? _table;
    private EntryCounts _lastCounts;
    private bool _unavailable;
    private bool _disposed;

    private SqliteBackend(SqliteBackendOptions options, SqliteEntryTable table)
    {
        _options = options;
        _table = table;
        var interval = options.SweepInterval;
        _sweeper = options.Time.CreateTimer(_ => StartSweep(), null, interval, interval);
    }

    public string Name => "sqlite";

    /// <summary>The database file.</summary>
    public string Path => _options.Path;

    /// <summary>Opens (and if needed makes) the database file.</summary>
    /// <exception cref="InvalidOperationException">
    /// The file cannot be opened or made, or is not a usable database.
    /// </exception>
    public static Task<SqliteBackend> OpenAsync(
        SqliteBackendOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BusyTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.SweepInterval, TimeSpan.Zero);

        // Opening blocks on the file and on other processes laying it out: keep that off the
        // caller's thread.
        return Task.Run(() => Open(options), cancellationToken);
    }

    public async ValueTask<ActionResult> ExecuteAsync(
        EntryCommand command, bool overloaded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = UnixClock.Now(_options.Time);
            var unavailable = new ActionResult(ActionOutcome.BackendUnavailable);
            return Run(table => table.Execute(command, overloaded, now), unavailable);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Counts the entries that have not expired; the last known counts while the file is unavailable.
    /// </summary>
    public EntryCounts CountEntries()
    {
        _gate.Wait();
        try
        {
            if (!_disposed)
            {
                var now = UnixClock.Now(_options.Time);
                _lastCounts = Run(table => table.Count(now), _lastCounts);
            }

            return _lastCounts;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _sweeper.DisposeAsync().ConfigureAwait(false);
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            _table?.Dispose();
            _table = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static SqliteBackend Open(SqliteBackendOptions options)
    {
        SqliteEntryTable table;
        try
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(options.Path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            table = SqliteEntryTable.Open(options);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException
            or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"Cannot open the SQLite database '{options.Path}': {ex.Message}", ex);
        }

        Log.Opened(options.Logger, options.Path);
        return new SqliteBackend(options, table);
    }

    /// <summary>Runs work on the connection, reconnecting if an earlier failure dropped it.</summary>
    /// <returns>The work's result, or <paramref name="whenUnavailable"/> if the database failed.</returns>
    private T Run<T>(Func<SqliteEntryTable, T> work, T whenUnavailable)
    {
        try
        {
            _table ??= SqliteEntryTable.Open(_options);
            var result = work(_table);
            if (_unavailable)
            {
                _unavailable = false;
                Log.Recovered(_options.Logger, _options.Path);
            }

            return result;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            // After a failed commit or a vanished file the connection's state is unknown: start
            // afresh on the next action rather than reason about what is left of it.
            _table?.Dispose();
            _table = null;
            if (!_unavailable)
            {
                _unavailable = true;
                Log.Unavailable(_options.Logger, _options.Path, ex);
            }

            return whenUnavailable;
        }
    }
}
