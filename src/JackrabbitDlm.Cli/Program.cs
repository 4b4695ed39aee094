using System.CommandLine;
using JackrabbitDlm.Cli.Commands;

// Each subcommand lives in its own file under Commands/ and is added here with one line.
var root = new RootCommand("jrdlm: the Jackrabbit DLM lock server and its tools.")
{
    ServeCommand.Create(),
};

// Commands that run until interrupted handle SIGINT and SIGTERM themselves, to stop gracefully.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
return await root.Parse(args).InvokeAsync(invocation).ConfigureAwait(false);
