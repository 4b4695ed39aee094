namespace JackrabbitDlm.Protocol.Wire;

/// <summary>The field names of the wire protocol, written once.</summary>
public static class WireNames
{
    /// <summary>The owner token, or the version text in a <c>Version</c> reply.</summary>
    public const string Id = "ID";

    /// <summary>The entry key.</summary>
    public const string FileName = "FileName";

    /// <summary>The action name.</summary>
    public const string Action = "Action";

    /// <summary>The time to live in seconds.</summary>
    public const string Expire = "Expire";

    /// <summary>The value.</summary>
    public const string DataStore = "DataStore";

    /// <summary>The identity name.</summary>
    public const string Name = "Name";

    /// <summary>The identity secret.</summary>
    public const string Identity = "Identity";

    /// <summary>The reply's status word.</summary>
    public const string Status = "Status";

    /// <summary>Extension: the fencing token of a granted lock.</summary>
    public const string Token = "Token";

    /// <summary>Extension: keep the connection open for another request.</summary>
    public const string KeepAlive = "KeepAlive";
}
