using JackrabbitDlm.Backends.FileSystem;
using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Rules;
using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Protocol.Wire;
using Microsoft.Extensions.Time.Testing;
using static JackrabbitDlm.Backends.Tests.Conformance.Commands;

namespace JackrabbitDlm.Backends.Tests.FileSystem;

/// <summary>What only the filesystem backend does: file names, locks, damage and the sweep.</summary>
public sealed class FileSystemBackendTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly CounterSet _counters = new();

    private string Root => Path.Combine(_directory.Path, "store");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ExecuteAsync_KeyWithPathCharacters_StaysInsideEntriesDirectory()
    {
        await using var backend = await OpenAsync();

        var locked = await RunAsync(backend, Lock("../../escape/..", "alice"));

        Assert.Equal(ActionOutcome.Locked, locked.Outcome);
        Assert.Equal([Root], Directory.GetFileSystemEntries(_directory.Path));
        var entry = Assert.Single(EntryDirectoryFiles());
        Assert.Matches("^[0-9a-f]{64}\\.entry$", Path.GetFileName(entry));
    }

    [Fact]
    public async Task ExecuteAsync_StripeLockHeldElsewhere_AnswersUnavailableThenRecovers()
    {
        await using var backend = await OpenAsync(lockTimeout: TimeSpan.FromMilliseconds(100));
        var lockPath = new StoreLayout(Root).Locate(EntryKey.FromString("job")).LockPath;

        using (new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None))
        {
            var blocked = await RunAsync(backend, Lock("job", "alice"));
            Assert.Equal(ActionOutcome.BackendUnavailable, blocked.Outcome);
        }

        var recovered = await RunAsync(backend, Lock("job", "alice"));
        Assert.Equal(ActionOutcome.Locked, recovered.Outcome);
    }

    [Fact]
    public async Task SweepAsync_ExpiredEntriesAndOrphanTemporaryFiles_AreRemoved()
    {
        await using var backend = await OpenAsync();
        await RunAsync(backend, Lock("short", "alice", TimeSpan.FromSeconds(5)));
        await RunAsync(backend, Put("short-value", "alice", "v", TimeSpan.FromSeconds(5)));
        await RunAsync(backend, Lock("long", "alice"));
        var longPath = new StoreLayout(Root).Locate(EntryKey.FromString("long")).EntryPath;
        var orphan = Path.ChangeExtension(longPath, ".0123456789abcdef.tmp");
        await File.WriteAllTextAsync(orphan, "half a write");
        _time.Advance(TimeSpan.FromSeconds(6));

        var removed = await backend.SweepAsync();

        Assert.Equal(2, removed);
        Assert.Equal([longPath], EntryDirectoryFiles());
        Assert.Equal(1, _counters.Get(Counter.ExpiredLock));
        Assert.Equal(1, _counters.Get(Counter.ExpiredData));
    }

    [Fact]
    public async Task ExecuteAsync_DamagedEntryFile_GetAnswersCorruptionAndFreesTheName()
    {
        await using var backend = await OpenAsync();
        await RunAsync(backend, Put("job", "alice", "v"));
        var path = new StoreLayout(Root).Locate(EntryKey.FromString("job")).EntryPath;
        await File.WriteAllBytesAsync(path, [1, 2, 3]);

        var get = await RunAsync(backend, Get("job", "alice"));

        Assert.Equal(ActionOutcome.Corruption, get.Outcome);
        var locked = await RunAsync(backend, Lock("job", "bob"));
        Assert.Equal(ActionOutcome.Locked, locked.Outcome);
    }

    [Fact]
    public async Task OpenAsync_PathIsAFile_ThrowsNamingTheDirectory()
    {
        await File.WriteAllTextAsync(Root, "not a directory");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => OpenAsync());

        Assert.Contains(Root, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_DamagedTokenCounter_Throws()
    {
        Directory.CreateDirectory(Root);
        await File.WriteAllTextAsync(Path.Combine(Root, "token"), "not a number");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => OpenAsync());

        Assert.Contains("token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_NewGrant_BumpsTokenCounterFile()
    {
        await using var backend = await OpenAsync();

        var first = await RunAsync(backend, Lock("a", "alice"));
        var second = await RunAsync(backend, Lock("b", "alice"));

        Assert.Equal(first.Token + 1, second.Token);
        Assert.Equal($"{second.Token}\n", await File.ReadAllTextAsync(Path.Combine(Root, "token")));
    }

    private string[] EntryDirectoryFiles() =>
        Directory.GetFiles(Path.Combine(Root, "entries"), "*", SearchOption.AllDirectories);

    private static async Task<ActionResult> RunAsync(FileSystemBackend backend, EntryCommand command) =>
        await backend.ExecuteAsync(command, overloaded: false, CancellationToken.None);

    private Task<FileSystemBackend> OpenAsync(TimeSpan? lockTimeout = null) =>
        FileSystemBackend.OpenAsync(new FileSystemBackendOptions
        {
            Directory = Root,
            Time = _time,
            Counters = _counters,
            LockTimeout = lockTimeout ?? TimeSpan.FromSeconds(5),

            // The tests sweep by hand; the timer would race them as the fake clock advances.
            SweepInterval = TimeSpan.FromDays(1),
        });
}
