using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Rules;
using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Backends.FileSystem;

/// <summary>
/// Entries as files in a directory, one file per entry, named by a hash of the entry key (the key
/// itself is kept inside). Entries survive restarts, and several server processes on one machine
/// may share the directory: an action holds its entry's stripe lock file (an operating-system
/// lock) from reading the entry to writing it, and a file is only ever replaced whole by a rename,
/// so no reader or later run sees half a write.
/// </summary>
/// <remarks>
/// Time is the wall clock of <see cref="FileSystemBackendOptions.Time"/> in Unix milliseconds,
/// which every process on the machine shares; a per-process monotonic clock would not order
/// expiries across processes or restarts. Expired files are removed when an action touches them
/// and by a periodic sweep. Needs a local filesystem: network filesystems may not honour the locks.
/// Counting and sweeping read the start of every entry file, so this backend suits tables of up to
/// some tens of thousands of entries; SQLite scales further. Thread-safe. A directory that cannot
/// be read or written answers <see cref="ActionOutcome.BackendUnavailable"/> and changes nothing.
/// </remarks>
public sealed partial class FileSystemBackend : IEntryBackend
{
    private readonly FileSystemBackendOptions _options;
    private readonly StoreLayout _layout;
    private readonly TokenCounter _tokens;
    private readonly CounterSet _counters;
    private readonly SemaphoreSlim[] _stripeGates;
    private int _unavailable;
    private volatile bool _disposed;

    private FileSystemBackend(FileSystemBackendOptions options, StoreLayout layout, TokenCounter tokens)
    {
        _options = options;
        _layout = layout;
        _tokens = tokens;
        _counters = options.Counters;
        _stripeGates = new SemaphoreSlim[StoreLayout.StripeCount];
        for (var i = 0; i < _stripeGates.Length; i++)
        {
            _stripeGates[i] = new SemaphoreSlim(1, 1);
        }

        var interval = options.SweepInterval;
        _sweeper = options.Time.CreateTimer(_ => StartSweep(), null, interval, interval);
    }

    public string Name => "filesystem";

    /// <summary>The directory that holds the entries, as a full path.</summary>
    public string Directory => _layout.Root;

    /// <summary>Opens (and if needed lays out) the directory.</summary>
    /// <exception cref="InvalidOperationException">
    /// The directory cannot be made or written, or holds a damaged token counter.
    /// </exception>
    public static async Task<FileSystemBackend> OpenAsync(
        FileSystemBackendOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.LockTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.SweepInterval, TimeSpan.Zero);

        var layout = new StoreLayout(options.Directory);
        var tokens = new TokenCounter(layout, options.LockTimeout, options.DurableWrites);
        try
        {
            LayOut(layout, options.DurableWrites);
            await tokens.CheckAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            throw new InvalidOperationException(
                $"Cannot keep entries in the directory '{options.Directory}': {ex.Message}", ex);
        }

