using System.CommandLine;
using JackrabbitDlm.Client;
using JackrabbitDlm.Tools.Identity;

namespace JackrabbitDlm.Cli.Infrastructure;

/// <summary>
/// The options every command that talks to a server shares: where it is, and the identity to
/// send. <see cref="Read"/> turns them into client options.
/// </summary>
internal sealed class ServerOptionSet
{
    public Option<string> Host { get; } = new("--host")
    {
        Description = "The server's host name or address.",
        DefaultValueFactory = _ => "127.0.0.1",
        HelpName = "host",
    };

    public Option<int> Port { get; } = new Option<int>("--port")
    {
        Description = "The server's TCP port.",
        DefaultValueFactory = _ => 37373,
        HelpName = "port",
    }.InRange(1, 65535);

    public Option<string?> Name { get; } = new("--name")
    {
        Description = "Identity name. Without --identity-file its secret is read from "
            + "<base>/Config/<name>.cfg.",
        HelpName = "name",
    };

    public Option<string?> IdentityFile { get; } = new("--identity-file")
    {
        Description = "Identity file (JSON with \"Identity\"); the name defaults to the file's name.",
        HelpName = "file",
    };

    public Option<string?> BaseDirectory { get; } = new("--base")
    {
        Description = "The server's base directory [env JACKRABBIT_BASE].",
        HelpName = "dir",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Host);
        command.Options.Add(Port);
        command.Options.Add(Name);
        command.Options.Add(IdentityFile);
        command.Options.Add(BaseDirectory);
    }

    /// <summary>The identity the command line asks for, or null for anonymous requests.</summary>
    /// <exception cref="Tools.ToolException">The identity file cannot be read.</exception>
    public IdentityChoice? ReadIdentity(ParseResult result) =>
        IdentityChoice.Resolve(
            result.GetValue(Name), result.GetValue(IdentityFile), result.GetValue(BaseDirectory));

    /// <summary>Client options for the server and identity on the command line.</summary>
    /// <exception cref="Tools.ToolException">The identity file cannot be read.</exception>
    public JackrabbitDlmClientOptions Read(ParseResult result, string? ownerId, int retryCount)
    {
        var identity = ReadIdentity(result);
        return new JackrabbitDlmClientOptions
        {
            Host = result.GetValue(Host)!,
            Port = result.GetValue(Port),
            OwnerId = ownerId,
            IdentityName = identity?.Name,
            IdentitySecret = identity?.File.Secret,
            RetryCount = retryCount,
            RetryDelay = TimeSpan.FromMilliseconds(500),
            SocketTimeout = TimeSpan.FromSeconds(30),
        };
    }
}
