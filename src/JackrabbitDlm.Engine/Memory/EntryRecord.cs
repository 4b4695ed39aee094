using System.Buffers.Binary;
using JackrabbitDlm.Engine.Entries;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Memory;

/// <summary>
/// One entry of the in-memory table, held in a single byte array so that a million locks fit in a
/// few hundred megabytes: a header, then the key's UTF-8 bytes, then the owner id's. The rarely
/// used identity and value live in the shard's payload table, keyed by the array.
/// </summary>
/// <remarks>
/// Layout: [0,8) expiry ticks; [8,16) the expiry the entry is queued under; [16,24) fencing token;
/// [24,28) key length; [28] flags; then key and owner. The token, key and owner never change.
/// </remarks>
internal readonly struct EntryRecord
{
    /// <summary>The queued-expiry value of an entry that is not in its shard's expiry queue.</summary>
    public const long NotScheduled = long.MinValue;

    private const int ExpiresAtOffset = 0;
    private const int ScheduledAtOffset = 8;
    private const int TokenOffset = 16;
    private const int KeyLengthOffset = 24;
    private const int FlagsOffset = 28;
    private const int HeaderLength = 32;

    private const byte RemovedFlag = 1;
    private const byte PayloadFlag = 2;

    public EntryRecord(byte[] bytes) => Bytes = bytes;

    /// <summary>The array itself: the table's element and the payload table's key.</summary>
    public byte[] Bytes { get; }

    public ReadOnlySpan<byte> Key => Bytes.AsSpan(HeaderLength, KeyLength);

    public ReadOnlyMemory<byte> Owner => Bytes.AsMemory(HeaderLength + KeyLength);

    public long Token => BinaryPrimitives.ReadInt64LittleEndian(Bytes.AsSpan(TokenOffset));

    public long ExpiresAtTicks
    {
        get => BinaryPrimitives.ReadInt64LittleEndian(Bytes.AsSpan(ExpiresAtOffset));
        set => BinaryPrimitives.WriteInt64LittleEndian(Bytes.AsSpan(ExpiresAtOffset), value);
    }

    public long ScheduledAtTicks
    {
        get => BinaryPrimitives.ReadInt64LittleEndian(Bytes.AsSpan(ScheduledAtOffset));
        set => BinaryPrimitives.WriteInt64LittleEndian(Bytes.AsSpan(ScheduledAtOffset), value);
    }

    /// <summary>True once the entry has left the table; queue nodes that still point at it are stale.</summary>
    public bool IsRemoved => (Bytes[FlagsOffset] & RemovedFlag) != 0;

    /// <summary>True when the shard's payload table holds an identity or value for this entry.</summary>
    public bool HasPayload
    {
        get => (Bytes[FlagsOffset] & PayloadFlag) != 0;
        set => Bytes[FlagsOffset] = (byte)(value ? Bytes[FlagsOffset] | PayloadFlag : Bytes[FlagsOffset] & ~PayloadFlag);
    }

    private int KeyLength => BinaryPrimitives.ReadInt32LittleEndian(Bytes.AsSpan(KeyLengthOffset));

    public static EntryRecord Create(EntryKey key, OwnerId owner, long token, long expiresAtTicks)
    {
        var bytes = new byte[HeaderLength + key.Utf8.Length + owner.Utf8.Length];
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(TokenOffset), token);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(KeyLengthOffset), key.Utf8.Length);
        key.Utf8.CopyTo(bytes.AsSpan(HeaderLength));
        owner.Utf8.CopyTo(bytes.AsSpan(HeaderLength + key.Utf8.Length));
        return new EntryRecord(bytes)
        {
            ExpiresAtTicks = expiresAtTicks,
            ScheduledAtTicks = NotScheduled,
        };
    }

    /// <summary>The key bytes of a record array, for hashing and comparing without a struct copy.</summary>
    public static ReadOnlySpan<byte> KeyOf(byte[] bytes) => new EntryRecord(bytes).Key;

    public void MarkRemoved()
    {
        Bytes[FlagsOffset] |= RemovedFlag;
        ScheduledAtTicks = NotScheduled;
    }

    public EntryView View(EntryPayload? payload) => new(
        Owner,
        payload?.Identity,
        payload?.Value is not null,
        TimeSpan.FromTicks(ExpiresAtTicks),
        Token);
}
