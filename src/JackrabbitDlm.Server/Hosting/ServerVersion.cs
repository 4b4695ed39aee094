using System.Reflection;

namespace JackrabbitDlm.Server.Hosting;

/// <summary>
/// The server's version, as the event log's first line and the <c>Version</c> reply show it.
/// </summary>
public static class ServerVersion
{
    /// <summary>The release number, e.g. <c>1.0.0</c>.</summary>
    public static string Current { get; } = Read();

    private static string Read()
    {
        var informational = typeof(ServerVersion).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

        // The SDK appends "+<commit>" to the informational version; clients are told the release.
        var release = informational?.Split('+')[0];
        return string.IsNullOrEmpty(release) ? "0.0.0" : release;
    }
}
