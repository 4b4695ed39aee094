using JackrabbitDlm.Protocol.Wire;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using JackrabbitDlm.Engine.Validation;
using JackrabbitDlm.Protocol.Encoding;

namespace JackrabbitDlm.Server.Files;

/// <summary>
/// Reads identity files, <c>Config/&lt;Name&gt;.cfg</c> (section 8): one JSON object with a string
/// <c>Identity</c> of at least 1023 characters and an optional numeric <c>MaxSize</c>. Thread-safe.
/// </summary>
/// <remarks>
/// A parsed file is cached until its last-write time or length changes, so an edited or replaced
/// file takes effect on the next request without re-reading unchanged files every time.
/// </remarks>
public sealed class FileIdentityStore : IIdentityStore
{
    // Generated secrets are at most 2046 characters; anything this large is not an identity file.
    private const int MaxFileBytes = 64 * 1024;

    private readonly string _config;
    private readonly ConcurrentDictionary<string, CachedIdentity> _cache = new(StringComparer.Ordinal);

    /// <summary>Reads identity files from <paramref name="directories"/>' <c>Config/</c> folder.</summary>
    public FileIdentityStore(BaseDirectory directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        _config = directories.Config;
    }

    /// <inheritdoc />
    /// <remarks>Null also for a name that is not a plain file name; this never throws for I/O.</remarks>
    public IdentityRecord? Find(string name)
    {
        // The engine checks names already; checking again keeps every path inside Config/ even if
        // another caller forgets.
        if (name is null || !IdentityNames.IsPlain(name))
        {
            return null;
        }

        var path = Path.Combine(_config, name + ".cfg");
        if (!string.Equals(Path.GetDirectoryName(path), _config, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return ReadCached(name, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _cache.TryRemove(name, out _);
            return null;
        }
    }

    /// <summary>Parses an identity file's bytes.</summary>
    /// <returns>Null when the content is not a valid identity file.</returns>
    internal static IdentityRecord? Parse(byte[] utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8);
            return FromJson(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or EncoderFallbackException)
        {
            return null;
        }
    }

    private IdentityRecord? ReadCached(string name, string path)
    {
        // The stamp is taken before reading, so cached content is never older than its stamp; a
        // change during the read only costs one more read next time.
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            _cache.TryRemove(name, out _);
            return null;
        }

        var stamp = (info.LastWriteTimeUtc, info.Length);
        if (_cache.TryGetValue(name, out var cached) && cached.Stamp == stamp)
        {
            return cached.Record;
        }

        var record = info.Length > MaxFileBytes ? null : Parse(File.ReadAllBytes(path));
        _cache[name] = new CachedIdentity(stamp, record);
        return record;
    }

    private static IdentityRecord? FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || LastProperty(root, "Identity") is not { ValueKind: JsonValueKind.String } identity)
        {
            return null;
        }

        var secret = identity.GetString()!;
        if (CountCodePoints(secret) < IdentityRecord.MinSecretLength)
        {
            return null;
        }

        var maxValueLength = IdentityRecord.DefaultMaxValueLength;
        if (LastProperty(root, "MaxSize") is { } maxSize && !TryReadMaxSize(maxSize, out maxValueLength))
        {
            return null;
        }

        // Strict conversion: a secret holding a lone surrogate escape makes the file invalid.
        return new IdentityRecord(Utf8Strict.GetBytes(secret), maxValueLength);
    }

    // The original reads these files with Python's json module, where a repeated key's last
    // value wins.
    private static JsonElement? LastProperty(JsonElement root, string name)
    {
        JsonElement? found = null;
        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals(name))
            {
                found = property.Value;
            }
        }

        return found;
    }

    private static bool TryReadMaxSize(JsonElement element, out int maxValueLength)
    {
        maxValueLength = 0;
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var number)
            || double.IsNaN(number) || number < 0)
        {
            return false;
        }

        // A fraction allows the whole characters below it; anything past int.MaxValue is no limit.
        maxValueLength = number >= int.MaxValue ? int.MaxValue : (int)Math.Floor(number);
        return true;
    }

    private static int CountCodePoints(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private sealed record CachedIdentity((DateTime LastWriteUtc, long Length) Stamp, IdentityRecord? Record);
}
