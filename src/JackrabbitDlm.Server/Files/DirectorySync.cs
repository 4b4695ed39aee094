using System.Runtime.InteropServices;
using System.Text;

namespace JackrabbitDlm.Server.Files;

/// <summary>
/// Flushes a directory's entries to disk on Unix. A rename is durable only once its directory is:
/// without this a power cut after <c>rename</c> could bring back the previous fencing token file.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0;

    /// <summary>Flushes <paramref name="directory"/>; nothing happens on Windows or without libc.</summary>
    /// <exception cref="IOException">The directory could not be opened or flushed.</exception>
    public static void Flush(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            FlushUnix(directory);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A platform without these calls keeps the rename's own guarantee: whole or absent.
        }
    }

    private static void FlushUnix(string directory)
    {
        // A byte array rather than a string: no marshalling rules to get wrong, no unsafe code.
        var path = Encoding.UTF8.GetBytes(directory + "\0");
        var fd = Open(path, ReadOnly);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"Cannot open '{directory}' to flush it (errno {errno}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                throw new IOException($"Cannot flush '{directory}' (errno {errno}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
