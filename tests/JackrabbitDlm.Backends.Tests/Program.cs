using JackrabbitDlm.Backends.Tests.Conformance;

namespace JackrabbitDlm.Backends.Tests;

/// <summary>
/// The entry point when the test assembly is started as a program rather than loaded by the
/// test runner: the durability tests start it as their crash writer.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["crash-writer", .. var rest])
        {
            return await CrashWriter.WriteUntilKilledAsync(rest);
        }

        await Console.Error.WriteLineAsync(CrashWriter.Usage);
        return 2;
    }
}
