using JackrabbitDlm.Engine.Memory;

namespace JackrabbitDlm.Engine.Tests.Memory;

public sealed class RecordPagesTests
{
    private readonly RecordPages _pages = new();

    [Fact]
    public void Allocate_ManyRecords_NeverOverlap()
    {
        var handles = Enumerable.Range(0, 3000).Select(i => Filled(28 + (i % 200), (byte)i)).ToList();

        for (var i = 0; i < handles.Count; i++)
        {
            var bytes = _pages.Bytes(handles[i], 28 + (i % 200)).ToArray();
            Assert.All(bytes, b => Assert.Equal((byte)i, b));
        }

        Assert.Equal(handles.Count, handles.Distinct().Count());
    }

    [Fact]
    public void Free_ThenAllocateTheSameSize_ReusesTheSpace()
    {
        var first = _pages.Allocate(104);
        _pages.Allocate(104);
        _pages.Free(first, 104);

        Assert.Equal(104, _pages.FreeBytes);
        Assert.Equal(first, _pages.Allocate(100));
        Assert.Equal(0, _pages.FreeBytes);
        Assert.Equal(208, _pages.LiveBytes);
    }

    [Fact]
    public void Free_ThenAllocateAnotherSize_LeavesTheSpaceFree()
    {
        var first = _pages.Allocate(104);
        _pages.Free(first, 104);

        Assert.NotEqual(first, _pages.Allocate(200));
        Assert.Equal(104, _pages.FreeBytes);
    }

    [Fact]
    public void Allocate_RecordLargerThanAPage_GetsItsOwnPageAndGivesItBack()
    {
        var small = Filled(64, 1);
        var large = Filled(100_000, 2);

        Assert.Equal(64 + 100_000, _pages.LiveBytes);
        _pages.Free(large, 100_000);
        Assert.Equal(64, _pages.LiveBytes);
        Assert.Equal(0, _pages.FreeBytes);

        var again = Filled(50_000, 3);
        Assert.All(_pages.Bytes(small, 64).ToArray(), b => Assert.Equal(1, b));
        Assert.All(_pages.Bytes(again, 50_000).ToArray(), b => Assert.Equal(3, b));
    }

    [Fact]
    public void TakeOver_UsesTheFreshPagesFromThenOn()
    {
        var fresh = new RecordPages();
        var copy = fresh.Allocate(40);
        _pages.Allocate(40);
        _pages.Allocate(40);

        _pages.TakeOver(fresh);
        _pages.Bytes(copy, 40).Fill(9);

        Assert.Equal(40, _pages.LiveBytes);
        Assert.Equal(9, fresh.Bytes(copy, 40)[39]);
        Assert.NotEqual(copy, _pages.Allocate(40));
    }

    private int Filled(int length, byte fill)
    {
        var handle = _pages.Allocate(length);
        _pages.Bytes(handle, length).Fill(fill);
        return handle;
    }
}
