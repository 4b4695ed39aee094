using System.Globalization;

namespace JackrabbitDlm.Docs.Tests.Infrastructure;

/// <summary>
/// Runs a runnable (<c>```sh</c>) block of the documentation with bash, as a reader would type it,
/// against a server of its own:
/// <list type="bullet">
/// <item>the working directory is a fresh folder in which <c>docs/</c> and <c>config/</c> are the
/// repository's, so blocks can read the sample files;</item>
/// <item><c>JACKRABBIT_BASE</c> is the server's base directory, and <c>JRDLM_HOST</c> and
/// <c>JRDLM_PORT</c> say where it listens;</item>
/// <item><c>jrdlm</c> on the <c>PATH</c> is the built one. The documents' examples talk to the
/// default port, 37373, so for the commands that connect to a server and are not given a
/// <c>--port</c>, it adds <c>--port "$JRDLM_PORT"</c>: the one substitution made.</item>
/// </list>
/// The block runs under <c>set -euo pipefail</c>: every command in it must succeed.
/// </summary>
internal static class ShellBlockRunner
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    // The commands that connect to a server; serve, identity and chart do not.
    private const string Shim = """
        #!/bin/sh
        # The documentation's commands talk to the default port; these run against the test's server.
        case "$1" in
          lock|unlock|testlock|get|put|erase|version|fight|wars)
            for argument in "$@"; do
              if [ "$argument" = --port ]; then exec "$JRDLM_DOTNET" "$JRDLM_DLL" "$@"; fi
            done
            command=$1
            shift
            exec "$JRDLM_DOTNET" "$JRDLM_DLL" "$command" --port "$JRDLM_PORT" "$@" ;;
        esac
        exec "$JRDLM_DOTNET" "$JRDLM_DLL" "$@"
        """;

    public static async Task<ProcessOutcome> RunAsync(FencedBlock block)
    {
        using var temp = new TempDirectory();
        var work = temp.Combine("work");
        var bin = temp.Combine("bin");
        var home = temp.Combine("home");
        Directory.CreateDirectory(work);
        Directory.CreateDirectory(bin);
        Directory.CreateDirectory(home);
        Directory.CreateSymbolicLink(Path.Combine(work, "docs"), Repository.PathOf("docs"));
        Directory.CreateSymbolicLink(Path.Combine(work, "config"), Repository.PathOf("config"));

        var jrdlm = Path.Combine(bin, "jrdlm");
        await File.WriteAllTextAsync(jrdlm, Shim.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(jrdlm, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var script = Path.Combine(temp.Path, "block.sh");
        await File.WriteAllTextAsync(script, "set -euo pipefail\n" + block.Text + "\n");

        await using var server = await DocsServer.StartAsync(temp.Combine("base"));
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["HOME"] = home,
            ["JACKRABBIT_BASE"] = server.BaseDirectory,
            ["JRDLM_HOST"] = "127.0.0.1",
            ["JRDLM_PORT"] = server.Port.ToString(CultureInfo.InvariantCulture),
            ["JRDLM_DOTNET"] = ChildProcess.DotnetHost,
            ["JRDLM_DLL"] = ChildProcess.JrdlmDll,
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        return await ChildProcess.RunAsync("bash", [script], work, environment, Limit);
    }
}
