using System.Diagnostics;
using JackrabbitDlm.Cli.Infrastructure;

namespace JackrabbitDlm.Cli.Tests.Infrastructure;

/// <summary>Runs the built <c>jrdlm</c> as a child process, with real standard streams.</summary>
internal static class ChildJrdlm
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Runs one command line, feeding <paramref name="input"/> on standard input.</summary>
    /// <returns>The exit code and the exact bytes written to standard output.</returns>
    public static async Task<(int ExitCode, byte[] Output)> RunAsync(byte[] input, params string[] args)
    {
        var (program, leading) = SelfInvocation.Current();
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in leading.Concat(args))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(Limit);
        var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output, timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.StandardInput.BaseStream.WriteAsync(input, timeout.Token);
        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await reading;
        await errors;
        return (process.ExitCode, output.ToArray());
    }
}
