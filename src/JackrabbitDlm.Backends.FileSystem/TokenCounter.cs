using System.Globalization;
using System.Text;

namespace JackrabbitDlm.Backends.FileSystem;

/// <summary>
/// The fencing token counter, a file holding the last token handed out, in decimal. Every process
/// sharing the directory bumps it under <c>locks/token.lock</c>, so tokens grow across all of them
/// and across restarts.
/// </summary>
internal sealed class TokenCounter : IDisposable
{
    private readonly StoreLayout _layout;
    private readonly TimeSpan _lockTimeout;
    private readonly bool _durable;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public TokenCounter(StoreLayout layout, TimeSpan lockTimeout, bool durable)
    {
        _layout = layout;
        _lockTimeout = lockTimeout;
        _durable = durable;
    }

    /// <summary>Hands out the next token, larger than every token handed out before.</summary>
    /// <exception cref="IOException">The counter could not be locked, read or written.</exception>
    /// <exception cref="InvalidDataException">The counter file is damaged.</exception>
    public async Task<long> NextAsync(CancellationToken cancellationToken)
    {
        // Threads of this process queue here, so the file lock is only ever contended by others.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var fileLock = await FileLock
                .AcquireAsync(_layout.TokenLockPath, _lockTimeout, cancellationToken)
                .ConfigureAwait(false);
            var next = checked(ReadLast() + 1);
            var text = Encoding.ASCII.GetBytes(next.ToString(CultureInfo.InvariantCulture) + "\n");
            DurableFile.Replace(_layout.TokenPath, _durable, stream => stream.Write(text));
            return next;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Checks the counter is readable and clears what a killed process left behind.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var fileLock = await FileLock
                .AcquireAsync(_layout.TokenLockPath, _lockTimeout, cancellationToken)
                .ConfigureAwait(false);
            _ = ReadLast();
            var orphans = "token.*" + StoreLayout.TemporaryExtension;
            foreach (var orphan in Directory.EnumerateFiles(_layout.Root, orphans))
            {
                File.Delete(orphan);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private long ReadLast()
    {
        string text;
        try
        {
            text = File.ReadAllText(_layout.TokenPath, Encoding.ASCII);
        }
        catch (FileNotFoundException)
        {
            return 0;
        }

        var digits = text.AsSpan().TrimEnd('\n');
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            throw new InvalidDataException($"The token counter '{_layout.TokenPath}' is damaged.");
        }

        return last;
    }
}
