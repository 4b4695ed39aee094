using JackrabbitDlm.Engine.Statistics;

namespace JackrabbitDlm.Backends.FileSystem;

public sealed partial class FileSystemBackend
{
    private const string EntryPattern = "*" + StoreLayout.EntryExtension;
    private const string TemporaryPattern = "*" + StoreLayout.TemporaryExtension;

    private readonly ITimer _sweeper;
    private int _sweeping;

    /// <summary>
    /// Removes every entry file that has expired by now, and temporary files that a killed writer
    /// left behind; the timer calls it, tests may too. A stripe whose lock another process holds
    /// is left for the next sweep.
    /// </summary>
    /// <returns>How many expired entries were removed.</returns>
    public async Task<int> SweepAsync()
    {
        var removed = 0;
        for (var stripe = 0; stripe < StoreLayout.StripeCount && !_disposed; stripe++)
        {
            // Look without the lock first: most stripes have nothing to remove, and must not be
            // locked against the requests that use them just to find that out.
            var (expired, temporary) = FindSweepable(stripe);
            if (expired.Count == 0 && temporary.Length == 0)
            {
                continue;
            }

            var gate = _stripeGates[stripe];
            await gate.WaitAsync().ConfigureAwait(false);
            try
            {
                if (_disposed)
                {
                    break;
                }

                using var fileLock = FileLock.TryAcquire(_layout.StripeLockPath(stripe));
                if (fileLock is not null)
                {
                    removed += RemoveLocked(expired, temporary);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                MarkUnavailable(ex);
            }
            finally
            {
                gate.Release();
            }
        }

        return removed;
    }

    private (List<string> Expired, string[] Temporary) FindSweepable(int stripe)
    {
        var directory = _layout.StripeDirectory(stripe);
        var now = UnixClock.ToMilliseconds(UnixClock.Now(_options.Time));
        var expired = new List<string>();
        try
        {
            foreach (var path in System.IO.Directory.EnumerateFiles(directory, EntryPattern))
            {
                if (IsExpired(path, now))
                {
                    expired.Add(path);
                }
            }

            return (expired, System.IO.Directory.GetFiles(directory, TemporaryPattern));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (expired, []);
        }
    }

    /// <summary>Removes what was found, checking each entry again under the stripe's lock.</summary>
    private int RemoveLocked(List<string> expired, string[] temporary)
    {
        var now = UnixClock.ToMilliseconds(UnixClock.Now(_options.Time));
        var removed = 0;
        foreach (var path in expired)
        {
            var header = EntryFile.TryReadExpiry(path);
            if (header is { } entry && entry.ExpiresAtMilliseconds <= now)
            {
                DurableFile.Delete(path, _options.DurableWrites);
                _counters.Increment(entry.HasValue ? Counter.ExpiredData : Counter.ExpiredLock);
                removed++;
            }
        }

        // Writers make temporary files only while they hold the stripe's lock, so any still
        // here now that we hold it belongs to a writer that died.
        foreach (var path in temporary)
        {
            File.Delete(path);
        }

        return removed;
    }

    private static bool IsExpired(string path, long nowMilliseconds)
    {
        try
        {
            return EntryFile.TryReadExpiry(path) is { } entry
                && entry.ExpiresAtMilliseconds <= nowMilliseconds;
        }
        catch (InvalidDataException)
        {
            // Damaged files are dealt with by the next action on their entry, which knows its key.
            return false;
        }
    }

    private void StartSweep()
    {
        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }

        _ = SweepInBackgroundAsync();
    }

    private async Task SweepInBackgroundAsync()
    {
        try
        {
            await SweepAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.SweepFailed(_options.Logger, _layout.Root, ex);
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }
}
