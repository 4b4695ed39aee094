namespace JackrabbitDlm.Client;

/// <summary>
/// The base of the failures this client throws: <see cref="DlmConnectionException"/>,
/// <see cref="DlmProtocolException"/> and <see cref="DlmRefusedException"/>.
/// </summary>
/// <remarks>
/// A wait that runs out is not a failure of the server or the wire: it throws
/// <see cref="DlmTimeoutException"/>, a <see cref="TimeoutException"/> as every .NET lock wait
/// does.
/// </remarks>
public abstract class DlmException : Exception
{
    /// <summary>Makes an exception with a message.</summary>
    protected DlmException(string message)
        : base(message)
    {
    }

    /// <summary>Makes an exception with a message and the failure that caused it.</summary>
    protected DlmException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
