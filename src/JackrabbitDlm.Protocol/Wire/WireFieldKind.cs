namespace JackrabbitDlm.Protocol.Wire;

/// <summary>The JSON type of a <see cref="WireField"/>.</summary>
public enum WireFieldKind
{
    /// <summary>A JSON string.</summary>
    Text,

    /// <summary>A JSON integer.</summary>
    Integer,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>null.</summary>
    Null,
}
