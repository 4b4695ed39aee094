namespace JackrabbitDlm.Tools;

/// <summary>
/// The server's base directory (PROTOCOL.md section 10): identity files under <c>Config/</c>,
/// the event log under <c>Logs/</c>. The tools look where the server on this machine writes.
/// </summary>
public static class BaseDirectory
{
    /// <summary>The environment variable that overrides the default base directory.</summary>
    public const string EnvironmentVariable = "JACKRABBIT_BASE";

    /// <summary>The folder name under the per-user data directory.</summary>
    public const string DefaultFolderName = "JackrabbitDLM";

    /// <summary>
    /// The base directory: <paramref name="explicitBase"/> when given, else
    /// <c>JACKRABBIT_BASE</c> when set, else <c>JackrabbitDLM</c> in the per-user data directory.
    /// </summary>
    public static string Resolve(string? explicitBase)
    {
        if (!string.IsNullOrWhiteSpace(explicitBase))
        {
            return Path.GetFullPath(explicitBase);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        var userData = Environment.GetFolderPath(
            Environment.SpecialFolder.LocalApplicationData,
            Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(userData, DefaultFolderName);
    }

    /// <summary>The identity file of <paramref name="name"/> under a base directory.</summary>
    public static string IdentityFile(string baseDirectory, string name) =>
        Path.Combine(baseDirectory, "Config", name + ".cfg");

    /// <summary>The event log under a base directory.</summary>
    public static string EventLog(string baseDirectory) =>
        Path.Combine(baseDirectory, "Logs", "JackrabbitDLM.log");
}
