namespace JackrabbitDlm.Client;

/// <summary>
/// The server answered something this client cannot use: a line that is not an encoded reply, a
/// status the action never answers (such as <c>BadAction</c> or <c>Corruption</c>), or a value the
/// value decoder refused.
/// </summary>
public sealed class DlmProtocolException : DlmException
{
    /// <summary>
    /// Makes the exception; <paramref name="statusWord"/> is null when no reply could be read.
    /// </summary>
    public DlmProtocolException(string message, string? statusWord)
        : base(message)
    {
        StatusWord = statusWord;
    }

    /// <summary>
    /// The status word of the reply, or null when the reply could not be read at all.
    /// </summary>
    public string? StatusWord { get; }
}
