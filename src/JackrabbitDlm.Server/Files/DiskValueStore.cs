using System.Security.Cryptography;
using JackrabbitDlm.Engine.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JackrabbitDlm.Server.Files;

/// <summary>
/// Keeps values on disk under <c>Disk/</c> (section 11), one file per write, found again after a
/// restart under their real keys. Each file carries its entry's metadata and a SHA-256 of the
/// value, so damage reads as <c>Corruption</c>, never as a wrong value. Thread-safe.
/// </summary>
public sealed class DiskValueStore : IValueSpillStore
{
    private const int InitialHeaderRead = 4096;

    private readonly string _directory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _lastSequence;

    /// <summary>Keeps values in the <c>Disk/</c> folder, which must exist.</summary>
    /// <param name="directories">The base directory.</param>
    /// <param name="time">The clock that orders writes across restarts; the system clock by default.</param>
    /// <param name="logger">Receives files that could not be deleted or were damaged.</param>
    public DiskValueStore(BaseDirectory directories, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(directories);
        _directory = directories.Disk;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    /// <remarks>The file is flushed to disk before it gets its final name.</remarks>
    public SpilledValue Write(SpillRecord record, ReadOnlySpan<byte> valueUtf8)
    {
        ArgumentNullException.ThrowIfNull(record);

        var sequence = NextSequence();
        var name = SpillFileName.Create(record.Key, sequence);
        var header = SpillFileFormat.CreateHeader(record, sequence, valueUtf8);
        var path = Path.Combine(_directory, name);
        AtomicFile.Write(path, path + SpillFileName.TempSuffix, header, valueUtf8, overwrite: false);
        return new SpilledValue(name, record.ValueLength);
    }

    /// <inheritdoc />
    public byte[]? TryRead(SpilledValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!SpillFileName.IsValid(value.Location))
        {
            return null;
        }

        byte[] file;
        try
        {
            file = File.ReadAllBytes(Path.Combine(_directory, value.Location));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var header = SpillFileFormat.TryParse(file);
        if (header is null || header.Record.ValueLength != value.Length
            || file.Length - header.ValueOffset != header.ValueByteCount)
        {
            return null;
        }

        var bytes = file.AsSpan(header.ValueOffset);
        return SHA256.HashData(bytes).AsSpan().SequenceEqual(header.ValueSha256) ? bytes.ToArray() : null;
    }

    /// <inheritdoc />
    /// <remarks>A file that cannot be deleted is logged, not thrown.</remarks>
    public void Delete(SpilledValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (SpillFileName.IsValid(value.Location))
        {
            DeleteFile(value.Location);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Call it before the first write: it deletes unfinished writes, files whose header is damaged,
    /// and every copy of a key but the newest. Files that are not value files are left alone.
    /// </remarks>
    public IReadOnlyList<(SpillRecord Record, SpilledValue Value)> LoadAll()
    {
        var newest = new Dictionary<string, (SpillFileHeader Header, string Name)>(StringComparer.Ordinal);
        var discarded = 0;
        foreach (var path in Directory.EnumerateFiles(_directory))
        {
            var name = Path.GetFileName(path);
            var header = SpillFileName.IsValid(name) ? TryReadHeader(path) : null;
            if (header is null)
            {
                discarded += DiscardLeftover(name) ? 1 : 0;
                continue;
            }

            RaiseSequence(header.Sequence);
            var key = Convert.ToBase64String(header.Record.Key.Utf8);
            if (newest.TryGetValue(key, out var seen))
            {
                var keepSeen = IsNewer(seen.Header, seen.Name, header, name);
                DeleteFile(keepSeen ? name : seen.Name);
                discarded++;
                if (keepSeen)
                {
                    continue;
                }
            }

            newest[key] = (header, name);
        }

        _logger.ValuesLoaded(newest.Count, discarded);
        return [.. newest.Values.Select(v => (v.Header.Record, ToValue(v.Header, v.Name)))];
    }

    private static SpilledValue ToValue(SpillFileHeader header, string name) =>
        new(name, header.Record.ValueLength);

    private static bool IsNewer(SpillFileHeader a, string aName, SpillFileHeader b, string bName) =>
        a.Sequence != b.Sequence ? a.Sequence > b.Sequence : string.CompareOrdinal(aName, bName) > 0;

    private static SpillFileHeader? TryReadHeader(string path)
    {
        try
        {
            using var stream = new FileStream(
                path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            var limit = (int)Math.Min(stream.Length, SpillFileFormat.MaxHeaderBytes);
            var buffer = new byte[Math.Min(limit, InitialHeaderRead)];
            var filled = 0;
            while (true)
            {
                var wanted = buffer.Length - filled;
                filled += stream.ReadAtLeast(buffer.AsSpan(filled), wanted, throwOnEndOfStream: false);
                if (filled < buffer.Length || buffer.Length == limit
                    || SpillFileFormat.HasCompleteHeader(buffer.AsSpan(0, filled)))
                {
                    return SpillFileFormat.TryParse(buffer.AsSpan(0, filled));
                }

                Array.Resize(ref buffer, (int)Math.Min(limit, buffer.Length * 2L));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Deletes an unfinished write or a damaged value file; leaves other files alone.</summary>
    /// <returns>True when the file was one of ours and is now discarded.</returns>
    private bool DiscardLeftover(string name)
    {
        if (SpillFileName.IsValid(name))
        {
            _logger.ValueFileDamaged(name);
        }
        else if (!SpillFileName.IsTemporary(name))
        {
            return false;
        }

        DeleteFile(name);
        return true;
    }

    private void DeleteFile(string name)
    {
        if (!AtomicFile.TryDelete(Path.Combine(_directory, name)))
        {
            _logger.ValueFileNotDeleted(name);
        }
    }

    // A hybrid clock: wall-clock ticks order writes across restarts, and the counter keeps them
    // strictly increasing within a run even if the wall clock stalls or steps back.
    private long NextSequence()
    {
        while (true)
        {
            var last = Interlocked.Read(ref _lastSequence);
            var next = Math.Max(last + 1, _time.GetUtcNow().UtcTicks);
            if (Interlocked.CompareExchange(ref _lastSequence, next, last) == last)
            {
                return next;
            }
        }
    }

    private void RaiseSequence(long seen)
    {
        var last = Interlocked.Read(ref _lastSequence);
        while (seen > last)
        {
            var previous = Interlocked.CompareExchange(ref _lastSequence, seen, last);
            if (previous == last)
            {
                return;
            }

            last = previous;
        }
    }
}
