using System.Buffers.Binary;
using JackrabbitDlm.Engine.Entries;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Memory;

/// <summary>
/// One entry of the in-memory table: a 28-byte header, then the key's UTF-8 bytes, then the owner
/// id's, in the shard's <see cref="RecordPages"/>. The rarely used identity and value live in the
/// shard's payload table, keyed by the record's handle.
/// </summary>
/// <remarks>
/// Layout: [0,8) expiry ticks; [8,16) fencing token; [16,20) position in the shard's expiry
/// queue, or -1; [20,24) key length, its top bit set when the entry has a payload; [24,28) owner
/// length. Token, key and owner never change. A record is a view: it is valid only under the
/// shard's lock and only until the record is removed or the shard compacts its pages.
/// </remarks>
internal readonly struct EntryRecord
{
    private const int ExpiresAtOffset = 0;
    private const int TokenOffset = 8;
    private const int QueuePositionOffset = 16;
    private const int KeyLengthOffset = 20;
    private const int OwnerLengthOffset = 24;
    private const int HeaderLength = 28;
    private const int PayloadFlag = 1 << 31;

    private readonly byte[] _page;
    private readonly int _offset;

    public EntryRecord(RecordPages pages, int handle)
    {
        Handle = handle;
        _page = pages.PageOf(handle);
        _offset = RecordPages.OffsetOf(handle);
    }

    /// <summary>The record's name in its shard's pages and the payload table's key.</summary>
    public int Handle { get; }

    /// <summary>The record's length in bytes, header included.</summary>
    public int Length => HeaderLength + KeyLength + OwnerLength;

    public ReadOnlySpan<byte> Key => _page.AsSpan(_offset + HeaderLength, KeyLength);

    public ReadOnlyMemory<byte> Owner => _page.AsMemory(_offset + HeaderLength + KeyLength, OwnerLength);

    /// <summary>The whole record, for moving it to another page.</summary>
    public ReadOnlySpan<byte> Bytes => _page.AsSpan(_offset, Length);

    public long Token => ReadInt64(TokenOffset);

    public long ExpiresAtTicks => ReadInt64(ExpiresAtOffset);

    /// <summary>Where the entry sits in its shard's expiry queue; -1 when it is in none.</summary>
    public int QueuePosition => ReadInt32(QueuePositionOffset);

    /// <summary>True when the shard's payload table holds an identity or value for this entry.</summary>
    public bool HasPayload => (LengthWord & PayloadFlag) != 0;

    private int KeyLength => LengthWord & ~PayloadFlag;

    private int OwnerLength => ReadInt32(OwnerLengthOffset);

    private int LengthWord => ReadInt32(KeyLengthOffset);

    /// <summary>The length of the record for a key and owner of these lengths.</summary>
    public static int LengthFor(EntryKey key, OwnerId owner) => HeaderLength + key.Utf8.Length + owner.Utf8.Length;

    /// <summary>Fills a record allocated with <see cref="LengthFor"/> bytes; it is in no queue yet.</summary>
    public static EntryRecord Create(
        RecordPages pages, int handle, EntryKey key, OwnerId owner, long token, long expiresAtTicks)
    {
        var bytes = pages.Bytes(handle, LengthFor(key, owner));
        BinaryPrimitives.WriteInt64LittleEndian(bytes[TokenOffset..], token);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[KeyLengthOffset..], key.Utf8.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[OwnerLengthOffset..], owner.Utf8.Length);
        key.Utf8.CopyTo(bytes[HeaderLength..]);
        owner.Utf8.CopyTo(bytes[(HeaderLength + key.Utf8.Length)..]);
        var entry = new EntryRecord(pages, handle);
        entry.SetExpiresAtTicks(expiresAtTicks);
        entry.SetQueuePosition(-1);
        return entry;
    }

    /// <summary>Changes the expiry; the caller then restores the expiry queue's order.</summary>
    public void SetExpiresAtTicks(long ticks) => WriteInt64(ExpiresAtOffset, ticks);

    public void SetQueuePosition(int position) => WriteInt32(QueuePositionOffset, position);

    public void SetHasPayload(bool hasPayload) =>
        WriteInt32(KeyLengthOffset, hasPayload ? LengthWord | PayloadFlag : LengthWord & ~PayloadFlag);

    public EntryView View(EntryPayload? payload) => new(
        Owner,
        payload?.Identity,
        payload?.Value is not null,
        TimeSpan.FromTicks(ExpiresAtTicks),
        Token);

    private long ReadInt64(int field) => BinaryPrimitives.ReadInt64LittleEndian(_page.AsSpan(_offset + field));

    private int ReadInt32(int field) => BinaryPrimitives.ReadInt32LittleEndian(_page.AsSpan(_offset + field));

    private void WriteInt64(int field, long value) =>
        BinaryPrimitives.WriteInt64LittleEndian(_page.AsSpan(_offset + field), value);

    private void WriteInt32(int field, int value) =>
        BinaryPrimitives.WriteInt32LittleEndian(_page.AsSpan(_offset + field), value);
}
