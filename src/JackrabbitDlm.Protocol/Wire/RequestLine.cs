using System.Buffers;
using System.Globalization;

namespace JackrabbitDlm.Protocol.Wire;

/// <summary>Builds request lines the way the original client does, for clients and tools.</summary>
public static class RequestLine
{
    /// <summary>Writes one encoded request line.</summary>
    /// <param name="owner">The requester's owner token.</param>
    /// <param name="key">The entry key.</param>
    /// <param name="action">The action.</param>
    /// <param name="ttlSeconds">The time to live in seconds; sent as text, as the original client does.</param>
    /// <param name="value">The value for <c>Put</c>; null sends <c>"DataStore": null</c>.</param>
    /// <param name="identityName">The identity name, or null for an anonymous request.</param>
    /// <param name="identitySecret">The identity secret; sent only with a name.</param>
    /// <param name="keepAlive">True to ask the server to keep the connection open afterwards.</param>
    /// <returns>The encoded line, newline included.</returns>
    public static byte[] Build(
        string owner,
        string key,
        DlmAction action,
        double ttlSeconds,
        string? value = null,
        string? identityName = null,
        string? identitySecret = null,
        bool keepAlive = false)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(key);

        var fields = new List<WireField>(8)
        {
            WireField.OfText(WireNames.Id, owner),
            WireField.OfText(WireNames.FileName, key),
            WireField.OfText(WireNames.Action, action.ToWire()),
            WireField.OfText(WireNames.Expire, ttlSeconds.ToString("R", CultureInfo.InvariantCulture)),
            value is null ? WireField.OfNull(WireNames.DataStore) : WireField.OfText(WireNames.DataStore, value),
        };
        if (identityName is not null)
        {
            fields.Add(WireField.OfText(WireNames.Name, identityName));
            fields.Add(WireField.OfText(WireNames.Identity, identitySecret ?? string.Empty));
        }

        if (keepAlive)
        {
            fields.Add(WireField.OfBoolean(WireNames.KeepAlive, true));
        }

        var output = new ArrayBufferWriter<byte>(256);
        WireMessageWriter.WriteLine(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(fields), output);
        return output.WrittenSpan.ToArray();
    }
}
