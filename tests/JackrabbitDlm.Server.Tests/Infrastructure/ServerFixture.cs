namespace JackrabbitDlm.Server.Tests.Infrastructure;

/// <summary>
/// One server with default options (loopback, port 0) shared by the tests of a class.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private TestServer? _server;

    internal TestServer Server => _server ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
