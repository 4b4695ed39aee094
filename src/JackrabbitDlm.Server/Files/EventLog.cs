using System.Globalization;
using System.Text;
using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Engine.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JackrabbitDlm.Server.Files;

/// <summary>
/// Writes <c>Logs/JackrabbitDLM.log</c>, appending one flushed line per event, so a crash loses no
/// line already written. Thread-safe. I/O failures never reach the caller: they go to the logger,
/// and the file is opened again on the next event. Log rotation needs no signal: at most once a
/// second, an event first checks that the file is still where it was and no shorter than what was
/// written, and opens the path anew when it was moved, deleted or truncated.
/// </summary>
public sealed class EventLog : IEventLog, IDisposable
{
    /// <summary>The log file's name in <c>Logs/</c>.</summary>
    public const string FileName = "JackrabbitDLM.log";

    // Python's str(datetime): local time to the microsecond; the chart tool parses exactly this.
    private const string TimestampFormat = "yyyy-MM-dd HH:mm:ss.ffffff";

    private static readonly TimeSpan RotationCheckInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private StreamWriter? _writer;
    private bool _failing;
    private bool _disposed;
    private long _lastRotationCheck;

    /// <summary>Appends to the log in the <c>Logs/</c> folder; opens nothing until the first event.</summary>
    /// <param name="directories">The base directory.</param>
    /// <param name="time">The clock whose local time stamps each line.</param>
    /// <param name="logger">Receives I/O failures of the log file.</param>
    public EventLog(BaseDirectory directories, TimeProvider time, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(time);
        Path = System.IO.Path.Combine(directories.Logs, FileName);
        _time = time;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The log file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    /// <remarks>Line breaks inside <paramref name="message"/> become spaces: one event, one line.</remarks>
    public void Write(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var line = new StringBuilder(TimestampFormat.Length + 1 + message.Length + 1)
            .Append(_time.GetLocalNow().ToString(TimestampFormat, CultureInfo.InvariantCulture))
            .Append(' ')
            .Append(message)
            .Replace('\r', ' ')
            .Replace('\n', ' ')
            .Append('\n')
            .ToString();
        Append(line);
    }

    /// <inheritdoc />
    public void WriteRefusal(RefusalReason reason, string clientAddress, string quarantineFile) =>
        Write($"DLMerror/{reason}: {clientAddress}/{quarantineFile}");

    /// <inheritdoc />
    public void WriteStatistics(CounterSet counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        Write(FormatStatistics(counters));
    }

    /// <summary>The statistics line's message: <c>Key: value</c> pairs joined by <c>, </c>.</summary>
    public static string FormatStatistics(CounterSet counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        return string.Join(", ", counters.NonZero().Select(pair => $"{pair.Key}: {pair.Value}"));
    }

    /// <summary>Closes the file; later events are dropped.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Close();
        }
    }

    private void Append(string line)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            try
            {
                CloseIfRotated();
                _writer ??= Open();
                _writer.Write(line);
                if (_failing)
                {
                    _failing = false;
                    _logger.EventLogRecovered(Path);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Logged once per outage, not once per event; the next event opens the file anew.
                Close();
                if (!_failing)
                {
                    _failing = true;
                    _logger.EventLogFailed(Path, ex);
                }
            }
        }
    }

    // A moved file would keep every later line from the operator's view, and writing at the old
    // offset of a truncated one (copytruncate) would start it with a run of NUL bytes.
    private void CloseIfRotated()
    {
        if (_writer is null || _time.GetElapsedTime(_lastRotationCheck) < RotationCheckInterval)
        {
            return;
        }

        _lastRotationCheck = _time.GetTimestamp();
        var onDisk = new FileInfo(Path);
        if (!onDisk.Exists || onDisk.Length < _writer.BaseStream.Position)
        {
            Close();
        }
    }

    private StreamWriter Open()
    {
        _lastRotationCheck = _time.GetTimestamp();

        // Shared for reading and deleting, so tools can follow the file and rotation can move it.
        var stream = new FileStream(
            Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        return new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false))
        {
            AutoFlush = true,
        };
    }

    private void Close()
    {
        try
        {
            _writer?.Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The line that failed is already reported; closing a broken file adds nothing.
        }

        _writer = null;
    }
}
