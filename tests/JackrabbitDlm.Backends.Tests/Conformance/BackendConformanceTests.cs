using System.Text;
using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Rules;
using JackrabbitDlm.Protocol.Wire;
using Xunit.Abstractions;
using static JackrabbitDlm.Backends.Tests.Conformance.Commands;

namespace JackrabbitDlm.Backends.Tests.Conformance;

/// <summary>
/// Every rule of the action table (PROTOCOL.md sections 5, 7 and the fixes of section 9) that a
/// backend must keep, written once and run against every backend by a small derived class.
/// </summary>
public abstract partial class BackendConformanceTests : IAsyncLifetime
{
    protected const string Key = "job";
    protected const string Alice = "alice-owner-id";
    protected const string Bob = "bob-owner-id";

    private readonly List<IEntryBackend> _opened = [];

    protected BackendConformanceTests(ITestOutputHelper output) => Output = output;

    protected ITestOutputHelper Output { get; }

    /// <summary>The backend under test, opened before each test.</summary>
    protected IEntryBackend Backend { get; private set; } = null!;

    /// <summary>
    /// The TTL of expiry tests. Tests make time pass in fractions of it (0.6 and 1.2), so a
    /// backend on real time needs one long enough to outlast a slow round trip.
    /// </summary>
    protected virtual TimeSpan ShortTtl => TimeSpan.FromSeconds(10);

    public async Task InitializeAsync() => Backend = await OpenAsync();

    public virtual async Task DisposeAsync()
    {
        foreach (var backend in _opened)
        {
            await backend.DisposeAsync();
        }
    }

    /// <summary>Opens an instance of the backend on this test's store (file, directory or prefix).</summary>
    protected abstract Task<IEntryBackend> OpenBackendAsync();

    /// <summary>Lets <paramref name="duration"/> pass on the backend's clock.</summary>
    protected abstract Task PassTimeAsync(TimeSpan duration);

    /// <summary>Opens another instance on the same store; it is disposed after the test.</summary>
    protected async Task<IEntryBackend> OpenAsync()
    {
        var backend = await OpenBackendAsync();
        _opened.Add(backend);
        return backend;
    }

    /// <summary>Disposes an instance early, to reopen the store as a restarted server would.</summary>
    protected async Task CloseAsync(IEntryBackend backend)
    {
        _opened.Remove(backend);
        await backend.DisposeAsync();
    }

    protected Task<ActionResult> RunAsync(EntryCommand command, bool overloaded = false) =>
        RunAsync(Backend, command, overloaded);

    protected static async Task<ActionResult> RunAsync(
        IEntryBackend backend, EntryCommand command, bool overloaded = false) =>
        await backend.ExecuteAsync(command, overloaded, CancellationToken.None);

    protected async Task<ActionResult> ExpectAsync(
        ActionOutcome expected, EntryCommand command, bool overloaded = false)
    {
        var result = await RunAsync(command, overloaded);
        Assert.Equal(expected, result.Outcome);
        return result;
    }

    private Task PassFractionAsync(double fraction) => PassTimeAsync(ShortTtl * fraction);

    /// <summary>
    /// Fighters take turns over one key through the given instances: lock, count themselves in as
    /// holder, check they are alone and that the token grew, count out, unlock.
    /// </summary>
    protected static async Task<FightResult> FightAsync(
        IReadOnlyList<IEntryBackend> instances, int fighters, int roundsEach)
    {
        var holders = 0;
        var violations = 0;
        var grants = 0;
        var lastToken = 0L;

        await Task.WhenAll(Enumerable.Range(0, fighters).Select(fighter => Task.Run(async () =>
        {
            var owner = $"fighter-{fighter}";
            var backend = instances[fighter % instances.Count];
            for (var round = 0; round < roundsEach; round++)
            {
                var result = await RunAsync(backend, Lock("contested", owner));
                if (result.Outcome != ActionOutcome.Locked)
                {
                    Assert.Equal(ActionOutcome.NotOwner, result.Outcome);
                    await Task.Yield();
                    continue;
                }

                if (Interlocked.Increment(ref holders) != 1)
                {
                    Interlocked.Increment(ref violations);
                }

                // Only the sole holder touches lastToken, so reading it here is safe when the
                // backend is correct; a second holder shows up in violations anyway.
                if (result.Token <= Volatile.Read(ref lastToken))
                {
                    Interlocked.Increment(ref violations);
                }

                Volatile.Write(ref lastToken, result.Token);
                Interlocked.Increment(ref grants);
                await Task.Yield();
                Interlocked.Decrement(ref holders);
                var unlocked = await RunAsync(backend, Unlock("contested", owner));
                Assert.Equal(ActionOutcome.Unlocked, unlocked.Outcome);
            }
        })));

        return new FightResult(grants, violations);
    }

    private static IEnumerable<DlmAction> EntryActions =>
    [
        DlmAction.Lock, DlmAction.Unlock, DlmAction.TestLock, DlmAction.Get, DlmAction.Put, DlmAction.Erase,
    ];

    /// <summary>A value of <paramref name="bytes"/> UTF-8 bytes, of one- to four-byte characters.</summary>
    protected static Engine.Entries.EntryValue LargeValue(int bytes)
    {
        var text = new StringBuilder();
        var pieces = new[] { "abc", "é", "€", "🔒" };
        var size = 0;
        for (var i = 0; size < bytes; i++)
        {
            var piece = pieces[i % pieces.Length];
            var pieceBytes = Encoding.UTF8.GetByteCount(piece);
            if (size + pieceBytes > bytes)
            {
                piece = new string('x', bytes - size);
                pieceBytes = piece.Length;
            }

            text.Append(piece);
            size += pieceBytes;
        }

        return Value(text.ToString());
    }

    /// <summary>What a fight saw.</summary>
    /// <param name="Grants">How many times a fighter got the lock.</param>
    /// <param name="Violations">Grants while another fighter held the lock, or without a larger token.</param>
    protected readonly record struct FightResult(int Grants, int Violations);
}
