using JackrabbitDlm.Engine.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JackrabbitDlm.Server.Files;

/// <summary>
/// Keeps refused requests under <c>Quarantine/</c>, one file each, with every identity secret
/// redacted. Bounded: each file holds at most <see cref="MaxRequestBytes"/>, and when the count or
/// byte budget is reached the oldest files are deleted to make room, so the newest are kept.
/// Thread-safe; never throws.
/// </summary>
public sealed class Quarantine : IQuarantine
{
    /// <summary>The most bytes kept of one request; the rest is dropped.</summary>
    public const int MaxRequestBytes = 64 * 1024;

    /// <summary>What <see cref="Keep"/> returns when nothing was kept.</summary>
    public const string NothingKept = "-";

    private readonly Lock _gate = new();
    private readonly string _directory;
    private readonly int _maxFiles;
    private readonly long _maxBytes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Queue<(string Name, long Bytes)> _kept = new();
    private long _keptBytes;
    private long _sequence;
    private bool _counted;
    private bool _reportedFull;
    private bool _failing;

    /// <summary>Keeps requests in the <c>Quarantine/</c> folder, which must exist.</summary>
    /// <param name="directories">The base directory.</param>
    /// <param name="maxFiles">The most files kept, those of earlier runs included; 0 keeps none.</param>
    /// <param name="maxBytes">The most bytes kept in all; 0 keeps none.</param>
    /// <param name="time">The clock that names the files.</param>
    /// <param name="logger">Receives I/O failures and the first time the quarantine is full.</param>
    public Quarantine(
        BaseDirectory directories, int maxFiles, long maxBytes, TimeProvider time, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegative(maxFiles);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        _directory = directories.Quarantine;
        _maxFiles = maxFiles;
        _maxBytes = maxBytes;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public string Keep(ReadOnlySpan<byte> requestLine, RefusalReason reason)
    {
        if (_maxFiles == 0 || _maxBytes == 0)
        {
            return NothingKept;
        }

        lock (_gate)
        {
            try
            {
                var content = QuarantineRedaction.Redact(requestLine);
                var length = (int)Math.Min(content.Length, Math.Min(MaxRequestBytes, _maxBytes));
                var name = Store(content.AsSpan(0, length), reason);
                _failing = false;
                return name;
            }
            catch (Exception ex)
            {
                // A refusal must be answered whatever happens here. The log says why nothing was
                // kept, once per outage: a full disk must not turn every refusal into a warning.
                if (!_failing)
                {
                    _failing = true;
                    _logger.QuarantineFailed(_directory, ex);
                }

                return NothingKept;
            }
        }
    }

    private string Store(ReadOnlySpan<byte> content, RefusalReason reason)
    {
        CountEarlierFiles();
        MakeRoom(content.Length);

        var name = QuarantineFileName.Create(_time.GetUtcNow(), ++_sequence, reason);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = AtomicFile.OwnerReadWrite;
        }

        var path = Path.Combine(_directory, name);
        using var stream = new FileStream(path, options);
        try
        {
            stream.Write(content);
            stream.Flush();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A partly written file would sit outside the count; take it away again.
            AtomicFile.TryDelete(path);
            throw;
        }

        _kept.Enqueue((name, content.Length));
        _keptBytes += content.Length;
        return name;
    }

    /// <summary>Counts the files earlier runs left, once, so the bounds hold across restarts.</summary>
    private void CountEarlierFiles()
    {
        if (_counted)
        {
            return;
        }

        var earlier = new DirectoryInfo(_directory).EnumerateFiles()
            .Where(file => QuarantineFileName.IsValid(file.Name))
            .OrderBy(file => file.Name, StringComparer.Ordinal);
        foreach (var file in earlier)
        {
            _kept.Enqueue((file.Name, file.Length));
            _keptBytes += file.Length;
        }

        _counted = true;
    }

    private void MakeRoom(long bytes)
    {
        while (_kept.Count > 0 && (_kept.Count >= _maxFiles || _keptBytes + bytes > _maxBytes))
        {
            if (!_reportedFull)
            {
                _reportedFull = true;
                _logger.QuarantineFull(_maxFiles, _maxBytes);
            }

            // A file already removed, or one that cannot be, leaves the count all the same:
            // retrying it forever would stop the quarantine from keeping anything.
            var (oldest, size) = _kept.Dequeue();
            _keptBytes -= size;
            AtomicFile.TryDelete(Path.Combine(_directory, oldest));
        }
    }
}
