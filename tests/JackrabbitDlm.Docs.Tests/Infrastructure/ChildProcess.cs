using System.Diagnostics;

namespace JackrabbitDlm.Docs.Tests.Infrastructure;

/// <summary>Runs programs the documentation names: the built <c>jrdlm</c>, bash, node.</summary>
internal static class ChildProcess
{
    /// <summary>The .NET host the test runs on; the SDK names it in <c>DOTNET_HOST_PATH</c>.</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary><c>jrdlm.dll</c>, copied beside the tests by the project reference.</summary>
    public static string JrdlmDll => Path.Combine(AppContext.BaseDirectory, "jrdlm.dll");

    /// <summary>Runs <c>jrdlm</c> with <paramref name="arguments"/>.</summary>
    public static Task<ProcessOutcome> JrdlmAsync(params string[] arguments) =>
        RunAsync(DotnetHost, [JrdlmDll, .. arguments], null, null, TimeSpan.FromSeconds(60));

    /// <summary>Runs a program to its end, or kills it after <paramref name="limit"/>.</summary>
    /// <exception cref="TimeoutException">The program ran past the limit.</exception>
    public static async Task<ProcessOutcome> RunAsync(
        string program,
        IEnumerable<string> arguments,
        string? workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        TimeSpan limit)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Repository.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"{program} did not start");
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(limit);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return new ProcessOutcome(process.ExitCode, await output, await error);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} ran past {limit}");
        }
    }
}
