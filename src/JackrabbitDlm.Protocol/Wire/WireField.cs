namespace JackrabbitDlm.Protocol.Wire;

/// <summary>One field of a message being written: a name and a text, integer, boolean or null value.</summary>
public readonly struct WireField
{
    private WireField(string name, WireFieldKind kind, byte[]? text, long integer)
    {
        Name = name;
        Kind = kind;
        Text = text;
        Integer = integer;
    }

    /// <summary>The field name; plain ASCII.</summary>
    public string Name { get; }

    /// <summary>What the value is.</summary>
    public WireFieldKind Kind { get; }

    /// <summary>The UTF-8 text of a text field.</summary>
    public byte[]? Text { get; }

    /// <summary>The value of an integer field, or 1 and 0 for true and false.</summary>
    public long Integer { get; }

    /// <summary>A text field.</summary>
    public static WireField OfText(string name, byte[] utf8) => new(name, WireFieldKind.Text, utf8, 0);

    /// <summary>A text field from a string.</summary>
    public static WireField OfText(string name, string text) =>
        new(name, WireFieldKind.Text, Encoding.Utf8Strict.GetBytes(text), 0);

    /// <summary>An integer field.</summary>
    public static WireField OfInteger(string name, long value) => new(name, WireFieldKind.Integer, null, value);

    /// <summary>A boolean field.</summary>
    public static WireField OfBoolean(string name, bool value) =>
        new(name, WireFieldKind.Boolean, null, value ? 1 : 0);

    /// <summary>A field whose value is JSON null.</summary>
    public static WireField OfNull(string name) => new(name, WireFieldKind.Null, null, 0);
}
