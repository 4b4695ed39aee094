using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Memory;
using JackrabbitDlm.Engine.Rules;
using JackrabbitDlm.Engine.Statistics;

namespace JackrabbitDlm.Server.Tests.Infrastructure;

/// <summary>
/// The memory backend behind a gate: each command waits until the test opens the gate, so a
/// request can be held in flight for as long as a test needs.
/// </summary>
internal sealed class GatedBackend : IEntryBackend
{
    private const TaskCreationOptions Asynchronously = TaskCreationOptions.RunContinuationsAsynchronously;

    private readonly MemoryBackend _inner;
    private readonly TaskCompletionSource _open = new(Asynchronously);
    private readonly TaskCompletionSource _entered = new(Asynchronously);

    public GatedBackend(CounterSet counters)
    {
        _inner = new MemoryBackend(new MemoryBackendOptions { Counters = counters });
    }

    public string Name => "gated memory";

    /// <summary>Completes when the first command reaches the gate.</summary>
    public Task Entered => _entered.Task;

    public void Open() => _open.TrySetResult();

    public async ValueTask<ActionResult> ExecuteAsync(
        EntryCommand command,
        bool overloaded,
        CancellationToken cancellationToken)
    {
        _entered.TrySetResult();
        await _open.Task.WaitAsync(cancellationToken);
        return await _inner.ExecuteAsync(command, overloaded, cancellationToken);
    }

    public EntryCounts CountEntries() => _inner.CountEntries();

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
