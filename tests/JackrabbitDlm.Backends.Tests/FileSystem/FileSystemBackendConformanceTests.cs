using JackrabbitDlm.Backends.FileSystem;
using JackrabbitDlm.Backends.Tests.Conformance;
using JackrabbitDlm.Engine.Backends;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace JackrabbitDlm.Backends.Tests.FileSystem;

/// <summary>The filesystem backend against the conformance suite: a real directory, a fake clock.</summary>
public sealed class FileSystemBackendConformanceTests : SharedBackendConformanceTests
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    public FileSystemBackendConformanceTests(ITestOutputHelper output)
        : base(output)
    {
    }

    private string EntriesPath => Path.Combine(_directory.Path, "store");

    protected override IReadOnlyList<string> CrashWriterArguments => ["filesystem", EntriesPath];

    protected override async Task<IEntryBackend> OpenBackendAsync() =>
        await FileSystemBackend.OpenAsync(
            new FileSystemBackendOptions { Directory = EntriesPath, Time = _time });

    protected override Task PassTimeAsync(TimeSpan duration)
    {
        _time.Advance(duration);
        return Task.CompletedTask;
    }

    protected override async Task VerifyAfterCrashAsync(IEntryBackend reopened)
    {
        // The killed writer may have left a half-written temporary file; the sweep clears it.
        await ((FileSystemBackend)reopened).SweepAsync();

        Assert.Empty(Directory.GetFiles(EntriesPath, "*.tmp", SearchOption.AllDirectories));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }
}
