using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JackrabbitDlm.Engine.Entries;
using JackrabbitDlm.Engine.Memory;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Server.Files;

/// <summary>
/// The layout of a value file: a line <c>JRDLM-VALUE/1 &lt;SHA-256 of the next line, hex&gt;</c>, a
/// line of JSON describing the entry and the value, then the value's bytes. Keys and owner ids
/// are base64 in the JSON, so the header is ASCII and holds any bytes.
/// </summary>
internal static class SpillFileFormat
{
    /// <summary>
    /// Headers longer than this are damage: a key and an owner id arrive in one request line of at
    /// most 10 MiB, and base64 adds a third.
    /// </summary>
    public const int MaxHeaderBytes = 32 * 1024 * 1024;

    private const int DigestHexLength = 64;

    private static readonly byte[] Magic = "JRDLM-VALUE/1 "u8.ToArray();

    /// <summary>The length of the first line, newline included.</summary>
    private static int FirstLineLength => Magic.Length + DigestHexLength + 1;

    /// <summary>The header to write before <paramref name="value"/>.</summary>
    public static byte[] CreateHeader(SpillRecord record, long sequence, ReadOnlySpan<byte> value)
    {
        var json = WriteJson(record, sequence, value);
        var header = new byte[FirstLineLength + json.Length + 1];
        Magic.CopyTo(header, 0);
        var digestHex = Convert.ToHexStringLower(SHA256.HashData(json));
        Encoding.ASCII.GetBytes(digestHex, header.AsSpan(Magic.Length));
        header[FirstLineLength - 1] = (byte)'\n';
        json.CopyTo(header, FirstLineLength);
        header[^1] = (byte)'\n';
        return header;
    }

    /// <summary>Reads the header at the start of <paramref name="file"/>.</summary>
    /// <returns>
    /// Null when the header is incomplete, damaged (its digest does not match) or not ours.
    /// The value after it is not checked here.
    /// </returns>
    public static SpillFileHeader? TryParse(ReadOnlySpan<byte> file)
    {
        if (file.Length < FirstLineLength || !file.StartsWith(Magic) || file[FirstLineLength - 1] != (byte)'\n')
        {
            return null;
        }

        var rest = file[FirstLineLength..];
        var jsonLength = rest.IndexOf((byte)'\n');
        if (jsonLength < 0)
        {
            return null;
        }

        var json = rest[..jsonLength];
        var expectedHex = file[Magic.Length..(FirstLineLength - 1)];
        Span<byte> actualHex = stackalloc byte[DigestHexLength];
        Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(json)), actualHex);
        if (!actualHex.SequenceEqual(expectedHex))
        {
            return null;
        }

        return ReadJson(json, FirstLineLength + jsonLength + 1);
    }

    /// <summary>True when a file's <paramref name="prefix"/> reaches past its header.</summary>
    public static bool HasCompleteHeader(ReadOnlySpan<byte> prefix) =>
        prefix.Length > FirstLineLength && prefix[FirstLineLength..].Contains((byte)'\n');

    private static byte[] WriteJson(SpillRecord record, long sequence, ReadOnlySpan<byte> value)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBase64String("Key", record.Key.Utf8);
            writer.WriteBase64String("Owner", record.Owner.Utf8);
            if (record.Identity is { } identity)
            {
                writer.WriteString("IdentityName", identity.Name);
                writer.WriteBase64String("IdentityDigest", identity.SecretDigest);
            }

            writer.WriteNumber("ExpiresAtUtcTicks", record.ExpiresAtUtc.UtcTicks);
            writer.WriteNumber("ValueLength", record.ValueLength);
            writer.WriteNumber("ValueBytes", value.Length);
            writer.WriteString("ValueSha256", Convert.ToHexStringLower(SHA256.HashData(value)));
            writer.WriteNumber("Sequence", sequence);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static SpillFileHeader? ReadJson(ReadOnlySpan<byte> json, int valueOffset)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            var ticks = root.GetProperty("ExpiresAtUtcTicks").GetInt64();
            var length = root.GetProperty("ValueLength").GetInt32();
            var bytes = root.GetProperty("ValueBytes").GetInt64();
            var digest = Convert.FromHexString(root.GetProperty("ValueSha256").GetString()!);
            if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks || length < 0 || bytes < 0
                || digest.Length != SHA256.HashSizeInBytes)
            {
                return null;
            }

            var record = new SpillRecord(
                new EntryKey(root.GetProperty("Key").GetBytesFromBase64()),
                new OwnerId(root.GetProperty("Owner").GetBytesFromBase64()),
                ReadIdentity(root),
                new DateTimeOffset(ticks, TimeSpan.Zero),
                length);
            var sequence = root.GetProperty("Sequence").GetInt64();
            return new SpillFileHeader(record, sequence, bytes, digest, valueOffset);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException
            or KeyNotFoundException or ArgumentException)
        {
            return null;
        }
    }

    private static IdentityStamp? ReadIdentity(JsonElement root)
    {
        var hasName = root.TryGetProperty("IdentityName", out var name);
        var hasDigest = root.TryGetProperty("IdentityDigest", out var digest);
        if (hasName != hasDigest)
        {
            throw new FormatException("An identity needs both its name and its digest.");
        }

        return hasName ? new IdentityStamp(name.GetString()!, digest.GetBytesFromBase64()) : null;
    }
}
