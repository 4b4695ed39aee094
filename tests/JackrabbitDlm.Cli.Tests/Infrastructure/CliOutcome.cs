namespace JackrabbitDlm.Cli.Tests.Infrastructure;

/// <summary>How a command line ended and what it printed.</summary>
internal sealed record CliOutcome(int ExitCode, string Output, string Error)
{
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.TrimEnd('\r'))
        .ToArray();
}
