using System.Text;
using JackrabbitDlm.Engine.Validation;
using JackrabbitDlm.Server.Files;

namespace JackrabbitDlm.Server.Tests.Infrastructure;

/// <summary>
/// A quarantine that keeps refused lines in memory and names them <c>q1</c>, <c>q2</c>...
/// </summary>
internal sealed class RecordingQuarantine : IQuarantine
{
    private readonly Lock _gate = new();
    private readonly List<(string File, string Line, RefusalReason Reason)> _kept = [];

    public IReadOnlyList<(string File, string Line, RefusalReason Reason)> Kept
    {
        get
        {
            lock (_gate)
            {
                return [.. _kept];
            }
        }
    }

    public string Keep(ReadOnlySpan<byte> requestLine, RefusalReason reason)
    {
        var line = Encoding.UTF8.GetString(requestLine);
        lock (_gate)
        {
            var file = $"q{_kept.Count + 1}";
            _kept.Add((file, line, reason));
            return file;
        }
    }
}
