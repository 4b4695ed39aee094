namespace JackrabbitDlm.Protocol.Wire;

/// <summary>A reply as a client reads it.</summary>
public sealed class DlmReply
{
    /// <summary>The status word exactly as received, e.g. <c>Locked</c>.</summary>
    public required string StatusWord { get; init; }

    /// <summary>The status, or null when the word is not one this protocol defines.</summary>
    public DlmStatus? Status => DlmStatusWords.TryParse(StatusWord, out var status) ? status : null;

    /// <summary>The <c>ID</c> field: the owner id, or the version text of a <c>Version</c> reply.</summary>
    public string? Id { get; init; }

    /// <summary>
    /// The <c>DataStore</c> field. A value that is not a JSON string (the original server stores
    /// whatever it is sent) is given as its JSON text.
    /// </summary>
    public string? Value { get; init; }

    /// <summary>The fencing token of a <c>Locked</c> reply, or null when the server sent none.</summary>
    public long? Token { get; init; }
}
