using JackrabbitDlm.Engine.Entries;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Memory;

/// <summary>
/// One entry of the in-memory table, laid out to be small: a million held locks must fit in a
/// few hundred megabytes. The key and owner share one array, and the rarely used identity and
/// value live in a separate object that plain locks do without.
/// </summary>
internal sealed class MemoryEntry
{
    /// <summary>The value of <see cref="ScheduledAtTicks"/> for an entry not in the expiry queue.</summary>
    public const long NotScheduled = long.MinValue;

    // The key's UTF-8 bytes followed by the owner id's.
    private readonly byte[] _keyAndOwner;
    private readonly int _keyLength;

    public MemoryEntry(EntryKey key, OwnerId owner)
    {
        _keyLength = key.Utf8.Length;
        _keyAndOwner = new byte[_keyLength + owner.Utf8.Length];
        key.Utf8.CopyTo(_keyAndOwner);
        owner.Utf8.CopyTo(_keyAndOwner.AsSpan(_keyLength));
    }

    public ReadOnlySpan<byte> Key => _keyAndOwner.AsSpan(0, _keyLength);

    public ReadOnlyMemory<byte> Owner => _keyAndOwner.AsMemory(_keyLength);

    public EntryPayload? Payload { get; set; }

    public long ExpiresAtTicks { get; set; }

    public long Token { get; set; }

    /// <summary>The expiry under which the entry sits in the expiry queue; see <see cref="ExpiryQueue"/>.</summary>
    public long ScheduledAtTicks { get; set; } = NotScheduled;

    public bool HasValue => Payload?.Value is not null;

    /// <summary>True once the entry has left the table; queue nodes that still point at it are stale.</summary>
    public bool IsRemoved { get; private set; }

    public EntryView View() => new(
        Owner,
        Payload?.Identity,
        HasValue,
        TimeSpan.FromTicks(ExpiresAtTicks),
        Token);

    /// <summary>Marks the entry as gone from the table, so stale queue nodes are dropped.</summary>
    public void MarkRemoved()
    {
        IsRemoved = true;
        ScheduledAtTicks = NotScheduled;
    }
}
