namespace JackrabbitDlm.Client;

/// <summary>
/// The server could not be reached: every attempt was refused, reset, closed without a reply or
/// timed out. <see cref="Exception.InnerException"/> holds the last attempt's failure.
/// </summary>
public sealed class DlmConnectionException : DlmException
{
    /// <summary>Makes the exception for a server and the number of attempts made.</summary>
    public DlmConnectionException(string host, int port, int attempts, Exception? innerException)
        : base(
            $"The JackrabbitDLM server at {host}:{port} could not be reached in {attempts} attempts.",
            innerException)
    {
        Host = host;
        Port = port;
        Attempts = attempts;
    }

    /// <summary>The server's host name or address.</summary>
    public string Host { get; }

    /// <summary>The server's TCP port.</summary>
    public int Port { get; }

    /// <summary>How many times the request was tried.</summary>
    public int Attempts { get; }
}
