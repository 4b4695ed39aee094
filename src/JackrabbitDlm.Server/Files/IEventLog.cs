using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Engine.Validation;

namespace JackrabbitDlm.Server.Files;

/// <summary>
/// The event log, <c>Logs/JackrabbitDLM.log</c>: one line per event in the original's format
/// (<c>YYYY-MM-DD HH:MM:SS.ffffff message</c>), which the chart tool and existing scripts read.
/// It is a contract, apart from the diagnostic console logging. Implementations are thread-safe.
/// </summary>
public interface IEventLog
{
    /// <summary>Writes one event line.</summary>
    void Write(string message);

    /// <summary>
    /// Writes <c>DLMerror/&lt;reason&gt;: &lt;client address&gt;/&lt;quarantine file&gt;</c>.
    /// </summary>
    void WriteRefusal(RefusalReason reason, string clientAddress, string quarantineFile);

    /// <summary>
    /// Writes the statistics line: the non-zero counters as <c>Key: value</c>, sorted, joined by
    /// <c>, </c>.
    /// </summary>
    void WriteStatistics(CounterSet counters);
}
