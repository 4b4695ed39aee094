namespace JackrabbitDlm.Docs.Tests.Infrastructure;

/// <summary>How a child process ended and what it printed.</summary>
internal sealed record ProcessOutcome(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
