using System.Net;
using System.Net.Sockets;

namespace JackrabbitDlm.Client.Tests.Infrastructure;

internal static class FreePort
{
    /// <summary>A loopback port nothing listens on right now: the system picks it, then it is let go.</summary>
    public static int Reserve()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
