using System.Text;
using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Engine.Validation;
using JackrabbitDlm.Server.Files;
using JackrabbitDlm.Server.Logging;
using Microsoft.Extensions.Logging;

namespace JackrabbitDlm.Server.Hosting;

/// <summary>
/// An event log that writes to the diagnostic log instead of <c>Logs/JackrabbitDLM.log</c>: the
/// stand-in while no file event log is configured, so events are still seen.
/// </summary>
public sealed class LoggerEventLog : IEventLog
{
    private readonly ILogger _logger;

    public LoggerEventLog(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    public void Write(string message) => Log.Event(_logger, message);

    public void WriteRefusal(RefusalReason reason, string clientAddress, string quarantineFile) =>
        Log.RefusalEvent(_logger, reason, clientAddress, quarantineFile);

    public void WriteStatistics(CounterSet counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var line = new StringBuilder();
        foreach (var (name, value) in counters.NonZero())
        {
            line.Append(line.Length == 0 ? "" : ", ").Append(name).Append(": ").Append(value);
        }

        Log.StatisticsEvent(_logger, line.ToString());
    }
}
