using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Server.Files;
using JackrabbitDlm.Server.Logging;
using Microsoft.Extensions.Logging;

namespace JackrabbitDlm.Server.Hosting;

/// <summary>
/// Writes the statistics line to the event log periodically, and once more on stop.
/// </summary>
internal sealed class StatisticsReporter : IAsyncDisposable
{
    private readonly IEntryBackend _backend;
    private readonly CounterSet _counters;
    private readonly IEventLog _eventLog;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private ITimer? _timer;

    public StatisticsReporter(
        IEntryBackend backend,
        CounterSet counters,
        IEventLog eventLog,
        TimeProvider time,
        ILogger logger)
    {
        _backend = backend;
        _counters = counters;
        _eventLog = eventLog;
        _time = time;
        _logger = logger;
    }

    public void Start(TimeSpan interval) =>
        _timer = _time.CreateTimer(_ => WriteNow(), null, interval, interval);

    /// <summary>Refreshes the entry gauges and writes the statistics line. Never throws.</summary>
    public void WriteNow()
    {
        // One line at a time: a timer tick may race the final line written on stop.
        lock (_gate)
        {
            try
            {
                var entries = _backend.CountEntries();
                _counters.Set(Counter.ALock, entries.Locks);
                _counters.Set(Counter.AData, entries.Values);
                _eventLog.WriteStatistics(_counters);
            }
            catch (Exception e)
            {
                Log.StatisticsFailed(_logger, e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_timer is { } timer)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
