using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Server.Tests.Infrastructure;

namespace JackrabbitDlm.Server.Tests.Network;

/// <summary>
/// Section 9: connections that never complete a line time out, the number of open connections is
/// capped, and a line over the size cap closes its connection; the server keeps serving others.
/// </summary>
public sealed class ConnectionLimitTests
{
    private static readonly TimeSpan ShortIdle = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task Idle_SilentConnection_ClosedAndCounted()
    {
        await using var server = await StartAsync(idleTimeout: ShortIdle);
        await using var connection = await server.ConnectAsync();

        Assert.Equal(0, await connection.ReadToCloseAsync());
        Assert.True(await Eventually.TrueAsync(() => server.Counters.Get(Counter.Idle) == 1));
        Assert.True(await server.IsServingAsync());
    }

    [Fact]
    public async Task DeferAccept_SilentConnection_ReachesTheServerOnlyWithItsFirstBytes()
    {
        await using var server = await StartAsync();
        await using var connection = await server.ConnectAsync();
        if (!OperatingSystem.IsLinux())
        {
            // Elsewhere the listener takes every connection at once.
            Assert.True(await Eventually.TrueAsync(() => server.Server.OpenConnections == 1));
            return;
        }

        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(0, server.Server.OpenConnections);
        Assert.Equal(0, server.Counters.Get(Counter.Connections));

        await connection.SendAsync(Wire.EncodeLine(Wire.Request("defer-1", "defer:1", "Lock"))[..4]);

        Assert.True(await Eventually.TrueAsync(() => server.Server.OpenConnections == 1));
    }

    [Fact]
    public async Task Idle_LineSentWithoutNewline_ClosedWithoutReply()
    {
        await using var server = await StartAsync(idleTimeout: ShortIdle);
        await using var connection = await server.ConnectAsync();

        var line = Wire.EncodeLine(Wire.Request("idle-1", "idle:partial", "Lock"));
        await connection.SendAsync(line[..^1]);

        Assert.Equal(0, await connection.ReadToCloseAsync());
        Assert.True(await Eventually.TrueAsync(() => server.Counters.Get(Counter.Idle) == 1));
        var test = await server.AskAsync(Wire.Request("idle-2", "idle:partial", "TestLock"));
        Assert.Equal("Unlocked", test.Status());
    }

    [Fact]
    public async Task Idle_KeptAliveConnectionAfterReply_Closed()
    {
        await using var server = await StartAsync(idleTimeout: ShortIdle);
        await using var connection = await server.ConnectAsync();
        await connection.SendRequestAsync(Wire.Request("idle-3", "idle:ka", "Lock", "30", Wire.KeepAlive));

        Assert.Equal("Locked", (await connection.ReadReplyAsync()).Status());
        Assert.Equal(0, await connection.ReadToCloseAsync());
        Assert.True(await Eventually.TrueAsync(() => server.Counters.Get(Counter.Idle) == 1));
    }

    [Fact]
    public async Task HalfClose_WithoutNewline_ClosedWithoutReplyAsBadConnection()
    {
        await using var server = await TestServer.StartAsync();
        await using var connection = await server.ConnectAsync();
        await connection.SendAsync(Wire.EncodeLine(Wire.Request("half-1", "half:1", "Lock"))[..^1]);

        connection.ShutdownSend();

        Assert.Null(await connection.ReadLineAsync());
        Assert.True(await Eventually.TrueAsync(() => server.Counters.Get(Counter.BadConn) == 1));
        var test = await server.AskAsync(Wire.Request("half-2", "half:1", "TestLock"));
        Assert.Equal("Unlocked", test.Status());
    }

    [Fact]
    public async Task Cap_AllSlotsTaken_NewConnectionClosedWhileOthersServed()
    {
        await using var server = await StartAsync(maxConnections: 2);
        await using var first = await server.ConnectAsync();
        await using var second = await server.ConnectAsync();
        Assert.Equal("Locked", await AskKeptAliveAsync(first, "cap-1"));
        Assert.Equal("Locked", await AskKeptAliveAsync(second, "cap-2"));

        await using (var refused = await server.ConnectAsync())
        {
            await refused.SendRequestAsync(Wire.Request("cap-3", "cap:3", "Lock"));
            Assert.Null(await refused.ReadLineAsync());
        }

        Assert.Equal(1, server.Counters.Get(Counter.BadConn));
        Assert.Equal("Locked", await AskKeptAliveAsync(first, "cap-1"));
        Assert.Equal("Locked", await AskKeptAliveAsync(second, "cap-2"));

        // A slot freed is a slot for the next client.
        await first.DisposeAsync();
        Assert.True(await Eventually.TrueAsync(() => server.Server.OpenConnections == 1));
        Assert.True(await server.IsServingAsync());
    }

