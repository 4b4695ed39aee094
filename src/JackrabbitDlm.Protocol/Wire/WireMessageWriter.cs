using System.Buffers;
using JackrabbitDlm.Protocol.Encoding;
using JackrabbitDlm.Protocol.Json;

namespace JackrabbitDlm.Protocol.Wire;

/// <summary>
/// Writes a message as one wire line: a JSON object with its keys in random order (as the original
/// does, on both sides), encoded, then <c>\n</c>.
/// </summary>
public static class WireMessageWriter
{
    private const int MaxFields = 16;

    /// <summary>Writes <paramref name="fields"/> as one encoded line to <paramref name="output"/>.</summary>
    /// <param name="fields">At most 16 fields, each name once.</param>
    /// <param name="output">Receives the encoded line, newline included.</param>
    /// <param name="shuffle">False keeps the given order; tests use it for exact comparisons.</param>
    /// <returns>The number of bytes written.</returns>
    public static int WriteLine(ReadOnlySpan<WireField> fields, IBufferWriter<byte> output, bool shuffle = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fields.Length, MaxFields);

        Span<int> order = stackalloc int[fields.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        if (shuffle)
        {
            Random.Shared.Shuffle(order);
        }

        var scratch = ArrayPool<byte>.Shared.Rent(MaxJsonLength(fields));
        try
        {
            var jsonLength = WriteJson(fields, order, scratch);
            var lineLength = DlmTextEncoding.GetEncodedLength(jsonLength) + 1;
            var line = output.GetSpan(lineLength);
            DlmTextEncoding.Encode(scratch.AsSpan(0, jsonLength), line);
            line[lineLength - 1] = (byte)'\n';
            output.Advance(lineLength);
            return lineLength;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>Writes the fields as plain JSON text, in the given order, without encoding it.</summary>
    public static string ToJson(ReadOnlySpan<WireField> fields)
    {
        Span<int> order = stackalloc int[fields.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var scratch = new byte[MaxJsonLength(fields)];
        var length = WriteJson(fields, order, scratch);
        return System.Text.Encoding.ASCII.GetString(scratch, 0, length);
    }

    private static int WriteJson(ReadOnlySpan<WireField> fields, ReadOnlySpan<int> order, Span<byte> json)
    {
        var at = 0;
        json[at++] = (byte)'{';
        for (var i = 0; i < order.Length; i++)
        {
            if (i > 0)
            {
                ", "u8.CopyTo(json[at..]);
                at += 2;
            }

            var field = fields[order[i]];
            // Field names are this protocol's own ASCII words: nothing in them needs escaping.
            json[at++] = (byte)'"';
            at += System.Text.Encoding.ASCII.GetBytes(field.Name, json[at..]);
            json[at++] = (byte)'"';
            ": "u8.CopyTo(json[at..]);
            at += 2;
            at += WriteValue(field, json[at..]);
        }

        json[at++] = (byte)'}';
        return at;
    }

    private static int WriteValue(in WireField field, Span<byte> json)
    {
        switch (field.Kind)
        {
            case WireFieldKind.Text:
                return PythonJson.WriteString(field.Text, json);
            case WireFieldKind.Integer:
                return PythonJson.WriteInteger(field.Integer, json);
            case WireFieldKind.Boolean:
                var word = field.Integer != 0 ? "true"u8 : "false"u8;
                word.CopyTo(json);
                return word.Length;
            default:
                "null"u8.CopyTo(json);
                return 4;
        }
    }

    private static int MaxJsonLength(ReadOnlySpan<WireField> fields)
    {
        var length = 2;
        foreach (var field in fields)
        {
            var value = field.Text is null ? 24 : PythonJson.MaxStringLength(field.Text.Length);
            length = checked(length + field.Name.Length + 6 + value);
        }

        return length;
    }
}
