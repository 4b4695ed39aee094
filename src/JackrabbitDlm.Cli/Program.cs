using System.CommandLine;
using JackrabbitDlm.Cli.Commands;
using JackrabbitDlm.Cli.Infrastructure;

var root = JrdlmCommand.Create();

// Commands that run until interrupted handle SIGINT and SIGTERM themselves, to stop gracefully.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
return await CommandRunner.RunAsync(root, args, invocation).ConfigureAwait(false);
