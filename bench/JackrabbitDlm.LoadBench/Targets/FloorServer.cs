using System.Diagnostics;
using System.Net;

namespace JackrabbitDlm.LoadBench.Targets;

/// <summary>
/// The minimal C server of bench/floor (or another floor source given on the command line),
/// compiled with gcc -O2 and started on a free loopback port.
/// </summary>
internal sealed class FloorServer : IDisposable
{
    private readonly ChildProcess _process;
    private readonly string _buildDirectory;

    private FloorServer(ChildProcess process, IPEndPoint endpoint, string buildDirectory)
    {
        _process = process;
        Endpoint = endpoint;
        _buildDirectory = buildDirectory;
    }

    public IPEndPoint Endpoint { get; }

    public static async Task<FloorServer> StartAsync(string source)
    {
        var buildDirectory = Directory.CreateTempSubdirectory("jrdlm-floor-").FullName;
        var binary = Path.Combine(buildDirectory, "floor");
        using (var gcc = Process.Start("gcc", ["-O2", "-o", binary, source]))
        {
            await gcc.WaitForExitAsync();
            if (gcc.ExitCode != 0)
            {
                throw new InvalidOperationException($"gcc could not build {source}");
            }
        }

        var port = ChildProcess.FreePort();
        var process = ChildProcess.Start(binary, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ChildProcess.WaitForPortAsync(port, TimeSpan.FromSeconds(10));
        return new FloorServer(process, new IPEndPoint(IPAddress.Loopback, port), buildDirectory);
    }

    public void Dispose()
    {
        _process.Dispose();
        Directory.Delete(_buildDirectory, recursive: true);
    }
}
