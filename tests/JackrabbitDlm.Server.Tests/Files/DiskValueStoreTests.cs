using System.Text;
using JackrabbitDlm.Engine.Entries;
using JackrabbitDlm.Engine.Memory;
using JackrabbitDlm.Protocol.Wire;
using JackrabbitDlm.Server.Files;

namespace JackrabbitDlm.Server.Tests.Files;

public sealed class DiskValueStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private readonly TempBase _base = new();
    private readonly ManualTime _time = new(Start);
    private readonly DiskValueStore _store;

    public DiskValueStoreTests()
    {
        _store = new DiskValueStore(_base.Directories, _time);
    }

    private string Disk => _base.Directories.Disk;

    public void Dispose() => _base.Dispose();

    [Fact]
    public void TryRead_AfterWrite_ReturnsTheValue()
    {
        var value = Encoding.UTF8.GetBytes("héllo wörld");

        var spilled = _store.Write(Record("job:state", 11), value);

        Assert.Equal(value, _store.TryRead(spilled));
        Assert.Equal(11, spilled.Length);
    }

    [Fact]
    public void Write_SameKeyTwice_WritesTwoFilesAndNoTemporaryOne()
    {
        var first = _store.Write(Record("k", 1), "a"u8);
        var second = _store.Write(Record("k", 1), "b"u8);

        Assert.NotEqual(first.Location, second.Location);
        Assert.Equal(2, Directory.GetFiles(Disk, "*.db").Length);
        Assert.Empty(Directory.GetFiles(Disk, "*.tmp"));
        Assert.Equal("a"u8.ToArray(), _store.TryRead(first));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("a/b\\c:d*e?f\"g<h>i|j")]
    [InlineData("\0nul and 🙂 and ünïcödé")]
    [InlineData("")]
    public void Write_AnyKey_MakesAPlainFileNameInDisk(string key)
    {
        var spilled = _store.Write(Record(key, 1), "v"u8);

        Assert.Equal(Disk, Path.GetDirectoryName(Path.Combine(Disk, spilled.Location)));
        Assert.Matches("^[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{8}\\.db$", spilled.Location);
    }

    [Fact]
    public void TryRead_ValueByteChanged_ReturnsNull()
    {
        var spilled = _store.Write(Record("k", 5), "12345"u8);
        var path = Path.Combine(Disk, spilled.Location);
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        Assert.Null(_store.TryRead(spilled));
    }

    [Fact]
    public void TryRead_FileTruncated_ReturnsNull()
    {
        var spilled = _store.Write(Record("k", 5), "12345"u8);
        var path = Path.Combine(Disk, spilled.Location);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^2]);

        Assert.Null(_store.TryRead(spilled));
    }

    [Fact]
    public void TryRead_LengthDiffersFromHandle_ReturnsNull()
    {
        var spilled = _store.Write(Record("k", 5), "12345"u8);

        Assert.Null(_store.TryRead(spilled with { Length = 4 }));
    }

    [Fact]
    public void TryRead_MissingOrForeignLocation_ReturnsNull()
    {
        var spilled = _store.Write(Record("k", 1), "v"u8);
        File.Delete(Path.Combine(Disk, spilled.Location));
        File.WriteAllText(Path.Combine(_base.Root, "outside.db"), "x");

        Assert.Null(_store.TryRead(spilled));
        Assert.Null(_store.TryRead(new SpilledValue("../outside.db", 1)));
    }

    [Fact]
    public void Delete_RemovesTheFile_AndAMissingFileIsNoError()
    {
        var spilled = _store.Write(Record("k", 1), "v"u8);

        _store.Delete(spilled);
        _store.Delete(spilled);

        Assert.Empty(Directory.GetFiles(Disk));
    }

    [Fact]
    public void LoadAll_NewStore_RestoresEveryFieldOfTheRecord()
    {
        var identity = new IdentityStamp("alice", Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        var record = new SpillRecord(
            new EntryKey([0xFF, 0x00, (byte)'/', 0xC3]),
            OwnerId.FromString("owner-A-4f1c9e"),
            identity,
            Start.AddHours(1).AddTicks(7),
            3);
        var written = _store.Write(record, "abc"u8);

        var (loaded, value) = Assert.Single(new DiskValueStore(_base.Directories, _time).LoadAll());

        Assert.Equal(written, value);
        Assert.Equal(record.Key, loaded.Key);
        Assert.Equal(record.Owner, loaded.Owner);
        Assert.True(identity.Matches(loaded.Identity));
        Assert.Equal(record.ExpiresAtUtc, loaded.ExpiresAtUtc);
        Assert.Equal(3, loaded.ValueLength);
    }

    [Fact]
    public void LoadAll_SeveralWritesOfOneKey_KeepsTheNewestAndDeletesTheOthers()
    {
        _store.Write(Record("k", 3), "old"u8);
        _store.Write(Record("k", 3), "mid"u8);
        var newest = _store.Write(Record("k", 3), "new"u8);
        var other = _store.Write(Record("other", 1), "o"u8);

        var loaded = new DiskValueStore(_base.Directories, _time).LoadAll();

        Assert.Equal(
            [newest.Location, other.Location],
            loaded.Select(l => l.Value.Location).Order(StringComparer.Ordinal));
        Assert.Equal(
            [newest.Location, other.Location],
            Directory.GetFiles(Disk).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LoadAll_ClockSetBackBetweenRuns_LaterWriteStillWins()
    {
        var ahead = new ManualTime(Start.AddDays(1));
        new DiskValueStore(_base.Directories, ahead).Write(Record("k", 5), "first"u8);

        var restarted = new DiskValueStore(_base.Directories, _time);
        restarted.LoadAll();
        var second = restarted.Write(Record("k", 6), "second"u8);

        var (_, value) = Assert.Single(new DiskValueStore(_base.Directories, _time).LoadAll());
        Assert.Equal(second.Location, value.Location);
    }

    [Fact]
    public void LoadAll_LeftoversOfACrash_AreDeletedAndForeignFilesKept()
    {
        var good = _store.Write(Record("good", 1), "g"u8);
        var damaged = _store.Write(Record("damaged", 1), "d"u8);
        var damagedPath = Path.Combine(Disk, damaged.Location);
        var bytes = File.ReadAllBytes(damagedPath);
        bytes[100] ^= 0x20;
        File.WriteAllBytes(damagedPath, bytes);
        const string Unfinished = "0123456789abcdef0123456789abcdef-0000000000000001-0badcafe.db.tmp";
        File.WriteAllText(Path.Combine(Disk, Unfinished), "half");
        File.WriteAllText(Path.Combine(Disk, "notes.txt"), "an operator's file");

        var loaded = new DiskValueStore(_base.Directories, _time).LoadAll();

        Assert.Equal(good.Location, Assert.Single(loaded).Value.Location);
        Assert.Equal(
            [good.Location, "notes.txt"],
            Directory.GetFiles(Disk).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LoadAll_EmptyValueFile_IsDeleted()
    {
        var spilled = _store.Write(Record("k", 1), "v"u8);
        File.WriteAllBytes(Path.Combine(Disk, spilled.Location), []);

        Assert.Empty(new DiskValueStore(_base.Directories, _time).LoadAll());
        Assert.Empty(Directory.GetFiles(Disk));
    }

    [Fact]
    public void Write_ManyThreads_EveryValueReadsBack()
    {
        var written = new SpilledValue[64];
        Parallel.For(0, written.Length, i =>
            written[i] = _store.Write(Record("k" + (i % 4), 4), Encoding.ASCII.GetBytes($"{i:D4}")));

        for (var i = 0; i < written.Length; i++)
        {
            Assert.Equal(Encoding.ASCII.GetBytes($"{i:D4}"), _store.TryRead(written[i]));
        }

        Assert.Equal(written.Length, written.Select(w => w.Location).Distinct().Count());
    }

    private static SpillRecord Record(string key, int length) =>
        new(EntryKey.FromString(key), OwnerId.FromString("owner-A"), null, Start.AddHours(1), length);
}
