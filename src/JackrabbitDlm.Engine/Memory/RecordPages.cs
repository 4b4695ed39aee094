using System.Buffers.Binary;
using System.Diagnostics;

namespace JackrabbitDlm.Engine.Memory;

/// <summary>
/// Where one shard's entry records live: packed into pages of up to 16 KiB on the pinned heap
/// rather than one array per entry, so a million entries cost the garbage collector a few
/// thousand objects instead of a million, and no object header each. A record is named by a
/// handle (its page and its offset there) that stays valid until the record is freed or the
/// shard compacts its pages.
/// </summary>
/// <remarks>
/// Freed space goes on a free list for its size (in 8-byte steps) and the next record of that
/// size takes it, so names of one length coming and going reuse the same bytes. Records of many
/// sizes can still leave space that no new record fits; the shard notices through
/// <see cref="FreeBytes"/> and moves its live records into fresh pages. Records too large to
/// share a page get a page of their own, given back as soon as they are freed.
/// Not thread-safe: the shard's lock guards it.
/// </remarks>
internal sealed class RecordPages
{
    /// <summary>The handle of no record.</summary>
    public const int None = -1;

    // A handle holds the page's index above OffsetBits and the offset in granules below.
    private const int GranuleShift = 3;
    private const int Granule = 1 << GranuleShift;
    private const int OffsetBits = 11;
    private const int OffsetMask = (1 << OffsetBits) - 1;
    private const int LargestPageSize = Granule << OffsetBits;

    // Pages start small so that a shard holding a handful of entries costs a kilobyte, not 16.
    private const int FirstPageSize = 1024;

    // Records up to this size share pages; longer ones (very long names) get a page each.
    private const int LargestShared = 1024;

    private readonly int[] _freeHeads = NewFreeHeads();
    private byte[]?[] _pages = new byte[]?[4];
    private int _pageCount;
    private Stack<int>? _vacantPages;
    private int _fillPage = None;
    private int _fillOffset;
    private int _nextPageSize = FirstPageSize;

    /// <summary>Bytes held by live records, rounded up to whole granules.</summary>
    public long LiveBytes { get; private set; }

    /// <summary>Bytes on the free lists: freed records not yet reused.</summary>
    public long FreeBytes { get; private set; }

    /// <summary>The page a handle's record is on.</summary>
    public byte[] PageOf(int handle) => _pages[handle >> OffsetBits]!;

    /// <summary>Where on its page a handle's record starts.</summary>
    public static int OffsetOf(int handle) => (handle & OffsetMask) << GranuleShift;

    /// <summary>A record's bytes.</summary>
    public Span<byte> Bytes(int handle, int length) => PageOf(handle).AsSpan(OffsetOf(handle), length);

    /// <summary>Space for a record of <paramref name="length"/> bytes; its contents are undefined.</summary>
    public int Allocate(int length)
    {
        Debug.Assert(length >= sizeof(int), "a free record must hold the next free handle");
        var size = RoundUp(length);
        if (size > LargestShared)
        {
            return AllocateOwnPage(size);
        }

        LiveBytes += size;
        var sizeClass = size >> GranuleShift;
        var reused = _freeHeads[sizeClass];
        if (reused != None)
        {
            _freeHeads[sizeClass] = BinaryPrimitives.ReadInt32LittleEndian(Bytes(reused, sizeof(int)));
            FreeBytes -= size;
            return reused;
        }

        if (_fillPage == None || _fillOffset + size > _pages[_fillPage]!.Length)
        {
            StartPage();
        }

        var handle = (_fillPage << OffsetBits) | (_fillOffset >> GranuleShift);
        _fillOffset += size;
        return handle;
    }

    /// <summary>Gives back a record made by <see cref="Allocate"/> with the same length.</summary>
    public void Free(int handle, int length)
    {
        var size = RoundUp(length);
        LiveBytes -= size;
        if (size > LargestShared)
        {
            var page = handle >> OffsetBits;
            _pages[page] = null;
            (_vacantPages ??= new Stack<int>()).Push(page);
            return;
        }

        PushFree(handle, size);
    }

    /// <summary>
    /// Takes over the pages of <paramref name="fresh"/>, into which the shard has copied every
    /// live record; the old pages are left to the collector and every old handle is void.
    /// </summary>
    public void TakeOver(RecordPages fresh)
    {
        fresh._freeHeads.CopyTo(_freeHeads, 0);
        _pages = fresh._pages;
        _pageCount = fresh._pageCount;
        _vacantPages = fresh._vacantPages;
        _fillPage = fresh._fillPage;
        _fillOffset = fresh._fillOffset;
        _nextPageSize = fresh._nextPageSize;
        LiveBytes = fresh.LiveBytes;
        FreeBytes = fresh.FreeBytes;
    }

    private void StartPage()
    {
        // The end of the page left behind can still hold a small record.
        if (_fillPage != None)
        {
            var rest = _pages[_fillPage]!.Length - _fillOffset;
            if (rest >= sizeof(int))
            {
                PushFree((_fillPage << OffsetBits) | (_fillOffset >> GranuleShift), rest);
            }
        }

        // Pinned, so that compacting the collector's older generations never copies them.
        var page = GC.AllocateUninitializedArray<byte>(_nextPageSize, pinned: true);
        _nextPageSize = Math.Min(_nextPageSize * 2, LargestPageSize);
        _fillPage = AddPage(page);
        _fillOffset = 0;
    }

    private int AllocateOwnPage(int size)
    {
        LiveBytes += size;
        return AddPage(new byte[size]) << OffsetBits;
    }

    private int AddPage(byte[] page)
    {
        if (_vacantPages is { Count: > 0 } vacant)
        {
            var reused = vacant.Pop();
            _pages[reused] = page;
            return reused;
        }

        if (_pageCount == _pages.Length)
        {
            Array.Resize(ref _pages, _pages.Length * 2);
        }

        _pages[_pageCount] = page;
        return _pageCount++;
    }

    private void PushFree(int handle, int size)
    {
        var sizeClass = size >> GranuleShift;
        BinaryPrimitives.WriteInt32LittleEndian(Bytes(handle, sizeof(int)), _freeHeads[sizeClass]);
        _freeHeads[sizeClass] = handle;
        FreeBytes += size;
    }

    private static int RoundUp(int length) => (length + Granule - 1) & ~(Granule - 1);

    private static int[] NewFreeHeads()
    {
        var heads = new int[(LargestShared >> GranuleShift) + 1];
        Array.Fill(heads, None);
        return heads;
    }
}
