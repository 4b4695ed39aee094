using JackrabbitDlm.Backends.Tests.Conformance;
using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Memory;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace JackrabbitDlm.Backends.Tests.Memory;

/// <summary>The reference backend against the conformance suite, on a fake clock.</summary>
public sealed class MemoryBackendConformanceTests : BackendConformanceTests
{
    private readonly FakeTimeProvider _time = new();

    public MemoryBackendConformanceTests(ITestOutputHelper output)
        : base(output)
    {
    }

    protected override Task<IEntryBackend> OpenBackendAsync() =>
        Task.FromResult<IEntryBackend>(new MemoryBackend(new MemoryBackendOptions { Time = _time }));

    protected override Task PassTimeAsync(TimeSpan duration)
    {
        _time.Advance(duration);
        return Task.CompletedTask;
    }
}
