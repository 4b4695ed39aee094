using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.LoadBench.Load;

/// <summary>
/// One kind of traffic: what each load slot sends per iteration. Request lines are encoded once
/// per slot before the run, so the generator's own cost is only sockets and reply reading.
/// </summary>
internal sealed class Workload
{
    private readonly Func<int, bool, SlotLines> _linesForSlot;

    private Workload(string name, Func<int, bool, SlotLines> linesForSlot)
    {
        Name = name;
        _linesForSlot = linesForSlot;
    }

    public string Name { get; }

    /// <summary>Every slot locks and unlocks its own name.</summary>
    public static Workload LockUnlock(string runId) => new(
        "lock+unlock, own name",
        (slot, keepAlive) => new SlotLines(
            Line(Owner(runId, slot), $"{runId}:u:{slot}", DlmAction.Lock, 30, null, keepAlive),
            Line(Owner(runId, slot), $"{runId}:u:{slot}", DlmAction.Unlock, 0, null, keepAlive)));

    /// <summary>
    /// All slots fight over one name: each sends Lock then Unlock, so most requests meet a
    /// lock held by someone else and are answered NotOwner, as in a real fight.
    /// </summary>
    public static Workload OneName(string runId) => new(
        "lock+unlock, one name",
        (slot, keepAlive) => new SlotLines(
            Line(Owner(runId, slot), $"{runId}:one", DlmAction.Lock, 30, null, keepAlive),
            Line(Owner(runId, slot), $"{runId}:one", DlmAction.Unlock, 0, null, keepAlive)));

    /// <summary>Every slot puts then gets a value of <paramref name="length"/> characters under its own name.</summary>
    public static Workload PutGet(
        string runId, string label, int length, double ttlSeconds, BenchIdentity? identity) => new(
        label,
        (slot, keepAlive) =>
        {
            var value = new string('a', length);
            var key = $"{runId}:v{length}:{slot}";
            return new SlotLines(
                Line(Owner(runId, slot), key, DlmAction.Put, ttlSeconds, value, keepAlive, identity),
                Line(Owner(runId, slot), key, DlmAction.Get, 0, null, keepAlive, identity));
        });

    /// <summary>The lines slot <paramref name="slot"/> sends.</summary>
    public SlotLines LinesFor(int slot, bool keepAlive) => _linesForSlot(slot, keepAlive);

    private static string Owner(string runId, int slot) => $"{runId}-{slot}".PadRight(64, 'o');

    private static byte[] Line(
        string owner, string key, DlmAction action, double ttl, string? value, bool keepAlive,
        BenchIdentity? identity = null) =>
        RequestLine.Build(owner, key, action, ttl, value, identity?.Name, identity?.Secret, keepAlive);
}

/// <summary>The two request lines of one iteration.</summary>
internal sealed record SlotLines(byte[] First, byte[] Second);

/// <summary>An identity the benchmark creates in the server's base directory.</summary>
internal sealed record BenchIdentity(string Name, string Secret);
