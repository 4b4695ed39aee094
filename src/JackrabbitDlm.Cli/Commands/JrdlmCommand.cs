using System.CommandLine;
using JackrabbitDlm.Cli.Infrastructure;

namespace JackrabbitDlm.Cli.Commands;

/// <summary>The <c>jrdlm</c> command with every subcommand; the program and its tests run this one.</summary>
internal static class JrdlmCommand
{
    // Each subcommand lives in its own file in this folder and is added here with one line.
    public static RootCommand Create() => new(HelpText.RootDescription)
    {
        ServeCommand.Create(),
        LockCommand.Create(),
        UnlockCommand.Create(),
        TestLockCommand.Create(),
        GetCommand.Create(),
        PutCommand.Create(),
        EraseCommand.Create(),
        VersionCommand.Create(),
        IdentityCommand.Create(),
        FightCommand.Create(),
        WarsCommand.Create(),
        ChartCommand.Create(),
    };
}
