using System.CommandLine;
using JackrabbitDlm.Cli.Commands;
using JackrabbitDlm.Cli.Infrastructure;

// Each subcommand lives in its own file under Commands/ and is added here with one line.
var root = new RootCommand(HelpText.RootDescription)
{
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

return await CommandRunner.RunAsync(root, args).ConfigureAwait(false);
