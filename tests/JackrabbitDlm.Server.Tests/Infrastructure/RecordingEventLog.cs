using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Engine.Validation;
using JackrabbitDlm.Server.Files;

namespace JackrabbitDlm.Server.Tests.Infrastructure;

/// <summary>An event log that keeps what it is given, for assertions.</summary>
internal sealed class RecordingEventLog : IEventLog
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly List<Refusal> _refusals = [];
    private readonly List<Dictionary<string, long>> _statistics = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public IReadOnlyList<Refusal> Refusals
    {
        get
        {
            lock (_gate)
            {
                return [.. _refusals];
            }
        }
    }

    /// <summary>Every statistics line written, as the counters it listed.</summary>
    public IReadOnlyList<Dictionary<string, long>> Statistics
    {
        get
        {
            lock (_gate)
            {
                return [.. _statistics];
            }
        }
    }

    public void Write(string message)
    {
        lock (_gate)
        {
            _lines.Add(message);
        }
    }

    public void WriteRefusal(RefusalReason reason, string clientAddress, string quarantineFile)
    {
        lock (_gate)
        {
            _refusals.Add(new Refusal(reason, clientAddress, quarantineFile));
        }
    }

    public void WriteStatistics(CounterSet counters)
    {
        var snapshot = counters.NonZero().ToDictionary(pair => pair.Key, pair => pair.Value);
        lock (_gate)
        {
            _statistics.Add(snapshot);
        }
    }

    public sealed record Refusal(RefusalReason Reason, string ClientAddress, string QuarantineFile);
}
