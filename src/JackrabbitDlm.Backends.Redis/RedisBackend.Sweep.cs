using JackrabbitDlm.Engine.Statistics;
using StackExchange.Redis;

namespace JackrabbitDlm.Backends.Redis;

public sealed partial class RedisBackend
{
    // Index members removed per script run, so a mass expiry never blocks Redis for long.
    private const int PruneBatch = 1000;

    private readonly ITimer _sweeper;
    private int _sweeping;

    /// <summary>
    /// Removes expired entries from the count indexes (Redis deletes the entries themselves) and
    /// counts them as expired; the timer calls it, tests may too.
    /// </summary>
    /// <returns>How many expired entries were found; 0 as well when Redis is unavailable.</returns>
    public async Task<int> SweepAsync()
    {
        var total = 0;
        while (!_disposed)
        {
            long locks;
            long values;
            try
            {
                var reply = (RedisResult[])(await _database
                    .ScriptEvaluateAsync(RedisScripts.Prune, [_keys.Locks, _keys.Values], [PruneBatch])
                    .ConfigureAwait(false))!;
                locks = (long)reply[0];
                values = (long)reply[1];
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                MarkUnavailable(ex);
                return total;
            }

            _options.Counters.Add(Counter.ExpiredLock, locks);
            _options.Counters.Add(Counter.ExpiredData, values);
            total += (int)(locks + values);
            if (locks < PruneBatch && values < PruneBatch)
            {
                return total;
            }
        }

        return total;
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
            Log.SweepFailed(_options.Logger, _endpoints, ex);
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }
}
