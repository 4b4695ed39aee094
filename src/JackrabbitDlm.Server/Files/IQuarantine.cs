using JackrabbitDlm.Engine.Validation;

namespace JackrabbitDlm.Server.Files;

/// <summary>
/// Keeps refused requests for inspection under <c>Quarantine/</c>, bounded in count and bytes,
/// with identity secrets redacted. Implementations are thread-safe and never throw for I/O.
/// </summary>
public interface IQuarantine
{
    /// <summary>Keeps one refused request line (as received, without its newline).</summary>
    /// <returns>
    /// The name of the file written, or <c>-</c> when nothing was kept (quarantine turned off or
    /// failing).
    /// </returns>
    string Keep(ReadOnlySpan<byte> requestLine, RefusalReason reason);
}
