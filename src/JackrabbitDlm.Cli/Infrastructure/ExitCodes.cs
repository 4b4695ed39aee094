namespace JackrabbitDlm.Cli.Infrastructure;

/// <summary>The process exit codes of every command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran but failed, e.g. the server could not listen.</summary>
    public const int Failure = 1;

    /// <summary>The options or the configuration are invalid.</summary>
    public const int InvalidConfiguration = 2;
}