    [Fact]
    public async Task Cap_LineExactlyAtSizeCap_Answered()
    {
        const int Cap = 4096;
        await using var server = await StartAsync(maxRequestBytes: Cap);

        // Encoding doubles the length: a JSON text of Cap / 2 bytes makes a line of exactly Cap.
        var shell = Wire.Request("cap-owner", "cap:size", "Lock", "30", "\"Pad\": \"\"");
        var json = shell.Insert(shell.Length - 2, new string('x', (Cap / 2) - shell.Length));
        var line = Wire.EncodeLine(json);
        Assert.Equal(Cap + 1, line.Length);

        Assert.Equal("Locked", (await server.AskRawAsync(line)).Status());
        Assert.Equal("BadPayload", (await server.AskRawAsync(Garbage(Cap) + "\n")).Status());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Cap_LineOverSizeCap_ClosedWithoutReplyAndCounted(bool withNewline)
    {
        const int Cap = 4096;
        await using var server = await StartAsync(maxRequestBytes: Cap);
        await using var connection = await server.ConnectAsync();

        await connection.SendAsync(Garbage(Cap + 1) + (withNewline ? "\n" : ""));

        Assert.Null(await connection.ReadLineAsync());
        Assert.True(await Eventually.TrueAsync(() => server.Counters.Get(Counter.DataOverrun) is 1));
        Assert.True(await server.IsServingAsync());
    }

    [Fact]
    public async Task Budget_ManyLongLinesAtOnce_SomeClosedAndMemoryComesBack()
    {
        // 48 connections each holding 60 KiB of one line: more than the 32 lines at the cap
        // that all connections together may hold.
        const int Cap = 64 * 1024;
        await using var server = await StartAsync(maxRequestBytes: Cap);
        var almostFull = new string('a', 60 * 1024);
        var connections = new List<RawConnection>();
        for (var i = 0; i < 48; i++)
        {
            var connection = await server.ConnectAsync();
            connections.Add(connection);
            await connection.SendAsync(almostFull);
        }

        Assert.True(await Eventually.TrueAsync(() => server.Counters.Get(Counter.DataOverrun) > 0));
        Assert.True(await server.IsServingAsync());
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        // Once those connections are gone, a long line fits again.
        Assert.True(await Eventually.TrueAsync(() => server.Server.OpenConnections == 0));
        Assert.Equal("BadPayload", (await server.AskRawAsync(almostFull + "\n")).Status());
    }

    [Fact]
    public async Task Framing_LineSplitOverManyWrites_AnsweredWhenNewlineArrives()
    {
        await using var server = await TestServer.StartAsync();
        await using var connection = await server.ConnectAsync();
        var line = Wire.EncodeLine(Wire.Request("split-1", "split:1", "Lock"));

        foreach (var piece in line.Chunk(7))
        {
            await connection.SendAsync(new string(piece));
            await Task.Delay(5);
        }

        Assert.Equal("Locked", (await connection.ReadReplyAsync()).Status());
    }

    private static Task<TestServer> StartAsync(
        TimeSpan? idleTimeout = null,
        int? maxRequestBytes = null,
        int? maxConnections = null) => TestServer.StartAsync(options => options with
        {
            IdleTimeout = idleTimeout ?? options.IdleTimeout,
            MaxRequestBytes = maxRequestBytes ?? options.MaxRequestBytes,
            MaxConnections = maxConnections ?? options.MaxConnections,
        });

    private static async Task<string?> AskKeptAliveAsync(RawConnection connection, string owner)
    {
        await connection.SendRequestAsync(Wire.Request(owner, $"cap:{owner}", "Lock", "30", Wire.KeepAlive));
        return (await connection.ReadReplyAsync()).Status();
    }

    private static string Garbage(int length) => string.Concat(Enumerable.Repeat("1a", (length / 2) + 1))[..length];
}
