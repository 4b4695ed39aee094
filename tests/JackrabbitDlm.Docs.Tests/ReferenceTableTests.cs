using System.Text.RegularExpressions;
using JackrabbitDlm.Docs.Tests.Infrastructure;
using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Server.Options;
using JackrabbitDlm.Tools;

namespace JackrabbitDlm.Docs.Tests;

/// <summary>
/// The reference tables agree with the code they describe, row by row: the configuration
/// reference with <see cref="ServerSettings"/>, the counters with <see cref="Counter"/>, the exit
/// codes with <see cref="ExitCodes"/>.
/// </summary>
public sealed partial class ReferenceTableTests
{
    private static MarkdownDocument Operations => Repository.Document("docs/operations.md");

    [Fact]
    public void SettingsTable_RowByRow_MatchesTheServersSettings()
    {
        var rows = MarkdownDocument.TableRows(Operations.Section("settings"));
        var defaults = new DlmServerOptions();

        Assert.Equal(ServerSettings.All.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var setting = ServerSettings.All[i];
            var row = rows[i];
            Assert.Equal($"`{setting.Flag}`", row[0]);
            Assert.Equal($"`{setting.EnvironmentVariable}`", row[1]);
            Assert.Equal($"`{setting.Key}`", row[2]);

            // The base directory's default depends on the user running the server.
            if (setting != ServerSettings.BaseDirectory)
            {
                Assert.Contains(setting.Format(defaults), row[3], StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void SampleConfig_EveryKey_IsInTheSettingsTable()
    {
        var documented = MarkdownDocument.TableRows(Operations.Section("settings"))
            .Select(row => row[2].Trim('`'))
            .ToHashSet(StringComparer.Ordinal);
        var sample = File.ReadAllLines(Repository.PathOf("config/jrdlm.sample.json"))
            .Select(line => SampleKey().Match(line))
            .Where(match => match.Success)
            .Select(match => match.Groups["key"].Value)
            .ToList();

        Assert.NotEmpty(sample);
        Assert.All(sample, key => Assert.Contains(key, documented));
    }

    [Fact]
    public void CountersTable_RowByRow_NamesEveryCounterInOrder()
    {
        var rows = MarkdownDocument.TableRows(Operations.Section("counters"));

        Assert.Equal(Enum.GetNames<Counter>().Select(name => $"`{name}`"), rows.Select(row => row[0]));
        Assert.All(rows, row => Assert.False(string.IsNullOrWhiteSpace(row[1]), $"{row[0]} has no meaning"));
    }

    [Fact]
    public async Task ExitCodesTable_RowByRow_MatchesExitCodesAndHelp()
    {
        var rows = MarkdownDocument.TableRows(Repository.Document("docs/cli.md").Section("exit-codes"));
        var help = await JrdlmHelp.GetAsync();

        Assert.Equal(
            ExitCodes.Table.Select(entry => $"{entry.Code} {entry.Meaning}"),
            rows.Select(row => $"{row[0]} {row[1]}"));
        Assert.All(ExitCodes.Table, entry => Assert.Contains(entry.Meaning, help.RootHelp, StringComparison.Ordinal));
    }

    // "Key": value, or the same commented out: the sample shows optional keys that way.
    [GeneratedRegex(@"^\s*(//\s*)?""(?<key>[A-Za-z]+)""\s*:")]
    private static partial Regex SampleKey();
}
