using System.Diagnostics;
using System.Net;
using System.Text;

namespace JackrabbitDlm.Backends.Tests.Servers;

/// <summary>
/// A <c>jrdlm serve</c> process started from the built <c>jrdlm.dll</c>, listening on a free
/// loopback port, and killed by its process id when the test is done with it.
/// </summary>
internal sealed class ServeProcess : IDisposable
{
    private const string ListeningPrefix = "listening on ";

    // Generous: a loaded two-core machine starts a .NET process slowly, and a backend may wait.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StandardError _errors;

    private ServeProcess(Process process, StandardError errors, IPEndPoint endPoint)
    {
        _process = process;
        _errors = errors;
        EndPoint = endPoint;
    }

    /// <summary>The address the server reported on its first line of standard output.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>What the server wrote to standard error so far.</summary>
    public string Errors => _errors.Text;

    /// <summary>Starts <c>jrdlm serve</c> on 127.0.0.1 port 0; waits for its first line.</summary>
    /// <param name="baseDirectory">Its base directory (<c>--base</c>).</param>
    /// <param name="arguments">Further options, e.g. <c>--backend sqlite</c>.</param>
    /// <exception cref="InvalidOperationException">It exited or printed something else.</exception>
    public static async Task<ServeProcess> StartAsync(
        string baseDirectory, IEnumerable<string> arguments)
    {
        var (process, errors) = Launch(ServeArguments(baseDirectory, arguments));
        string? line;
        using (var deadline = new CancellationTokenSource(StartTimeout))
        {
            try
            {
                line = await process.StandardOutput.ReadLineAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                line = null;
            }
        }

        if (line is null || !line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
        {
            KillAndWait(process);
            throw new InvalidOperationException(
                $"jrdlm serve did not start; it printed \"{line}\" and on stderr: {errors.Text}");
        }

        return new ServeProcess(process, errors, IPEndPoint.Parse(line[ListeningPrefix.Length..]));
    }

    /// <summary>Runs <c>jrdlm</c> with the arguments until it exits.</summary>
    /// <returns>Its exit code, standard output and standard error.</returns>
    /// <exception cref="TimeoutException">
    /// It ran past <paramref name="timeout"/>; it is killed.
    /// </exception>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var (process, errors) = Launch(arguments);
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                KillAndWait(process);
                throw new TimeoutException($"jrdlm ran past {timeout}; stderr: {errors.Text}");
            }

            // The parameterless wait also waits for the redirected streams to reach their end.
            process.WaitForExit();
            return (process.ExitCode, await output, errors.Text);
        }
    }

    /// <summary>The arguments of <c>jrdlm serve</c> on a free loopback port.</summary>
    public static IReadOnlyList<string> ServeArguments(
        string baseDirectory, IEnumerable<string> arguments) =>
    [
        "serve", "--host", "127.0.0.1", "--port", "0", "--base", baseDirectory,
        "--log-level", "Warning", .. arguments,
    ];

    /// <summary>Kills the server with SIGKILL, as a crash would: it closes nothing.</summary>
    public void Kill() => KillAndWait(_process);

    public void Dispose()
    {
        KillAndWait(_process);
        _process.Dispose();
    }

    private static (Process Process, StandardError Errors) Launch(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "jrdlm.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Only the arguments configure the server, whatever the test runner's environment holds.
        var inherited = start.Environment.Keys
            .Where(name => name.StartsWith("JRDLM_", StringComparison.Ordinal)
                || name == "JACKRABBIT_BASE")
            .ToList();
        foreach (var name in inherited)
        {
            start.Environment.Remove(name);
        }

        var process = Process.Start(start)
            ?? throw new InvalidOperationException("dotnet could not be started");
        var errors = new StandardError(process);
        return (process, errors);
    }

    private static void KillAndWait(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                // SIGKILL on Unix, sent to this process id only.
                process.Kill();
            }

            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // It had already gone and been reaped.
        }
    }

    /// <summary>Collects standard error as it arrives, so the pipe never fills up.</summary>
    private sealed class StandardError
    {
        private readonly StringBuilder _text = new();
        private readonly Lock _gate = new();

        public StandardError(Process process)
        {
            process.ErrorDataReceived += (_, line) =>
            {
                if (line.Data is { } data)
                {
                    lock (_gate)
                    {
                        _text.AppendLine(data);
                    }
                }
            };
            process.BeginErrorReadLine();
        }

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return _text.ToString();
                }
            }
        }
    }
}
