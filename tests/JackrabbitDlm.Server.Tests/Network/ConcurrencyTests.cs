using System.Globalization;
using System.Text.Json;
using JackrabbitDlm.Server.Tests.Infrastructure;

namespace JackrabbitDlm.Server.Tests.Network;

/// <summary>
/// Many clients fighting over one lock: never two holders, and fencing tokens only grow.
/// </summary>
public sealed class ConcurrencyTests : IClassFixture<ServerFixture>
{
    private const int Fighters = 32;
    private const int GrantsPerFighter = 8;
    private const int MaxAttempts = 5_000;
    private const string Key = "fight:one";

    private readonly TestServer _server;
    private int _holders;
    private long _lastToken;
    private int _grants;

    public ConcurrencyTests(ServerFixture fixture)
    {
        _server = fixture.Server;
    }

    [Fact]
    public async Task Lock_ManyClientsOnOneKey_OneHolderAtATimeAndTokensIncrease()
    {
        // Even fighters open a connection per request, as the original client does; odd ones
        // keep one connection open, so both paths of the server are in the fight.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var fighters = Enumerable.Range(0, Fighters).Select(i =>
            Task.Run(() => FightAsync($"fighter-{i}", keepAlive: i % 2 == 1, deadline.Token)));

        var violations = (await Task.WhenAll(fighters)).SelectMany(list => list).ToList();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        Assert.Equal(Fighters * GrantsPerFighter, _grants);
    }

    private async Task<List<string>> FightAsync(
        string owner,
        bool keepAlive,
        CancellationToken cancellationToken)
    {
        var violations = new List<string>();
        await using var client = new FightClient(_server, keepAlive);
        var granted = 0;
        for (var attempt = 0; attempt < MaxAttempts && granted < GrantsPerFighter; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var reply = await client.AskAsync(Wire.Request(owner, Key, "Lock", "30", client.Extra));
            if (reply.Status() != "Locked")
            {
                // Backing off gives every fighter its turn: the server promises no fairness.
                await Task.Delay(Random.Shared.Next(1, 3), cancellationToken);
                continue;
            }

            granted++;
            violations.AddRange(Hold(owner, reply!.Value));

            // Holding a moment widens the window in which a second grant would be caught.
            await Task.Delay(1, cancellationToken);
            Interlocked.Decrement(ref _holders);

            var unlock = await client.AskAsync(Wire.Request(owner, Key, "Unlock", "0", client.Extra));
            if (unlock.Status() != "Unlocked" || unlock.Id() != owner)
            {
                violations.Add($"{owner}: unlock answered {unlock}");
            }
        }

        if (granted < GrantsPerFighter)
        {
            violations.Add($"{owner}: only {granted} grants in {MaxAttempts} attempts");
        }

        return violations;
    }

    // Runs while the caller holds the lock: nobody else may, and its token is above every earlier
    // one.
    private IEnumerable<string> Hold(string owner, JsonElement reply)
    {
        Interlocked.Increment(ref _grants);
        if (Interlocked.Increment(ref _holders) != 1)
        {
            yield return $"{owner}: granted while another fighter held the lock";
        }

        var token = reply.GetProperty("Token").GetInt64();
        var previous = Interlocked.Exchange(ref _lastToken, token);
        if (token <= previous)
        {
            yield return string.Create(
                CultureInfo.InvariantCulture, $"{owner}: token {token} after {previous}");
        }
    }

    private sealed class FightClient(TestServer server, bool keepAlive) : IAsyncDisposable
    {
        private RawConnection? _connection;

        /// <summary>The extra JSON member of every request: KeepAlive, or none.</summary>
        public string? Extra => keepAlive ? Wire.KeepAlive : null;

        public async Task<JsonElement?> AskAsync(string json)
        {
            if (!keepAlive)
            {
                return await server.AskAsync(json);
            }

            _connection ??= await server.ConnectAsync();
            await _connection.SendRequestAsync(json);
            return await _connection.ReadReplyAsync();
        }

        public async ValueTask DisposeAsync()
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
        }
    }
}
