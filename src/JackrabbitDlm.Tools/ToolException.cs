namespace JackrabbitDlm.Tools;

/// <summary>
/// A tool could not do its job for a reason the user can act on (a file exists, a log is
/// missing); the message says which, in a sentence fit to print as it is.
/// </summary>
public sealed class ToolException : Exception
{
    /// <summary>Makes the exception with a printable message.</summary>
    public ToolException(string message)
        : base(message)
    {
    }

    /// <summary>Makes the exception with a printable message and the failure behind it.</summary>
    public ToolException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
