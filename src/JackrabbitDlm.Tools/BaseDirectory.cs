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

        return Path.Combine(UserDataDirectory(), DefaultFolderName);
    }

    // The server's own default (jrdlm serve) falls back the same way when there is no data folder.
    private static string UserDataDirectory()
    {
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        if (!string.IsNullOrEmpty(data))
        {
            return data;
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? Path.GetFullPath(".") : Path.Combine(home, ".local", "share");
    }

    /// <summary>The identity file of <paramref name="name"/> under a base directory.</summary>
    public static string IdentityFile(string baseDirectory, string name) =>
        Path.Combine(baseDirectory, "Config", name + ".cfg");

    /// <summary>The event log under a base directory.</summary>
    public static string EventLog(string baseDirectory) =>
        Path.Combine(baseDirectory, "Logs", "JackrabbitDLM.log");
}
