using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace JackrabbitDlm.LoadBench.Load;

/// <summary>
/// bench/floor/load.c, compiled once: a closed-loop epoll load generator in C, so that the
/// figures measure the servers rather than the generator. Every target runs under it.
/// </summary>
internal sealed class CLoadGenerator : IDisposable
{
    private readonly string _directory;
    private readonly string _binary;
    private readonly Dictionary<(Workload, bool, int), string> _lineFiles = [];

    private CLoadGenerator(string directory)
    {
        _directory = directory;
        _binary = Path.Combine(directory, "load");
    }

    public static async Task<CLoadGenerator> BuildAsync(string source)
    {
        var generator = new CLoadGenerator(Directory.CreateTempSubdirectory("jrdlm-load-").FullName);
        using var gcc = Process.Start("gcc", ["-O2", "-o", generator._binary, source]);
        await gcc.WaitForExitAsync();
        if (gcc.ExitCode != 0)
        {
            throw new InvalidOperationException($"gcc could not build {source}");
        }

        return generator;
    }

    /// <summary>
    /// Runs <paramref name="workload"/> with <paramref name="inFlight"/> slots for
    /// <paramref name="duration"/>.
    /// </summary>
    public async Task<RunResult> RunAsync(
        IPEndPoint target, Workload workload, int inFlight, bool keepAlive, TimeSpan duration)
    {
        var lines = LineFile(workload, keepAlive, inFlight);
        var info = new ProcessStartInfo(_binary) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            target.Port.ToString(CultureInfo.InvariantCulture), inFlight.ToString(CultureInfo.InvariantCulture),
            duration.TotalSeconds.ToString(CultureInfo.InvariantCulture), lines, "2", keepAlive ? "keepalive" : "close",
        })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var figures = output.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => double.Parse(f, CultureInfo.InvariantCulture))
            .ToArray();
        return new RunResult(figures[0], figures[1], figures[2], (long)figures[3]);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // The slot's two lines, slot after slot: the generator gives slot i lines 2i and 2i+1.
    private string LineFile(Workload workload, bool keepAlive, int inFlight)
    {
        if (!_lineFiles.TryGetValue((workload, keepAlive, inFlight), out var path))
        {
            path = Path.Combine(_directory, $"lines-{_lineFiles.Count}.txt");
            using var file = File.Create(path);
            for (var slot = 0; slot < inFlight; slot++)
            {
                var lines = workload.LinesFor(slot, keepAlive);
                file.Write(lines.First);
                file.Write(lines.Second);
            }

            _lineFiles[(workload, keepAlive, inFlight)] = path;
        }

        return path;
    }
}
