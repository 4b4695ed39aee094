using System.Net.Sockets;
using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Server.Tests.Infrastructure;

namespace JackrabbitDlm.Server.Tests.Hosting;

/// <summary>
/// Stopping: no new connections, requests in flight finish, a last statistics line.
/// </summary>
public sealed class GracefulStopTests
{
    [Fact]
    public async Task Stop_RequestInFlight_CompletesAndFinalStatisticsWritten()
    {
        GatedBackend? backend = null;
        await using var server = await TestServer.StartAsync(services: services =>
            services with { Backend = backend = new GatedBackend(services.Counters) });
        await using var connection = await server.ConnectAsync();
        await connection.SendRequestAsync(Wire.Request("stop-1", "stop:inflight", "Lock"));
        await backend!.Entered.WaitAsync(TimeSpan.FromSeconds(10));

        var stopping = server.Server.StopAsync();

        // No new connections once stopping, while the request above is still being answered.
        Assert.True(await Eventually.TrueAsync(() => !CanConnect(server)));
        Assert.False(stopping.IsCompleted);
        backend.Open();
        Assert.Equal("Locked", (await connection.ReadReplyAsync()).Status());
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        var last = server.EventLog.Statistics[^1];
        Assert.Equal(1, last["In"]);
        Assert.Equal(1, last["Out"]);
        Assert.Equal(1, last["ALock"]);
    }

    [Fact]
    public async Task Stop_ConnectionWaitingForRequest_ClosedAtOnce()
    {
        await using var server = await TestServer.StartAsync(options =>
            options with { ShutdownGrace = TimeSpan.FromMinutes(5) });
        await using var connection = await server.ConnectAsync();

        // Part of a line: on Linux a connection is handed to the server with its first bytes.
        await connection.SendAsync(Wire.EncodeLine(Wire.Request("stop-1", "stop:waiting", "Lock"))[..8]);
        Assert.True(await Eventually.TrueAsync(() => server.Server.OpenConnections == 1));

        // The grace is minutes long: the stop finishing here shows it did not wait for this one.
        await server.Server.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, await connection.ReadToCloseAsync());
        Assert.Equal(0, server.Counters.Get(Counter.Idle));
    }

    [Fact]
    public async Task Stop_RequestStuckPastGrace_ConnectionClosedAndStopEnds()
    {
        GatedBackend? backend = null;
        await using var server = await TestServer.StartAsync(
            options => options with { ShutdownGrace = TimeSpan.FromMilliseconds(200) },
            services => services with { Backend = backend = new GatedBackend(services.Counters) });
        await using var connection = await server.ConnectAsync();
        await connection.SendRequestAsync(Wire.Request("stop-2", "stop:stuck", "Lock"));
        await backend!.Entered.WaitAsync(TimeSpan.FromSeconds(10));

        await server.Server.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(await connection.ReadLineAsync());
        Assert.Equal(0, server.Server.OpenConnections);
    }

    [Fact]
    public async Task Stop_CalledTwice_SameStop()
    {
        await using var server = await TestServer.StartAsync();

        var first = server.Server.StopAsync();
        var second = server.Server.StopAsync();

        Assert.Same(first, second);
        await first.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Single(server.EventLog.Statistics);
    }

    private static bool CanConnect(TestServer server)
    {
        try
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.Connect(server.EndPoint);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
