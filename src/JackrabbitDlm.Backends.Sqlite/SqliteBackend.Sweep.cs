namespace JackrabbitDlm.Backends.Sqlite;

public sealed partial class SqliteBackend
{
    // Rows deleted per transaction, so a mass expiry never holds the file for long.
    private const int SweepBatch = 1000;

    private readonly ITimer _sweeper;
    private int _sweeping;

    /// <summary>Deletes every row that has expired by now; the timer calls it, tests may too.</summary>
    /// <returns>How many rows were deleted; 0 as well when the database is unavailable.</returns>
    public async Task<int> SweepAsync()
    {
        var total = 0;
        while (true)
        {
            int purged;
            await _gate.WaitAsync().ConfigureAwait(false);
            try
            {
                if (_disposed)
                {
                    return total;
                }

                var now = UnixClock.Now(_options.Time);
                purged = Run(table => table.PurgeExpired(now, SweepBatch), 0);
            }
            finally
            {
                _gate.Release();
            }

            total += purged;
            if (purged < SweepBatch)
            {
                return total;
            }
        }
    }

    private void StartSweep()
    {
        // A sweep slower than the interval must not be joined by a second one.
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
            Log.SweepFailed(_options.Logger, _options.Path, ex);
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }
}
