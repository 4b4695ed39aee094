using JackrabbitDlm.Backends.Sqlite;
using JackrabbitDlm.Backends.Tests.Conformance;
using JackrabbitDlm.Engine.Backends;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace JackrabbitDlm.Backends.Tests.Sqlite;

/// <summary>The SQLite backend against the conformance suite: a real database file, a fake clock.</summary>
public sealed class SqliteBackendConformanceTests : SharedBackendConformanceTests
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    public SqliteBackendConformanceTests(ITestOutputHelper output)
        : base(output)
    {
    }

    private string DatabasePath => _directory.File("entries.db");

    protected override IReadOnlyList<string> CrashWriterArguments => ["sqlite", DatabasePath];

    protected override async Task<IEntryBackend> OpenBackendAsync() =>
        await SqliteBackend.OpenAsync(new SqliteBackendOptions { Path = DatabasePath, Time = _time });

    protected override Task PassTimeAsync(TimeSpan duration)
    {
        _time.Advance(duration);
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }
}
