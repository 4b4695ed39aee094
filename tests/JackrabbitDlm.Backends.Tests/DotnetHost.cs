namespace JackrabbitDlm.Backends.Tests;

/// <summary>The <c>dotnet</c> executable to start child processes with.</summary>
internal static class DotnetHost
{
    /// <summary>
    /// The host the test runner names, else the one running this process, else <c>dotnet</c> on
    /// the PATH.
    /// </summary>
    public static string Path
    {
        get
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(host) && File.Exists(host))
            {
                return host;
            }

            var current = Environment.ProcessPath;
            var isDotnet = current is not null
                && System.IO.Path.GetFileNameWithoutExtension(current) == "dotnet";
            return isDotnet ? current! : "dotnet";
        }
    }
}
