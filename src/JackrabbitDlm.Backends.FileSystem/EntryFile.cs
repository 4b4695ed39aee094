using System.Buffers.Binary;
using System.Text;
using JackrabbitDlm.Engine.Entries;

namespace JackrabbitDlm.Backends.FileSystem;

/// <summary>
/// The binary layout of an entry file, little-endian: a fixed header (magic <c>JRDE</c>, layout
/// version, flags, expiry, token, the lengths of each part), then key, owner, identity name,
/// secret digest and value. The expiry sits near the start, so counting and sweeping read only
/// the first bytes; the value comes last, so deciding an action never reads it.
/// </summary>
internal static class EntryFile
{
    private const int HeaderSize = 46;
    private const int ExpiryHeaderSize = 14;
    private const byte LayoutVersion = 1;
    private const byte HasValueFlag = 1;
    private const byte HasIdentityFlag = 2;

    private static ReadOnlySpan<byte> Magic => "JRDE"u8;

    /// <summary>Reads an entry file.</summary>
    /// <returns>The entry, or null when there is no file.</returns>
    /// <exception cref="InvalidDataException">The file is damaged or holds another key.</exception>
    public static StoredEntry? TryRead(string path, ReadOnlySpan<byte> expectedKey, bool withValue)
    {
        using var stream = TryOpen(path);
        if (stream is null)
        {
            return null;
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        ReadExactly(stream, header);
        var (flags, expiresAt) = ReadExpiryHeader(header);
        var token = BinaryPrimitives.ReadInt64LittleEndian(header[14..]);
        Span<int> lengths = stackalloc int[6];
        for (var i = 0; i < lengths.Length; i++)
        {
            lengths[i] = BinaryPrimitives.ReadInt32LittleEndian(header[(22 + (4 * i))..]);
            Check(lengths[i] >= 0, "a negative length");
        }

        // key, owner, name, digest, (code points), value bytes
        var valueBytes = lengths[5];
        long metadataBytes = (long)lengths[0] + lengths[1] + lengths[2] + lengths[3];
        Check(HeaderSize + metadataBytes + valueBytes == stream.Length, "a size unlike its lengths");

        var metadata = new byte[metadataBytes];
        ReadExactly(stream, metadata);
        var key = metadata.AsSpan(0, lengths[0]);
        Check(key.SequenceEqual(expectedKey), "another entry key");

        var owner = metadata.AsSpan(lengths[0], lengths[1]).ToArray();
        IdentityStamp? identity = null;
        if ((flags & HasIdentityFlag) != 0)
        {
            Check(lengths[2] > 0, "an empty identity name");
            var name = Encoding.UTF8.GetString(metadata.AsSpan(lengths[0] + lengths[1], lengths[2]));
            var digest = metadata.AsSpan(lengths[0] + lengths[1] + lengths[2], lengths[3]).ToArray();
            identity = new IdentityStamp(name, digest);
        }

        var hasValue = (flags & HasValueFlag) != 0;
        byte[]? value = null;
        if (withValue && hasValue)
        {
            value = new byte[valueBytes];
            ReadExactly(stream, value);
        }

        return new StoredEntry(
            key.ToArray(), owner, identity, expiresAt, token, hasValue, ValueLength: lengths[4], value);
    }

    /// <summary>Reads only what counting and sweeping need.</summary>
    /// <returns>Whether the entry has a value and when it expires; null when there is no file.</returns>
    /// <exception cref="InvalidDataException">The file is damaged.</exception>
    public static (bool HasValue, long ExpiresAtMilliseconds)? TryReadExpiry(string path)
    {
        using var stream = TryOpen(path);
        if (stream is null)
        {
            return null;
        }

        Span<byte> header = stackalloc byte[ExpiryHeaderSize];
        ReadExactly(stream, header);
        var (flags, expiresAt) = ReadExpiryHeader(header);
        return ((flags & HasValueFlag) != 0, expiresAt);
    }

    public static void Write(Stream stream, StoredEntry entry)
    {
        var name = entry.Identity is null ? [] : Encoding.UTF8.GetBytes(entry.Identity.Name);
        var digest = entry.Identity?.SecretDigest ?? [];
        var value = entry.HasValue
            ? entry.Value ?? throw new ArgumentException("the value was not read", nameof(entry))
            : [];

        Span<byte> header = stackalloc byte[HeaderSize];
        Magic.CopyTo(header);
        header[4] = LayoutVersion;
        var flags = (entry.HasValue ? HasValueFlag : 0) | (entry.Identity is null ? 0 : HasIdentityFlag);
        header[5] = (byte)flags;
        BinaryPrimitives.WriteInt64LittleEndian(header[6..], entry.ExpiresAtMilliseconds);
        BinaryPrimitives.WriteInt64LittleEndian(header[14..], entry.Token);
        ReadOnlySpan<int> lengths = [entry.Key.Length, entry.Owner.Length, name.Length, digest.Length,
            entry.ValueLength, value.Length];
        for (var i = 0; i < lengths.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(header[(22 + (4 * i))..], lengths[i]);
        }

        stream.Write(header);
        stream.Write(entry.Key);
        stream.Write(entry.Owner);
        stream.Write(name);
        stream.Write(digest);
        stream.Write(value);
    }

    private static (byte Flags, long ExpiresAtMilliseconds) ReadExpiryHeader(ReadOnlySpan<byte> header)
    {
        Check(header[..4].SequenceEqual(Magic), "no entry file magic");
        Check(header[4] == LayoutVersion, "an unknown layout version");
        return (header[5], BinaryPrimitives.ReadInt64LittleEndian(header[6..]));
    }

    private static FileStream? TryOpen(string path)
    {
        try
        {
            // Files are replaced by rename and never written in place, so sharing is safe.
            return new FileStream(
                path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("The entry file is shorter than its header says.", ex);
        }
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidDataException($"The entry file has {problem}.");
        }
    }
}
