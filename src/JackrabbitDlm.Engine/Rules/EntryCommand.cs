using JackrabbitDlm.Engine.Entries;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Rules;

/// <summary>
/// A request that passed validation: every limit checked, the identity (if any) verified, the
/// TTL finite and within range. Backends can trust every field.
/// </summary>
public sealed class EntryCommand
{
    public required DlmAction Action { get; init; }

    public required EntryKey Key { get; init; }

    public required OwnerId Owner { get; init; }

    /// <summary>The time to live; zero for actions that ignore it.</summary>
    public required TimeSpan Ttl { get; init; }

    /// <summary>The value to store; set for <c>Put</c> only.</summary>
    public EntryValue? Value { get; init; }

    /// <summary>The verified identity, or null for an anonymous request.</summary>
    public IdentityStamp? Identity { get; init; }
}