        Log.Opened(options.Logger, layout.Root);
        return new FileSystemBackend(options, layout, tokens);
    }

    public async ValueTask<ActionResult> ExecuteAsync(
        EntryCommand command, bool overloaded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ObjectDisposedException.ThrowIf(_disposed, this);

        var location = _layout.Locate(command.Key);
        var gate = _stripeGates[location.Stripe];

        // Threads of this process queue on the stripe's gate, so only other processes ever
        // contend for its lock file and its polling wait.
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var fileLock = await FileLock
                .AcquireAsync(location.LockPath, _options.LockTimeout, cancellationToken)
                .ConfigureAwait(false);
            var result = await ExecuteLockedAsync(command, overloaded, location.EntryPath, cancellationToken)
                .ConfigureAwait(false);
            MarkAvailable();
            return result;
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            MarkUnavailable(ex);
            return new ActionResult(ActionOutcome.BackendUnavailable);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Counts the entries that have not expired by reading the start of every entry file: exact
    /// across all processes sharing the directory, and linear in the number of entries.
    /// </summary>
    public EntryCounts CountEntries()
    {
        var now = UnixClock.ToMilliseconds(UnixClock.Now(_options.Time));
        long locks = 0;
        long values = 0;
        foreach (var path in EnumerateEntryFiles())
        {
            (bool HasValue, long ExpiresAtMilliseconds)? header;
            try
            {
                header = EntryFile.TryReadExpiry(path);
            }
            catch (Exception ex) when (IsStoreFailure(ex))
            {
                continue;
            }

            if (header is not { } entry || entry.ExpiresAtMilliseconds <= now)
            {
                continue;
            }

            if (entry.HasValue)
            {
                values++;
            }
            else
            {
                locks++;
            }
        }

        return new EntryCounts(locks, values);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _sweeper.DisposeAsync().ConfigureAwait(false);

        // Wait out the actions still running; any that get a gate afterwards see the flag.
        foreach (var gate in _stripeGates)
        {
            await gate.WaitAsync().ConfigureAwait(false);
        }

        _tokens.Dispose();
        foreach (var gate in _stripeGates)
        {
            gate.Release();
        }
    }

    private static void LayOut(StoreLayout layout, bool durable)
    {
        System.IO.Directory.CreateDirectory(layout.LocksDirectory);
        for (var stripe = 0; stripe < StoreLayout.StripeCount; stripe++)
        {
            System.IO.Directory.CreateDirectory(layout.StripeDirectory(stripe));
        }

        if (durable)
        {
            DirectorySync.Flush(layout.EntriesDirectory);
            DirectorySync.Flush(layout.Root);
        }
    }

    private async Task<ActionResult> ExecuteLockedAsync(
        EntryCommand command, bool overloaded, string path, CancellationToken cancellationToken)
    {
        var stored = Read(command, path, out var damaged);
        if (damaged && command.Action == DlmAction.Get)
        {
            return new ActionResult(ActionOutcome.Corruption);
        }

        var now = UnixClock.Now(_options.Time);
        var decision = EntryRules.Decide(command, stored?.View(), now, overloaded);
        if (decision.PurgeExpired && stored is not null)
        {
            DurableFile.Delete(path, _options.DurableWrites);
            _counters.Increment(stored.HasValue ? Counter.ExpiredData : Counter.ExpiredLock);
            stored = null;
        }

        var token = stored?.Token ?? 0;
        switch (decision.Change)
        {
            case EntryChange.Create:
                token = await _tokens.NextAsync(cancellationToken).ConfigureAwait(false);
                Write(path, Created(command, decision, token));
                break;
            case EntryChange.Extend:
                var extended = WithValueRead(stored!, path, command);
                Write(path, extended with { ExpiresAtMilliseconds = Expiry(decision) });
                break;
            case EntryChange.ReplaceValue:
                Write(path, stored! with
                {
                    ExpiresAtMilliseconds = Expiry(decision),
                    HasValue = true,
                    ValueLength = decision.Value!.Length,
                    Value = decision.Value.Utf8,
                });
                break;
            case EntryChange.Delete:
                DurableFile.Delete(path, _options.DurableWrites);
                break;
        }

        if (decision.Outcome == ActionOutcome.GotValue)
        {
            return new ActionResult(ActionOutcome.GotValue, token, stored!.Value);
        }

        return new ActionResult(decision.Outcome, token);
    }

    /// <summary>Reads the entry; a damaged file is logged, removed and treated as absent.</summary>
    private StoredEntry? Read(EntryCommand command, string path, out bool damaged)
    {
        damaged = false;
        try
        {
            var withValue = command.Action == DlmAction.Get;
            return EntryFile.TryRead(path, command.Key.Utf8, withValue);
        }
        catch (InvalidDataException ex)
        {
            // Files are only ever replaced whole, so damage comes from outside; the entry is
            // lost either way, and removing it lets its name be used again.
            Log.DamagedEntry(_options.Logger, path, ex);
            DurableFile.Delete(path, _options.DurableWrites);
            damaged = true;
            return null;
        }
    }

    private static StoredEntry Created(EntryCommand command, EntryDecision decision, long token) => new(
        command.Key.Utf8Array,
        command.Owner.Utf8Array,
        command.Identity,
        Expiry(decision),
        token,
        HasValue: decision.Value is not null,
        ValueLength: decision.Value?.Length ?? 0,
        Value: decision.Value?.Utf8);

    /// <summary>The entry with its value loaded, which rewriting the file must carry over.</summary>
    private static StoredEntry WithValueRead(StoredEntry stored, string path, EntryCommand command) =>
        !stored.HasValue || stored.Value is not null
            ? stored
            : EntryFile.TryRead(path, command.Key.Utf8, withValue: true)
                ?? throw new InvalidDataException("The entry file vanished under its stripe's lock.");

    private static long Expiry(EntryDecision decision) => UnixClock.ToMilliseconds(decision.ExpiresAt);

    private void Write(string path, StoredEntry entry) =>
        DurableFile.Replace(path, _options.DurableWrites, stream => EntryFile.Write(stream, entry));

    private IEnumerable<string> EnumerateEntryFiles()
    {
        for (var stripe = 0; stripe < StoreLayout.StripeCount; stripe++)
        {
            string[] files;
            try
            {
                files = System.IO.Directory.GetFiles(_layout.StripeDirectory(stripe), EntryPattern);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var file in files)
            {
                yield return file;
            }
        }
    }

    private static bool IsStoreFailure(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or InvalidDataException;

    private void MarkAvailable()
    {
        if (Interlocked.Exchange(ref _unavailable, 0) == 1)
        {
            Log.Recovered(_options.Logger, _layout.Root);
        }
    }

    private void MarkUnavailable(Exception exception)
    {
        if (Interlocked.Exchange(ref _unavailable, 1) == 0)
        {
            Log.Unavailable(_options.Logger, _layout.Root, exception);
        }
    }
}
