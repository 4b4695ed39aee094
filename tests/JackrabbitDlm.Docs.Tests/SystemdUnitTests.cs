using JackrabbitDlm.Docs.Tests.Infrastructure;

namespace JackrabbitDlm.Docs.Tests;

/// <summary>
/// The systemd unit the operations page ships restarts the server and starts it as documented.
/// </summary>
public sealed class SystemdUnitTests
{
    private const string UnitPath = "deploy/systemd/jrdlm.service";

    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Unit = new(Read);

    [Fact]
    public void Service_WhateverItsExitCode_IsRestarted()
    {
        Assert.Equal("always", Unit.Value["Service"]["Restart"]);
    }

    [Fact]
    public async Task ExecStart_RunsServeWithOptionsItTakes()
    {
        var help = await JrdlmHelp.GetAsync();
        var execStart = Unit.Value["Service"]["ExecStart"];

        var invocation = Assert.Single(JrdlmInvocation.Find(execStart));

        Assert.Equal("serve", invocation.Command);
        Assert.All(invocation.Options, option => Assert.Contains(option, help.OptionsByCommand["serve"]));
    }

    [Fact]
    public void Paths_OfTheUnit_AreThoseTheInstallStepsUse()
    {
        var operations = string.Join('\n', Repository.Document("docs/operations.md").Lines);
        var service = Unit.Value["Service"];

        Assert.Contains("-o /opt/jrdlm", operations, StringComparison.Ordinal);
        Assert.StartsWith(
            "/opt/jrdlm/jrdlm serve --config /etc/jrdlm/jrdlm.json",
            service["ExecStart"],
            StringComparison.Ordinal);
        Assert.Contains("/etc/jrdlm/jrdlm.json", operations, StringComparison.Ordinal);
        Assert.Equal("jrdlm", service["User"]);
        Assert.Equal("JACKRABBIT_BASE=/var/lib/jrdlm", service["Environment"]);
        Assert.Equal("jrdlm", service["StateDirectory"]);
    }

    [Fact]
    public async Task Unit_CheckedBySystemdAnalyze_HasNoWarnings()
    {
        // systemd's own reader, where the machine has it; the checks above run everywhere.
        var analyze = new[] { "/usr/bin/systemd-analyze", "/bin/systemd-analyze" }.FirstOrDefault(File.Exists);
        if (analyze is null)
        {
            return;
        }

        using var temp = new TempDirectory();
        var copy = temp.Combine("jrdlm.service");
        var text = await File.ReadAllTextAsync(Repository.PathOf(UnitPath));

        // verify wants the program to exist; the test host stands in for /opt/jrdlm/jrdlm.
        var standIn = text.Replace("/opt/jrdlm/jrdlm", ChildProcess.DotnetHost, StringComparison.Ordinal);
        await File.WriteAllTextAsync(copy, standIn);
        var outcome = await ChildProcess.RunAsync(
            analyze, ["verify", copy], temp.Path, null, TimeSpan.FromSeconds(60));

        Assert.True(outcome.ExitCode == 0 && outcome.Error.Trim().Length == 0, outcome.ToString());
    }

    private static Dictionary<string, Dictionary<string, string>> Read()
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(Repository.PathOf(UnitPath)))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(';'))
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                sections[line.Trim('[', ']')] = current;
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            current[line[..equals]] = line[(equals + 1)..];
        }

        return sections;
    }
}
