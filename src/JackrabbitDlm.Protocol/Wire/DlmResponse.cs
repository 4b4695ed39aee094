using System.Buffers;

namespace JackrabbitDlm.Protocol.Wire;

/// <summary>A reply as the server sends it: a status, and the fields that status carries.</summary>
public readonly record struct DlmResponse
{
    /// <summary>A reply with only a status.</summary>
    public DlmResponse(DlmStatus status)
    {
        Status = status;
    }

    /// <summary>The status word.</summary>
    public DlmStatus Status { get; init; }

    /// <summary>The UTF-8 <c>ID</c> field: the owner id, or the server version for <c>Version</c>.</summary>
    public byte[]? Id { get; init; }

    /// <summary>The UTF-8 <c>DataStore</c> field, on a successful <c>Get</c>.</summary>
    public byte[]? Value { get; init; }

    /// <summary>The fencing token (extension field <c>Token</c>) of a <c>Locked</c> answer.</summary>
    public long? Token { get; init; }

    /// <summary>Writes the reply as one encoded line with shuffled keys.</summary>
    /// <returns>The number of bytes written.</returns>
    public int WriteLine(IBufferWriter<byte> output, bool shuffle = true)
    {
        var fields = new WireFieldBuffer();
        var count = 0;
        fields[count++] = WireField.OfText(WireNames.Status, DlmStatusWords.ToWireUtf8Array(Status));
        if (Id is not null)
        {
            fields[count++] = WireField.OfText(WireNames.Id, Id);
        }

        if (Value is not null)
        {
            fields[count++] = WireField.OfText(WireNames.DataStore, Value);
        }

        if (Token is { } token)
        {
            fields[count++] = WireField.OfInteger(WireNames.Token, token);
        }

        ReadOnlySpan<WireField> span = fields;
        return WireMessageWriter.WriteLine(span[..count], output, shuffle);
    }

    [System.Runtime.CompilerServices.InlineArray(4)]
    private struct WireFieldBuffer
    {
        private WireField _first;
    }
}
