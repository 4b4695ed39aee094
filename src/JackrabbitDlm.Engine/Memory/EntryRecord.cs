using System.Buffers.Binary;
using JackrabbitDlm.Engine.Entries;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Memory;

/// <summary>
/// One entry of the in-memory table, held in a single byte array so that a million locks fit in a
/// few hundred megabytes: a 24-byte header, then the key's UTF-8 bytes, then the owner id's. The
/// rarely used identity and value live in the shard's payload table, keyed by the array.
/// </summary>
/// <remarks>
/// Layout: [0,8) expiry ticks; [8,16) fencing token; [16,20) position in the shard's expiry
/// queue, or -1; [20,24) key length, its top bit set when the entry has a payload. Token, key
/// and owner never change.
/// </remarks>
internal readonly struct EntryRecord
{
    private const int ExpiresAtOffset = 0;
    private const int TokenOffset = 8;
    private const int QueuePositionOffset = 16;
    private const int KeyLengthOffset = 20;
    private const int HeaderLength = 24;
    private const int PayloadFlag = 1 << 31;

    public EntryRecord(byte[] bytes) => Bytes = bytes;

    /// <summary>The array itself: the table's element and the payload table's key.</summary>
    public byte[] Bytes { get; }

    public ReadOnlySpan<byte> Key => Bytes.AsSpan(HeaderLength, KeyLength);

    public ReadOnlyMemory<byte> Owner => Bytes.AsMemory(HeaderLength + KeyLength);

    public long Token => BinaryPrimitives.ReadInt64LittleEndian(Bytes.AsSpan(TokenOffset));

    public long ExpiresAtTicks
    {
        get => ExpiresAtTicksOf(Bytes);
        set => BinaryPrimitives.WriteInt64LittleEndian(Bytes.AsSpan(ExpiresAtOffset), value);
    }

    /// <summary>Where the entry sits in its shard's expiry queue; -1 when it is in none.</summary>
    public int QueuePosition
    {
        get => BinaryPrimitives.ReadInt32LittleEndian(Bytes.AsSpan(QueuePositionOffset));
        set => BinaryPrimitives.WriteInt32LittleEndian(Bytes.AsSpan(QueuePositionOffset), value);
    }

    /// <summary>True when the shard's payload table holds an identity or value for this entry.</summary>
    public bool HasPayload
    {
        get => (LengthWord & PayloadFlag) != 0;
        set => LengthWord = value ? LengthWord | PayloadFlag : LengthWord & ~PayloadFlag;
    }

    private int KeyLength => LengthWord & ~PayloadFlag;

    private int LengthWord
    {
        get => BinaryPrimitives.ReadInt32LittleEndian(Bytes.AsSpan(KeyLengthOffset));
        set => BinaryPrimitives.WriteInt32LittleEndian(Bytes.AsSpan(KeyLengthOffset), value);
    }

    public static EntryRecord Create(EntryKey key, OwnerId owner, long token, long expiresAtTicks)
    {
        var bytes = new byte[HeaderLength + key.Utf8.Length + owner.Utf8.Length];
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(TokenOffset), token);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(KeyLengthOffset), key.Utf8.Length);
        key.Utf8.CopyTo(bytes.AsSpan(HeaderLength));
        owner.Utf8.CopyTo(bytes.AsSpan(HeaderLength + key.Utf8.Length));
        return new EntryRecord(bytes) { ExpiresAtTicks = expiresAtTicks, QueuePosition = -1 };
    }

    /// <summary>The key bytes of a record array, for hashing and comparing.</summary>
    public static ReadOnlySpan<byte> KeyOf(byte[] bytes) => new EntryRecord(bytes).Key;

    /// <summary>The expiry of a record array, for the expiry queue's comparisons.</summary>
    public static long ExpiresAtTicksOf(byte[] bytes) =>
        BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(ExpiresAtOffset));

    public EntryView View(EntryPayload? payload) => new(
        Owner,
        payload?.Identity,
        payload?.Value is not null,
        TimeSpan.FromTicks(ExpiresAtTicks),
        Token);
}
