using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Entries;
using JackrabbitDlm.Engine.Memory;
using JackrabbitDlm.Engine.Rules;
using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Engine.Tokens;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Tests.Infrastructure;

internal static class TestBackends
{
    /// <summary>
    /// A memory backend on a fake clock. Without a sweep interval its timer never fires, so
    /// expired entries leave only when a request meets them or a test calls Sweep.
    /// </summary>
    public static MemoryBackend Memory(
        FakeTimeProvider clock,
        CounterSet? counters = null,
        ITokenReservationStore? tokens = null,
        TimeSpan? sweepInterval = null)
    {
        return new MemoryBackend(new MemoryBackendOptions
        {
            Time = clock,
            Counters = counters ?? new CounterSet(),
            TokenReservations = tokens ?? new VolatileTokenReservations(),
            SweepInterval = sweepInterval ?? Timeout.InfiniteTimeSpan,
        });
    }

    public static async Task<ActionResult> RunAsync(
        this IEntryBackend backend,
        DlmAction action,
        OwnerId owner,
        double ttlSeconds = 30,
        string? value = null,
        IdentityStamp? identity = null,
        string key = Commands.Key,
        bool overloaded = false)
    {
        var command = Commands.Make(action, owner, ttlSeconds, value, identity, key);
        return await backend.ExecuteAsync(command, overloaded, CancellationToken.None);
    }

    /// <summary>Runs a command of 30 seconds' TTL and returns only its outcome.</summary>
    public static async Task<ActionOutcome> OutcomeAsync(
        this IEntryBackend backend,
        DlmAction action,
        OwnerId owner,
        string key = Commands.Key,
        IdentityStamp? identity = null)
    {
        return (await backend.RunAsync(action, owner, identity: identity, key: key)).Outcome;
    }
}
