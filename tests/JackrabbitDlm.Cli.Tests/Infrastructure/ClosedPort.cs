using System.Net;
using System.Net.Sockets;

namespace JackrabbitDlm.Cli.Tests.Infrastructure;

/// <summary>A loopback port nothing listens on: taken from the system, then given back.</summary>
internal static class ClosedPort
{
    public static string Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
