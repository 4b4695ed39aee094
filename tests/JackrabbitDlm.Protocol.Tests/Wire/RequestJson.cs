using JackrabbitDlm.Protocol.Encoding;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Protocol.Tests.Wire;

/// <summary>Builds request JSON from a valid base request with some fields changed, and reads it.</summary>
internal static class RequestJson
{
    private static readonly (string Name, string RawValue)[] BaseFields =
    [
        ("ID", "\"owner-A-4f1c9e\""),
        ("FileName", "\"t:lock:1\""),
        ("Action", "\"Lock\""),
        ("Expire", "\"30\""),
    ];

    /// <summary>
    /// The base request with each change applied: a raw JSON value replaces the field's value,
    /// null removes the field, and a field the base lacks is appended.
    /// </summary>
    public static string With(params (string Name, string? RawValue)[] changes)
    {
        var fields = BaseFields.Select(field => (field.Name, (string?)field.RawValue)).ToList();
        foreach (var (name, rawValue) in changes)
        {
            var index = fields.FindIndex(field => field.Name == name);
            if (index < 0)
            {
                fields.Add((name, rawValue));
            }
            else
            {
                fields[index] = (name, rawValue);
            }
        }

        var members = fields
            .Where(field => field.Item2 is not null)
            .Select(field => $"\"{field.Name}\": {field.Item2}");
        return "{" + string.Join(", ", members) + "}";
    }

    /// <summary>Adds a raw member (<c>"name": value</c>) at the end of an object's text.</summary>
    public static string Append(string json, string rawMember) => json[..^1] + ", " + rawMember + "}";

    /// <summary>Reads decoded JSON text.</summary>
    public static RequestError Read(string json, out DlmRequest? request) =>
        RequestReader.TryReadJson(System.Text.Encoding.UTF8.GetBytes(json), out request);

    /// <summary>
    /// Reads the base request with changes and returns the error; a refused request must come
    /// with no request object.
    /// </summary>
    public static RequestError ErrorWith(params (string Name, string? RawValue)[] changes)
    {
        var error = Read(With(changes), out var request);
        Assert.Equal(error == RequestError.None, request is not null);
        return error;
    }

    /// <summary>Reads JSON text that is expected to be a valid request.</summary>
    public static DlmRequest ReadValid(string json)
    {
        var error = Read(json, out var request);
        Assert.Equal(RequestError.None, error);
        return request!;
    }

    /// <summary>The encoded line of JSON text, as a client sends it (without the newline).</summary>
    public static byte[] EncodedLine(string json) =>
        System.Text.Encoding.ASCII.GetBytes(DlmTextEncoding.EncodeText(json));
}
