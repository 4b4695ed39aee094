using System.Net;

namespace JackrabbitDlm.LoadBench.Targets;

/// <summary>jrdlm serve, started from the build output beside the benchmark, in its own base directory.</summary>
internal sealed class JrdlmServer : IDisposable
{
    private readonly ChildProcess _process;

    private JrdlmServer(ChildProcess process, IPEndPoint endpoint, string baseDirectory)
    {
        _process = process;
        Endpoint = endpoint;
        BaseDirectory = baseDirectory;
    }

    public IPEndPoint Endpoint { get; }

    public string BaseDirectory { get; }

    public long ResidentBytes() => _process.ResidentBytes();

    /// <summary>Starts a server; <paramref name="identity"/> is written to its Config/ first.</summary>
    /// <param name="identity">An identity to create, or null.</param>
    /// <param name="extraArguments">More options for jrdlm serve, e.g. a backend.</param>
    public static async Task<JrdlmServer> StartAsync(Load.BenchIdentity? identity, params string[] extraArguments)
    {
        var baseDirectory = Directory.CreateTempSubdirectory("jrdlm-bench-").FullName;
        if (identity is not null)
        {
            Directory.CreateDirectory(Path.Combine(baseDirectory, "Config"));
            await File.WriteAllTextAsync(
                Path.Combine(baseDirectory, "Config", identity.Name + ".cfg"),
                $$"""{"Identity": "{{identity.Secret}}", "MaxSize": 1048576}""");
        }

        var dll = Path.Combine(AppContext.BaseDirectory, "jrdlm.dll");
        var process = ChildProcess.Start(
            "dotnet",
            [dll, "serve", "--host", "127.0.0.1", "--port", "0", "--base", baseDirectory, "--max-connections", "20000",
                .. extraArguments]);
        var first = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))
            ?? throw new InvalidOperationException("jrdlm serve printed nothing");
        const string prefix = "listening on ";
        if (!first.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"unexpected first line from jrdlm serve: {first}");
        }

        return new JrdlmServer(process, IPEndPoint.Parse(first[prefix.Length..]), baseDirectory);
    }

    public void Dispose()
    {
        _process.Dispose();
        Directory.Delete(BaseDirectory, recursive: true);
    }
}
