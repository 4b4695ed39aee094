namespace JackrabbitDlm.Server.Options;

/// <summary>
/// The server's configuration cannot be used; the message lists every problem found.
/// </summary>
public sealed class ServerOptionsException : Exception
{
    public ServerOptionsException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public ServerOptionsException()
        : this([])
    {
    }

    public ServerOptionsException(string message)
        : this([message])
    {
    }

    public ServerOptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>One sentence per problem, each naming the setting concerned.</summary>
    public IReadOnlyList<string> Problems { get; }
}
