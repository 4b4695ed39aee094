using System.Buffers;
using System.Text.Json;
using JackrabbitDlm.Protocol.Encoding;

namespace JackrabbitDlm.Protocol.Wire;

/// <summary>
/// Reads request lines strictly: every known field must have its documented JSON type, duplicate
/// keys are refused, unknown fields are skipped. Never throws for bad input.
/// </summary>
public static class RequestReader
{
    /// <summary>The deepest JSON nesting accepted, unknown fields included.</summary>
    public const int MaxJsonDepth = 32;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = MaxJsonDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>
    /// Reads one encoded request line (without its <c>\n</c>); white space around the encoded
    /// text, such as a <c>\r</c>, is ignored.
    /// </summary>
    public static RequestError TryReadLine(ReadOnlySpan<byte> line, out DlmRequest? request)
    {
        request = null;
        var encoded = line.Trim(" \t\r\n\f\v"u8);
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(1, encoded.Length / 2));
        try
        {
            if (!DlmTextEncoding.TryDecode(encoded, rented, out var length))
            {
                return RequestError.NotEncoded;
            }

            return TryReadJson(rented.AsSpan(0, length), out request);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Reads a decoded request: the UTF-8 bytes of one JSON object.</summary>
    public static RequestError TryReadJson(ReadOnlySpan<byte> json, out DlmRequest? request)
    {
        request = null;
        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            return RequestError.NotUtf8;
        }

        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            var fields = new RequestFields();
            var error = fields.ReadObject(ref reader);
            if (error == RequestError.None)
            {
                error = fields.Build(out request);
            }

            return error;
        }
        catch (JsonException)
        {
            return RequestError.NotJson;
        }
        catch (InvalidOperationException)
        {
            // Raised when a string holds an escaped lone surrogate, which no UTF-8 text can carry.
            return RequestError.NotJson;
        }
    }
}
