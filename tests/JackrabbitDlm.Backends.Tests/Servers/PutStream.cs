using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Backends.Tests.Servers;

/// <summary>
/// Several writers put values to one server as fast as it answers, until it is killed; the test
/// then checks that every put answered <c>Done</c> reads back exactly from a restarted server.
/// </summary>
internal sealed class PutStream
{
    public const string Owner = "put-stream";

    /// <summary>Long enough that nothing written expires before it is read back.</summary>
    public const double TtlSeconds = 1800;

    // Bounds each writer even if the kill never comes.
    private const int MaxWritesEach = 20_000;

    private readonly ConcurrentBag<string> _acknowledged = [];
    private readonly ConcurrentBag<string> _inFlight = [];
    private readonly TaskCompletionSource _enough =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _acknowledgementsBeforeKill;
    private int _acknowledgementCount;

    private PutStream(int acknowledgementsBeforeKill) =>
        _acknowledgementsBeforeKill = acknowledgementsBeforeKill;

    /// <summary>The puts the server answered <c>Done</c> before it died.</summary>
    public IReadOnlyCollection<string> Acknowledged => _acknowledged;

    /// <summary>The put each writer had sent, or was sending, when the server died.</summary>
    public IReadOnlyCollection<string> InFlight => _inFlight;

    /// <summary>
    /// The value of a key: every fifth one near the anonymous size limit, so the kill often
    /// lands in a long write; non-ASCII, so the stored bytes are checked, not just their count.
    /// </summary>
    public static string ValueOf(string key)
    {
        var size = key.EndsWith('0') || key.EndsWith('5') ? 12_000 : 300;
        var text = new StringBuilder(key).Append(':');
        for (var i = 0; text.Length < size; i++)
        {
            text.Append(i % 7 == 0 ? 'é' : (char)('a' + ((i + key.Length) % 26)));
        }

        return text.ToString();
    }

    /// <summary>
    /// Writes with <paramref name="writers"/> writers until the server is gone. Once
    /// <paramref name="acknowledgementsBeforeKill"/> puts were answered, <paramref name="kill"/>
    /// is called while the writers keep writing.
    /// </summary>
    /// <exception cref="InvalidOperationException">A put was answered with something else than
    /// <c>Done</c>, or the writers stopped before enough acknowledgements.</exception>
    public static async Task<PutStream> RunAsync(
        IPEndPoint server, int writers, int acknowledgementsBeforeKill, Action kill)
    {
        var stream = new PutStream(acknowledgementsBeforeKill);
        var writing = Task.WhenAll(Enumerable.Range(0, writers)
            .Select(writer => Task.Run(() => stream.WriteAsync(server, writer))));

        if (await Task.WhenAny(stream._enough.Task, writing) == writing)
        {
            await writing;
            throw new InvalidOperationException("The writers stopped before the kill");
        }

        kill();
        await writing;
        return stream;
    }

    private async Task WriteAsync(IPEndPoint server, int writer)
    {
        for (var index = 0; index < MaxWritesEach; index++)
        {
            var key = $"stream/{writer}/{index}";
            DlmReply reply;
            try
            {
                reply = await DlmWire.SendAsync(
                    server, DlmAction.Put, key, Owner, ValueOf(key), TtlSeconds);
            }
            catch (Exception e) when (e is SocketException or IOException)
            {
                // The server died with this put unanswered: it may or may not have been stored.
                _inFlight.Add(key);
                return;
            }

            if (reply.Status != DlmStatus.Done)
            {
                throw new InvalidOperationException($"Put {key} answered {reply.StatusWord}");
            }

            _acknowledged.Add(key);
            if (Interlocked.Increment(ref _acknowledgementCount) == _acknowledgementsBeforeKill)
            {
                _enough.TrySetResult();
            }
        }
    }
}
