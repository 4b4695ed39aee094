using JackrabbitDlm.Server.Tests.Infrastructure;

namespace JackrabbitDlm.Server.Tests.Network;

/// <summary>
/// One request per connection by default, as the original; <c>"KeepAlive": true</c> keeps the
/// connection open for the next line, and lines sent back to back are answered in order.
/// </summary>
public sealed class KeepAliveTests : IClassFixture<ServerFixture>
{
    private readonly TestServer _server;

    public KeepAliveTests(ServerFixture fixture)
    {
        _server = fixture.Server;
    }

    [Fact]
    public async Task KeepAlive_RequestsOneAtATime_AnsweredInOrderOnOneConnection()
    {
        await using var connection = await _server.ConnectAsync();
        const string Owner = "ka-1";
        var put = $"{Wire.Value("v")}, {Wire.KeepAlive}";
        List<string?> statuses =
        [
            await AskAsync(connection, Wire.Request(Owner, "ka:steps", "Lock", "30", Wire.KeepAlive)),
            await AskAsync(connection, Wire.Request(Owner, "ka:steps", "TestLock", "30", Wire.KeepAlive)),
            await AskAsync(connection, Wire.Request(Owner, "ka:steps:v", "Put", "30", put)),
            await AskAsync(connection, Wire.Request(Owner, "ka:steps:v", "Get", "0", Wire.KeepAlive)),
            await AskAsync(connection, Wire.Request(Owner, "ka:steps", "Unlock", "0")),
        ];

        Assert.Equal(["Locked", "Locked", "Done", "Done", "Unlocked"], statuses);
        Assert.Equal(0, await connection.ReadToCloseAsync());
    }

    [Fact]
    public async Task KeepAlive_LinesBackToBackInOneWrite_AnsweredInOrder()
    {
        await using var connection = await _server.ConnectAsync();
        var owners = Enumerable.Range(0, 6).Select(i => $"ka-burst-{i}").ToArray();

        // Each owner in turn tries the lock the first one took: the answers show the order.
        var lines = owners.Select((owner, i) => Wire.EncodeLine(
            Wire.Request(owner, "ka:burst", "Lock", "30", i < owners.Length - 1 ? Wire.KeepAlive : null)));
        await connection.SendAsync(string.Concat(lines));

        var replies = new List<string?>();
        for (var i = 0; i < owners.Length; i++)
        {
            var reply = await connection.ReadReplyAsync();
            replies.Add(reply.Status() == "Locked" ? reply.Id() : reply.Status());
        }

        Assert.Equal(["ka-burst-0", .. Enumerable.Repeat("NotOwner", owners.Length - 1)], replies);
        Assert.Equal(0, await connection.ReadToCloseAsync());
    }

    [Fact]
    public async Task NoKeepAlive_TwoLinesInOneWrite_OnlyFirstAnsweredThenClosed()
    {
        await using (var connection = await _server.ConnectAsync())
        {
            await connection.SendAsync(
                Wire.EncodeLine(Wire.Request("ka-2", "ka:first", "Lock", "30"))
                + Wire.EncodeLine(Wire.Request("ka-2", "ka:second", "Lock", "30")));

            Assert.Equal("Locked", (await connection.ReadReplyAsync()).Status());
            Assert.Equal(0, await connection.ReadToCloseAsync());
        }

        // The ignored second line took no lock.
        var test = await _server.AskAsync(Wire.Request("ka-other", "ka:second", "TestLock"));
        Assert.Equal("Unlocked", test.Status());
    }

    [Fact]
    public async Task KeepAliveFalse_Answered_ThenClosed()
    {
        await using var connection = await _server.ConnectAsync();
        await connection.SendRequestAsync(
            Wire.Request("ka-3", "ka:false", "Lock", "30", "\"KeepAlive\": false"));

        Assert.Equal("Locked", (await connection.ReadReplyAsync()).Status());
        Assert.Equal(0, await connection.ReadToCloseAsync());
    }

    [Fact]
    public async Task KeepAlive_UnreadableLineOnOpenConnection_BadPayloadThenClosed()
    {
        await using var connection = await _server.ConnectAsync();
        var first = await AskAsync(connection, Wire.Request("ka-4", "ka:bad", "Lock", "30", Wire.KeepAlive));
        Assert.Equal("Locked", first);

        var unlock = Wire.EncodeLine(Wire.Request("ka-4", "ka:bad", "Unlock", "0"));
        await connection.SendAsync("garbage\n" + unlock);

        Assert.Equal("BadPayload", (await connection.ReadReplyAsync()).Status());
        Assert.Equal(0, await connection.ReadToCloseAsync());
    }

    [Fact]
    public async Task KeepAlive_RefusedButReadableRequest_ConnectionStaysOpen()
    {
        await using var connection = await _server.ConnectAsync();

        // Over the anonymous TTL cap: refused, but the request was read, KeepAlive included.
        var refused = Wire.Request("ka-5", "ka:ttl", "Lock", "99999", Wire.KeepAlive);
        Assert.Equal("BadPayload", await AskAsync(connection, refused));
        Assert.Equal("Locked", await AskAsync(connection, Wire.Request("ka-5", "ka:ttl", "Lock", "30")));
        Assert.Equal(0, await connection.ReadToCloseAsync());
    }

    private static async Task<string?> AskAsync(RawConnection connection, string json)
    {
        await connection.SendRequestAsync(json);
        return (await connection.ReadReplyAsync()).Status();
    }
}
