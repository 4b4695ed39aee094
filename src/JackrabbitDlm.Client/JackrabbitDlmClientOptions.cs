using JackrabbitDlm.Protocol.Encoding;

namespace JackrabbitDlm.Client;

/// <summary>
/// Where the server is and how to talk to it. The defaults are the original Python client's:
/// 127.0.0.1:37373, 7 retries 1 s apart, a 300 s socket timeout and a random owner id.
/// </summary>
/// <remarks>
/// A client reads these once, when it is made; changing them afterwards has no effect on it.
/// Bind them from configuration with <see cref="JackrabbitDlmServiceCollectionExtensions"/>.
/// </remarks>
public sealed class JackrabbitDlmClientOptions
{
    /// <summary>The configuration section these options are usually bound from.</summary>
    public const string SectionName = "JackrabbitDlm";

    /// <summary>The server's host name or address.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The server's TCP port, 1 to 65535.</summary>
    public int Port { get; set; } = 37373;

    /// <summary>
    /// The owner id sent with every request (wire <c>ID</c>). Null makes a random URL-safe id of
    /// 37 to 72 random bytes per client, as the original client does.
    /// </summary>
    public string? OwnerId { get; set; }

    /// <summary>The identity name (wire <c>Name</c>); null sends anonymous requests.</summary>
    public string? IdentityName { get; set; }

    /// <summary>
    /// The identity secret (wire <c>Identity</c>); sent only together with a name.
    /// </summary>
    public string? IdentitySecret { get; set; }

    /// <summary>
    /// How many times a request is sent again after the server could not be reached.
    /// </summary>
    /// <remarks>
    /// Only connection failures (refused, reset, timed out) are retried, never a reply.
    /// </remarks>
    public int RetryCount { get; set; } = 7;

    /// <summary>The pause before each retry.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest one attempt may take: connecting, sending and waiting for the reply.
    /// </summary>
    public TimeSpan SocketTimeout { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// True to ask the server to keep the connection open and reuse it for the next request.
    /// A server that closes it anyway (the original does) costs one reconnection per request.
    /// </summary>
    public bool KeepAlive { get; set; }

    /// <summary>
    /// The TTL of locks taken through <see cref="DlmLockProvider"/>; they are renewed
    /// automatically every third of it while held.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Turns a value into the text the server stores (wire <c>DataStore</c>). Null uses
    /// <see cref="DlmTextEncoding.EncodeText"/>, as the original client does, so values written by
    /// either client can be read by the other.
    /// </summary>
    public Func<string, string>? ValueEncoder { get; set; }

    /// <summary>
    /// Turns stored text back into the value; returns null when the text is not a valid encoding.
    /// Null uses <see cref="DlmTextEncoding.DecodeText"/>.
    /// </summary>
    public Func<string, string?>? ValueDecoder { get; set; }
}
