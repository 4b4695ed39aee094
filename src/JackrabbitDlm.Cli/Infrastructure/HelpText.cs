using System.Globalization;
using System.Text;
using JackrabbitDlm.Tools;

namespace JackrabbitDlm.Cli.Infrastructure;

/// <summary>The text of <c>jrdlm --help</c> above the list of commands.</summary>
internal static class HelpText
{
    public static string RootDescription { get; } = Build();

    private static string Build()
    {
        var text = new StringBuilder("jrdlm: the Jackrabbit DLM lock server and its tools.\n\nExit codes:");
        foreach (var (code, meaning) in ExitCodes.Table)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {code,2}  {meaning}");
        }

        return text.ToString();
    }
}
