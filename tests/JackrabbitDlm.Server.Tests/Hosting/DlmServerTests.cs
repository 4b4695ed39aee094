using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using JackrabbitDlm.Server.Hosting;
using JackrabbitDlm.Server.Options;
using JackrabbitDlm.Server.Tests.Infrastructure;

namespace JackrabbitDlm.Server.Tests.Hosting;

/// <summary>
/// Starting a server: its event log's first line, its version, its statistics timer.
/// </summary>
public sealed partial class DlmServerTests
{
    [Fact]
    public async Task Start_PortZero_BindsAFreePortAndWritesVersionLineFirst()
    {
        await using var server = await TestServer.StartAsync();

        Assert.Equal(IPAddress.Loopback, server.EndPoint.Address);
        Assert.NotEqual(0, server.EndPoint.Port);
        Assert.Equal($"Jackrabbit DLM {ServerVersion.Current}", server.EventLog.Lines[0]);
    }

    [Fact]
    public async Task Version_Request_AnswersProductAndReleaseNumber()
    {
        await using var server = await TestServer.StartAsync();

        var reply = await server.AskAsync(Wire.Request("v", "v", "Version", "0"));

        Assert.Equal("Version", reply.Status());
        Assert.Equal($"JackrabbitDLM/{ServerVersion.Current}", reply.Id());
        Assert.Matches(ReleaseNumber(), ServerVersion.Current);
    }

    [Fact]
    public async Task Statistics_ShortInterval_LinesWithEntryGauges()
    {
        await using var server = await TestServer.StartAsync(
            options => options with { StatisticsInterval = TimeSpan.FromMilliseconds(50) });
        await server.AskAsync(Wire.Request("stats", "stats:lock", "Lock"));
        await server.AskAsync(Wire.Request("stats", "stats:value", "Put", "30", Wire.Value("v")));

        Assert.True(await Eventually.TrueAsync(() => server.EventLog.Statistics.Any(line =>
            line.GetValueOrDefault("ALock") == 1 && line.GetValueOrDefault("AData") == 1
            && line.GetValueOrDefault("Connections") >= 2)));
    }

    [Fact]
    public async Task Start_PortInUse_ThrowsAndStopsCleanly()
    {
        await using var first = await TestServer.StartAsync();
        var taken = first.EndPoint.Port;

        await using var second = new DlmServer(
            new DlmServerOptions
            {
                Host = "127.0.0.1",
                Port = taken,
                BaseDirectory = first.BaseDirectory,
            },
            new ServerServices
            {
                EventLog = new RecordingEventLog(),
                Quarantine = new RecordingQuarantine(),
                Identities = EmptyIdentityStore.Instance,
            });

        var error = await Assert.ThrowsAsync<SocketException>(() => second.StartAsync());
        Assert.Equal(SocketError.AddressAlreadyInUse, error.SocketErrorCode);
        Assert.True(await first.IsServingAsync());
    }

    [Fact]
    public void Create_InvalidOptions_ThrowsNamingEachProblem()
    {
        var options = new DlmServerOptions { Port = 70000, MaxConnections = 0 };
        var services = new ServerServices
        {
            EventLog = new RecordingEventLog(),
            Quarantine = new RecordingQuarantine(),
            Identities = EmptyIdentityStore.Instance,
        };

        var error = Assert.Throws<ArgumentException>(() => new DlmServer(options, services));

        Assert.Contains(ServerSettings.Port.Describe(), error.Message, StringComparison.Ordinal);
        Assert.Contains(ServerSettings.MaxConnections.Describe(), error.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex ReleaseNumber();
}
