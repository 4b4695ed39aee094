namespace JackrabbitDlm.Cli.Infrastructure;

/// <summary>How to start this same <c>jrdlm</c> again as a child process.</summary>
internal static class SelfInvocation
{
    /// <summary>
    /// The program and leading arguments: the <c>jrdlm</c> executable itself, or the .NET host
    /// with <c>jrdlm.dll</c> when that is how this process runs (<c>dotnet jrdlm.dll</c>, or a
    /// test host that loaded the assembly).
    /// </summary>
    public static (string Program, IReadOnlyList<string> Arguments) Current()
    {
        var processPath = Environment.ProcessPath;
        var assembly = typeof(SelfInvocation).Assembly.Location;
        var processName = Path.GetFileNameWithoutExtension(processPath);
        if (processPath is not null && SameName(processName, Path.GetFileNameWithoutExtension(assembly)))
        {
            return (processPath, []);
        }

        if (processPath is not null && SameName(processName, "dotnet"))
        {
            return (processPath, [assembly]);
        }

        // Another host (a test runner): the SDK names its dotnet in DOTNET_HOST_PATH.
        return (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [assembly]);
    }

    private static bool SameName(string? left, string right) =>
        string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
