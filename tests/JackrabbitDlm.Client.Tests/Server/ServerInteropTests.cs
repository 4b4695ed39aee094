using JackrabbitDlm.Client.Tests.Infrastructure;
using JackrabbitDlm.Protocol.Encoding;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Client.Tests.Server;

/// <summary>Values crossing between the Locker and the async API, and custom encoders, on the real server.</summary>
public sealed class ServerInteropTests : IAsyncLifetime
{
    // Multi-byte, astral, control, quote and backslash characters: every kind the codec and JSON touch.
    private const string Awkward = "naïve café — 😀 \"quoted\" \\ back\nslash\ttab \u0001 end";

    private RealServer _server = null!;

    public async Task InitializeAsync() => _server = await RealServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Value_WrittenByLocker_ReadsBackExactlyThroughTheAsyncApi()
    {
        using var client = new DlmClient(_server.Options());
        using var locker = client.CreateLocker("job:state");

        Assert.Equal(DlmStatus.Done, locker.Put(TimeSpan.FromSeconds(30), Awkward).Status);
        var read = await client.GetAsync("job:state");

        Assert.Equal(Awkward, read);
    }

    [Fact]
    public async Task Value_WrittenByTheAsyncApi_ReadsBackExactlyThroughLocker()
    {
        using var client = new DlmClient(_server.Options(o => o.OwnerId = "shared-owner"));
        using var locker = new Locker("job:state", _server.Options(o => o.OwnerId = "shared-owner"));

        Assert.True(await client.PutAsync("job:state", Awkward, TimeSpan.FromSeconds(30)));
        var read = locker.Get();

        Assert.Equal(DlmStatus.Done, read.Status);
        Assert.Equal(Awkward, read.Value);
    }

    [Fact]
    public async Task Value_OnTheServer_IsTheClientEncodedForm()
    {
        // Read the stored text through a client whose decoder hands it back untouched: it must be
        // exactly what the original client's encoding makes of the value.
        using var writer = new DlmClient(_server.Options(o => o.OwnerId = "w"));
        using var raw = new DlmClient(_server.Options(o =>
        {
            o.OwnerId = "w";
            o.ValueDecoder = stored => stored;
        }));

        await writer.PutAsync("job:state", Awkward, TimeSpan.FromSeconds(30));

        Assert.Equal(DlmTextEncoding.EncodeText(Awkward), await raw.GetAsync("job:state"));
    }

    [Fact]
    public async Task CustomEncoderPair_RoundTripsThroughTheServer()
    {
        using var client = new DlmClient(_server.Options(o =>
        {
            o.ValueEncoder = value => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value));
            o.ValueDecoder = stored => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(stored));
        }));
        using var plain = new DlmClient(_server.Options(o =>
        {
            o.OwnerId = client.OwnerId;
            o.ValueDecoder = stored => stored;
        }));

        await client.PutAsync("job:state", Awkward, TimeSpan.FromSeconds(30));

        Assert.Equal(Awkward, await client.GetAsync("job:state"));
        Assert.Equal(
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Awkward)),
            await plain.GetAsync("job:state"));
    }

    [Fact]
    public async Task AsyncValues_EveryOutcome_MapsWithoutStatusWords()
    {
        using var owner = new DlmClient(_server.Options());
        using var other = new DlmClient(_server.Options());

        Assert.Null(await owner.GetAsync("job:state"));
        Assert.False(await owner.EraseAsync("job:state"));
        Assert.True(await owner.PutAsync("job:state", "v1", TimeSpan.FromSeconds(30)));
        Assert.False(await other.PutAsync("job:state", "v2", TimeSpan.FromSeconds(30)));
        Assert.Null(await other.GetAsync("job:state"));
        Assert.False(await other.EraseAsync("job:state"));
        Assert.Equal("v1", await owner.GetAsync("job:state"));
        Assert.True(await owner.EraseAsync("job:state"));
        Assert.Null(await owner.GetAsync("job:state"));
        Assert.StartsWith("JackrabbitDLM/", await owner.GetServerVersionAsync());
    }

    [Fact]
    public async Task PutAsync_OverTheAnonymousLimits_ThrowsRefused()
    {
        using var client = new DlmClient(_server.Options());

        var tooLarge = await Assert.ThrowsAsync<DlmRefusedException>(
            () => client.PutAsync("job:state", new string('x', 8193), TimeSpan.FromSeconds(30)));
        var tooLong = await Assert.ThrowsAsync<DlmRefusedException>(
            () => client.PutAsync("job:state", "v", TimeSpan.FromSeconds(3544)));

        Assert.Equal(DlmStatus.BadPayload, tooLarge.Status);
        Assert.Equal(DlmStatus.BadPayload, tooLong.Status);
    }
}
