using System.CommandLine;
using JackrabbitDlm.Cli.Commands;
using JackrabbitDlm.Cli.Infrastructure;

// Each subcommand lives in its own file under Commands/ and is added here with one line.
var root = new RootCommand(HelpText.RootDescription)
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

// Commands that run until interrupted handle SIGINT and SIGTERM themselves, to stop gracefully.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
return await CommandRunner.RunAsync(root, args, invocation).ConfigureAwait(false);
