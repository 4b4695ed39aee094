using System.Diagnostics;

namespace JackrabbitDlm.Backends.FileSystem;

/// <summary>
/// An exclusive operating-system lock on a lock file, held until disposed. It keeps out other
/// processes (and other opens in this one): .NET opens a file with <see cref="FileShare.None"/>
/// under <c>flock(LOCK_EX)</c> on Unix and a share-mode lock on Windows. The lock is released
/// by the system when the process dies, so a killed server never leaves an entry locked.
/// </summary>
internal sealed class FileLock : IDisposable
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMilliseconds(16);

    private readonly FileStream _stream;

    private FileLock(FileStream stream) => _stream = stream;

    /// <summary>Waits until the lock is free and takes it.</summary>
    /// <exception cref="IOException">
    /// Another holder kept it past <paramref name="timeout"/>, or the file cannot be opened.
    /// </exception>
    public static async Task<FileLock> AcquireAsync(
        string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Lock waits are about other processes in the real world, so they use real time even
        // when the backend runs on a test clock.
        var waited = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(1);
        while (true)
        {
            try
            {
                return new FileLock(Open(path));
            }
            catch (IOException) when (waited.Elapsed < timeout)
            {
                // Held elsewhere: the open fails at once rather than waiting, so poll.
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = delay * 2 < MaxRetryDelay ? delay * 2 : MaxRetryDelay;
        }
    }

    /// <summary>Takes the lock if it is free right now.</summary>
    /// <returns>The lock, or null when someone else holds it.</returns>
    public static FileLock? TryAcquire(string path)
    {
        try
        {
            return new FileLock(Open(path));
        }
        catch (IOException ex) when (ex is not DirectoryNotFoundException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();

    private static FileStream Open(string path)
    {
        try
        {
            return OpenExclusive(path);
        }
        catch (DirectoryNotFoundException)
        {
            // Someone removed the locks directory while we run: make it again rather than fail
            // every action from now on.
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return OpenExclusive(path);
        }
    }

    private static FileStream OpenExclusive(string path) =>
        new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
}
