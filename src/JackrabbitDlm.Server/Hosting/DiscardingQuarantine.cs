using JackrabbitDlm.Engine.Validation;
using JackrabbitDlm.Server.Files;

namespace JackrabbitDlm.Server.Hosting;

/// <summary>A quarantine that keeps nothing: the stand-in while no quarantine directory is configured.</summary>
public sealed class DiscardingQuarantine : IQuarantine
{
    public static DiscardingQuarantine Instance { get; } = new();

    /// <returns>Always <c>-</c>, the event log's word for "nothing kept".</returns>
    public string Keep(ReadOnlySpan<byte> requestLine, RefusalReason reason) => "-";
}
