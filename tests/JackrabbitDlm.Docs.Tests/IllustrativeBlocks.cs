namespace JackrabbitDlm.Docs.Tests;

/// <summary>
/// The shell blocks of the documentation that the tests do not run as they stand, each with the
/// reason. Every other block that looks like shell must be a runnable <c>```sh</c> block, which
/// <see cref="ShellBlockTests"/> runs against a live server; an entry here that matches no block
/// fails too, so the list cannot go stale. The options every one of these names are still checked
/// against <c>jrdlm --help</c> by <see cref="JrdlmOptionTests"/>.
/// </summary>
internal static class IllustrativeBlocks
{
    /// <summary>A block, named by its document and its first line that is not blank.</summary>
    public sealed record Entry(string Document, string FirstLine, string Reason);

    private const string StartsServer =
        "starts a server that runs until Ctrl+C; the tests start the same server in-process";

    public static IReadOnlyList<Entry> All { get; } =
    [
        new("README.md", "dotnet run -c Release --project src/JackrabbitDlm.Cli -- serve", StartsServer),
        new("README.md", "./scripts/test.sh", "runs this very suite; CI runs it (.ci/run)"),
        new(
            "README.md",
            "dotnet publish -c Release src/JackrabbitDlm.Cli -o \"$HOME/.local/lib/jrdlm\"",
            "builds and installs for the reader and then starts a server in the foreground; the "
                + "tests use the build they run on"),
        new(
            "README.md",
            "dotnet run -c Release --project src/JackrabbitDlm.Cli -- serve --backend sqlite",
            StartsServer + "; the backend tests run servers with each backend"),
        new(
            "docs/cli.md",
            "dotnet publish -c Release src/JackrabbitDlm.Cli -o \"$HOME/.local/lib/jrdlm\"",
            "builds and installs for the reader; the tests use the build they run on"),
        new("docs/operations.md", "jrdlm serve --config /etc/jrdlm/jrdlm.json", StartsServer),
        new(
            "docs/performance.md",
            "dotnet run -c Release --project bench/JackrabbitDlm.LoadBench",
            "the load benchmark takes about fifteen minutes of both cores: it is measured, not tested"),
        new(
            "docs/operations.md",
            "sudo useradd --system --home-dir /var/lib/jrdlm --shell /usr/sbin/nologin jrdlm",
            "installs a system service as root; SystemdUnitTests checks the unit file it installs"),
        new(
            "docs/operations.md",
            "sudo -u jrdlm JACKRABBIT_BASE=/var/lib/jrdlm /opt/jrdlm/jrdlm identity reports",
            "needs the installed service's user; the runnable identity example in docs/cli.md "
                + "runs the same command"),
        new(
            "docs/operations.md",
            "file=/var/lib/jrdlm/Disk/fencing-tokens",
            "edits a stopped server's token file; FencingTokenSnippetTests runs it on a file of its own"),
        new(
            "docs/backends.md",
            "<directory>/entries/<ss>/<sha-256 of key>.entry   one file per entry, the key kept inside",
            "a file layout, not commands"),
        new(
            "docs/backends.md",
            "# Two servers on one machine sharing one SQLite file:",
            StartsServer + "; SharedStoreServeTests run servers sharing one SQLite file, entries "
                + "directory or Redis"),
    ];
}
