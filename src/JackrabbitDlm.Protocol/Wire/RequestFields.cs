using JackrabbitDlm.Protocol.Encoding;
using System.Text.Json;

namespace JackrabbitDlm.Protocol.Wire;

/// <summary>The fields of one request while its JSON object is being read.</summary>
internal ref struct RequestFields
{
    [Flags]
    private enum Seen
    {
        None = 0,
        Id = 1,
        FileName = 2,
        Action = 4,
        Expire = 8,
        DataStore = 16,
        Name = 32,
        Identity = 64,
        KeepAlive = 128,
    }

    private Seen _seen;
    private HashSet<string>? _otherKeys;
    private byte[]? _owner;
    private byte[]? _key;
    private DlmAction? _action;
    private double _ttlSeconds;
    private byte[]? _value;
    private string? _name;
    private byte[]? _identity;
    private bool _identityIsString;
    private bool _keepAlive;

    public RequestError ReadObject(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return RequestError.NotObject;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Identify(ref reader);
            if (field != Seen.None && (_seen & field) != 0)
            {
                return RequestError.DuplicateKey;
            }

            if (field == Seen.None && !AddOtherKey(reader.GetString()!))
            {
                return RequestError.DuplicateKey;
            }

            _seen |= field;
            reader.Read();
            var error = ReadValue(field, ref reader);
            if (error != RequestError.None)
            {
                return error;
            }
        }

        // Anything after the object (a second value, garbage) makes the reader throw here.
        return reader.Read() ? RequestError.NotJson : RequestError.None;
    }

    public readonly RequestError Build(out DlmRequest? request)
    {
        request = null;
        const Seen required = Seen.Id | Seen.FileName | Seen.Action | Seen.Expire;
        if ((_seen & required) != required)
        {
            return RequestError.MissingField;
        }

        // An Identity without a Name is ignored (section 4); with a Name it must be text.
        var hasName = _name is not null;
        if (hasName && (_seen & Seen.Identity) != 0 && !_identityIsString)
        {
            return RequestError.WrongType;
        }

        var secret = hasName ? _identity : null;
        request = new DlmRequest
        {
            Owner = new OwnerId(_owner!),
            OwnerLength = Utf8Strict.CountCodePoints(_owner),
            Key = new EntryKey(_key!),
            KeyLength = Utf8Strict.CountCodePoints(_key),
            Action = _action,
            TtlSeconds = _ttlSeconds,
            Value = _value,
            ValueLength = _value is null ? 0 : Utf8Strict.CountCodePoints(_value),
            IdentityName = _name,
            IdentitySecret = secret,
            IdentitySecretLength = secret is null ? 0 : Utf8Strict.CountCodePoints(secret),
            KeepAlive = _keepAlive,
        };
        return RequestError.None;
    }

    private static Seen Identify(ref Utf8JsonReader reader)
    {
        // ValueTextEquals compares the unescaped name, so "\u0049D" is the field ID too.
        if (reader.ValueTextEquals("ID"u8)) { return Seen.Id; }
        if (reader.ValueTextEquals("FileName"u8)) { return Seen.FileName; }
        if (reader.ValueTextEquals("Action"u8)) { return Seen.Action; }
        if (reader.ValueTextEquals("Expire"u8)) { return Seen.Expire; }
        if (reader.ValueTextEquals("DataStore"u8)) { return Seen.DataStore; }
        if (reader.ValueTextEquals("Name"u8)) { return Seen.Name; }
        if (reader.ValueTextEquals("Identity"u8)) { return Seen.Identity; }
        if (reader.ValueTextEquals("KeepAlive"u8)) { return Seen.KeepAlive; }
        return Seen.None;
    }

    private bool AddOtherKey(string name)
    {
        _otherKeys ??= new HashSet<string>(StringComparer.Ordinal);
        return _otherKeys.Add(name);
    }

    private RequestError ReadValue(Seen field, ref Utf8JsonReader reader)
    {
        var type = reader.TokenType;
        switch (field)
        {
            case Seen.Id:
                return ReadText(ref reader, out _owner);
            case Seen.FileName:
                return ReadText(ref reader, out _key);
            case Seen.Action:
                var error = ReadText(ref reader, out var action);
                _action = error == RequestError.None && DlmActionNames.TryParse(action, out var known) ? known : null;
                return error;
            case Seen.Expire:
                return ReadExpire(ref reader);
            case Seen.DataStore:
                // JSON null is what the original client sends with Get and Erase: no value.
                return type == JsonTokenType.Null ? RequestError.None : ReadText(ref reader, out _value);
            case Seen.Name:
                if (type != JsonTokenType.String)
                {
                    return RequestError.WrongType;
                }

                _name = reader.GetString();
                return RequestError.None;
            case Seen.Identity:
                _identityIsString = type == JsonTokenType.String;
                if (_identityIsString)
                {
                    return ReadText(ref reader, out _identity);
                }

                reader.Skip();
                return RequestError.None;
            case Seen.KeepAlive:
                if (type is not (JsonTokenType.True or JsonTokenType.False))
                {
                    return RequestError.WrongType;
                }

                _keepAlive = type == JsonTokenType.True;
                return RequestError.None;
            default:
                reader.Skip();
                return RequestError.None;
        }
    }

    private RequestError ReadExpire(ref Utf8JsonReader reader)
    {
        var parsed = reader.TokenType switch
        {
            JsonTokenType.Number => reader.TryGetDouble(out _ttlSeconds),
            JsonTokenType.String => ExpireText.TryParse(reader.GetString()!, out _ttlSeconds),
            _ => false,
        };

        // NaN would make a lock that never expires, infinity one that cannot be represented.
        return parsed && double.IsFinite(_ttlSeconds) ? RequestError.None : RequestError.BadExpire;
    }

    private static RequestError ReadText(ref Utf8JsonReader reader, out byte[]? utf8)
    {
        utf8 = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            return RequestError.WrongType;
        }

        if (!reader.ValueIsEscaped)
        {
            // Values run to megabytes, and this array is overwritten whole at once: zeroing it
            // first would be a second pass over the value.
            utf8 = GC.AllocateUninitializedArray<byte>(reader.ValueSpan.Length);
            reader.ValueSpan.CopyTo(utf8);
            return RequestError.None;
        }

        // Unescaped text is never longer than its escaped form.
        var buffer = new byte[reader.ValueSpan.Length];
        var written = reader.CopyString(buffer);
        utf8 = buffer.AsSpan(0, written).ToArray();
        return RequestError.None;
    }
}
