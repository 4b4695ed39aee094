using System.Globalization;
using System.Net;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Backends.Tests.Servers;

/// <summary>
/// Clients spread over several servers take one lock in turn and, while holding it, read a
/// counter value and write it back one higher. Any second holder shows up three ways: two
/// clients inside at once, a fencing token not above the one before, and a lost increment.
/// </summary>
internal sealed class CounterFight
{
    public const string LockKey = "fight";
    public const string CounterKey = "fight:counter";

    /// <summary>The counter value's one owner, so whoever holds the lock may change it.</summary>
    public const string CounterOwner = "fight-counter";

    // Far longer than any turn takes, even on a loaded machine: by the rules an expired lock is
    // free to take, which this test would count as a second holder.
    private const double LockTtlSeconds = 120;
    private const double CounterTtlSeconds = 900;

    private readonly IReadOnlyList<IPEndPoint> _servers;
    private readonly CancellationToken _stop;
    private readonly Lock _gate = new();
    private int _holders;
    private int _violations;
    private int _grants;
    private int _refusals;
    private long _lastToken;

    private CounterFight(IReadOnlyList<IPEndPoint> servers, CancellationToken stop)
    {
        _servers = servers;
        _stop = stop;
    }

    /// <summary>
    /// Runs <paramref name="clients"/> clients to <paramref name="incrementsEach"/> increments
    /// each. Client <c>n</c> locks through server <c>n % count</c> and reads and writes the
    /// counter through the next one.
    /// </summary>
    /// <exception cref="OperationCanceledException">
    /// Not done within <paramref name="timeLimit"/>.
    /// </exception>
    /// <exception cref="InvalidOperationException">
    /// A server answered with an unexpected status.
    /// </exception>
    public static async Task<CounterFightResult> RunAsync(
        IReadOnlyList<IPEndPoint> servers, int clients, int incrementsEach, TimeSpan timeLimit)
    {
        using var deadline = new CancellationTokenSource(timeLimit);
        var fight = new CounterFight(servers, deadline.Token);
        await Task.WhenAll(Enumerable.Range(0, clients)
            .Select(client => Task.Run(() => fight.ClientAsync(client, incrementsEach))));

        var counts = new List<int>();
        foreach (var server in servers)
        {
            counts.Add(await fight.ReadCounterAsync(server));
        }

        return new CounterFightResult(fight._grants, fight._violations, fight._refusals, counts);
    }

    private async Task ClientAsync(int client, int increments)
    {
        var owner = $"fighter-{client}";
        var lockServer = _servers[client % _servers.Count];
        var valueServer = _servers[(client + 1) % _servers.Count];
        var random = new Random(client);
        var done = 0;
        while (done < increments)
        {
            var locked = await DlmWire.SendAsync(
                lockServer, DlmAction.Lock, LockKey, owner, ttlSeconds: LockTtlSeconds);
            if (locked.Status != DlmStatus.Locked)
            {
                Expect(locked, DlmStatus.NotOwner, DlmStatus.NO);
                Interlocked.Increment(ref _refusals);
                await Task.Delay(random.Next(2, 20), _stop);
                continue;
            }

            Enter(locked.Token);
            var count = await ReadCounterAsync(valueServer);
            var next = (count + 1).ToString(CultureInfo.InvariantCulture);
            await SendUntilAnsweredAsync(
                valueServer, DlmAction.Put, CounterKey, CounterOwner, next, CounterTtlSeconds,
                DlmStatus.Done);
            Interlocked.Decrement(ref _holders);
            await SendUntilAnsweredAsync(
                lockServer, DlmAction.Unlock, LockKey, owner, null, 0, DlmStatus.Unlocked);
            done++;
        }
    }

    private void Enter(long? token)
    {
        if (Interlocked.Increment(ref _holders) != 1)
        {
            Interlocked.Increment(ref _violations);
        }

        lock (_gate)
        {
            _grants++;
            if (token is not { } granted || granted <= _lastToken)
            {
                _violations++;
                return;
            }

            _lastToken = granted;
        }
    }

    private async Task<int> ReadCounterAsync(IPEndPoint server)
    {
        var reply = await SendUntilAnsweredAsync(
            server, DlmAction.Get, CounterKey, CounterOwner, null, 0,
            DlmStatus.Done, DlmStatus.NotFound);
        return reply.Status == DlmStatus.NotFound
            ? 0
            : int.Parse(reply.Value!, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    // NO means the store was busy or away and nothing changed, so asking again is safe.
    private async Task<DlmReply> SendUntilAnsweredAsync(
        IPEndPoint server,
        DlmAction action,
        string key,
        string owner,
        string? value,
        double ttlSeconds,
        params DlmStatus[] expected)
    {
        while (true)
        {
            var reply = await DlmWire.SendAsync(server, action, key, owner, value, ttlSeconds);
            if (reply.Status != DlmStatus.NO)
            {
                Expect(reply, expected);
                return reply;
            }

            await Task.Delay(10, _stop);
        }
    }

    private static void Expect(DlmReply reply, params DlmStatus[] expected)
    {
        if (reply.Status is not { } status || !expected.Contains(status))
        {
            throw new InvalidOperationException(
                $"Answered {reply.StatusWord}, expected {string.Join(" or ", expected)}");
        }
    }
}
