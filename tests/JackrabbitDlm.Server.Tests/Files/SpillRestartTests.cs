using System.Text;
using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Entries;
using JackrabbitDlm.Engine.Memory;
using JackrabbitDlm.Engine.Rules;
using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Protocol.Wire;
using JackrabbitDlm.Server.Files;

namespace JackrabbitDlm.Server.Tests.Files;

/// <summary>The memory backend over real files: values on disk survive a restart under their keys.</summary>
public sealed class SpillRestartTests : IDisposable
{
    private static readonly OwnerId Owner = OwnerId.FromString("owner-A-4f1c9e");
    private static readonly IdentityStamp Identity = IdentityStamp.ForSecret("alice", "s"u8);

    private readonly TempBase _base = new();
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));

    public void Dispose() => _base.Dispose();

    [Fact]
    public async Task Restart_LargeLongLivedValue_IsFoundUnderItsRealKey()
    {
        var value = LargeValue('x');
        await using (var first = NewBackend(out var counters))
        {
            var put = await PutAsync(first, "job:state", value, TimeSpan.FromSeconds(3600));
            Assert.Equal(ActionOutcome.PutNew, put.Outcome);
            Assert.Equal(1, counters.Get(Counter.PutDisk));
        }

        _time.Advance(TimeSpan.FromSeconds(30));
        await using var second = NewBackend(out _);
        var got = await GetAsync(second, "job:state");

        Assert.Equal(ActionOutcome.GotValue, got.Outcome);
        Assert.Equal(value, got.Value);
    }

    [Fact]
    public async Task Restart_ValueExpiredMeanwhile_IsGoneAndItsFileDeleted()
    {
        await using (var first = NewBackend(out _))
        {
            await PutAsync(first, "short", LargeValue('s'), TimeSpan.FromSeconds(20));
            await PutAsync(first, "long", LargeValue('l'), TimeSpan.FromSeconds(3600));
        }

        _time.Advance(TimeSpan.FromSeconds(30));
        await using var second = NewBackend(out _);

        Assert.Equal(ActionOutcome.GetNotFound, (await GetAsync(second, "short")).Outcome);
        Assert.Equal(ActionOutcome.GotValue, (await GetAsync(second, "long")).Outcome);
        Assert.Single(Directory.GetFiles(_base.Directories.Disk, "*.db"));
    }

    [Fact]
    public async Task Restart_ValueReplacedBeforehand_ReturnsTheNewValue()
    {
        var newer = LargeValue('2');
        await using (var first = NewBackend(out _))
        {
            await PutAsync(first, "k", LargeValue('1'), TimeSpan.FromSeconds(3600));
            await PutAsync(first, "k", newer, TimeSpan.FromSeconds(3600));
        }

        await using var second = NewBackend(out _);

        Assert.Equal(newer, (await GetAsync(second, "k")).Value);
    }

    [Fact]
    public async Task Restart_TokensOfRestoredEntries_AreAboveEveryEarlierToken()
    {
        long earlier;
        await using (var first = NewBackend(out _))
        {
            earlier = (await PutAsync(first, "k", LargeValue('t'), TimeSpan.FromSeconds(3600))).Token;
        }

        await using var second = NewBackend(out _);

        Assert.True((await GetAsync(second, "k")).Token > earlier);
    }

    [Fact]
    public async Task Get_SpilledFileDamaged_AnswersCorruption()
    {
        await using var backend = NewBackend(out _);
        await PutAsync(backend, "k", LargeValue('d'), TimeSpan.FromSeconds(3600));
        var path = Assert.Single(Directory.GetFiles(_base.Directories.Disk, "*.db"));
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^1]);

        Assert.Equal(ActionOutcome.Corruption, (await GetAsync(backend, "k")).Outcome);
    }

    private MemoryBackend NewBackend(out CounterSet counters)
    {
        counters = new CounterSet();
        return new MemoryBackend(new MemoryBackendOptions
        {
            Time = _time,
            SpillStore = new DiskValueStore(_base.Directories, _time),
            TokenReservations = new FileTokenReservations(_base.Directories),
            Counters = counters,
        });
    }

    private static byte[] LargeValue(char fill) => Encoding.ASCII.GetBytes(new string(fill, 20000));

    private static ValueTask<ActionResult> PutAsync(
        MemoryBackend backend, string key, byte[] value, TimeSpan ttl) =>
        backend.ExecuteAsync(
            new EntryCommand
            {
                Action = DlmAction.Put,
                Key = EntryKey.FromString(key),
                Owner = Owner,
                Ttl = ttl,
                Value = new EntryValue(value, value.Length),
                Identity = Identity,
            },
            overloaded: false,
            CancellationToken.None);

    private static ValueTask<ActionResult> GetAsync(MemoryBackend backend, string key) =>
        backend.ExecuteAsync(
            new EntryCommand
            {
                Action = DlmAction.Get,
                Key = EntryKey.FromString(key),
                Owner = Owner,
                Ttl = TimeSpan.Zero,
                Identity = Identity,
            },
            overloaded: false,
            CancellationToken.None);
}
