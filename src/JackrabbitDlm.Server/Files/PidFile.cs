using System.Globalization;
using System.Text;

namespace JackrabbitDlm.Server.Files;

/// <summary>
/// <c>Logs/&lt;port&gt;.pid</c>: the server's process id, for scripts that stop or watch it. Written
/// when created, deleted when disposed if it still names this process.
/// </summary>
public sealed class PidFile : IDisposable
{
    // Monitoring often runs as another user; a process id is no secret.
    private const UnixFileMode WorldReadable =
        AtomicFile.OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly string _content;
    private bool _disposed;

    private PidFile(string path, string content)
    {
        Path = path;
        _content = content;
    }

    /// <summary>The pid file.</summary>
    public string Path { get; }

    /// <summary>Writes this process's id to <c>Logs/&lt;port&gt;.pid</c>, replacing an old file.</summary>
    /// <exception cref="IOException">The file could not be written.</exception>
    public static PidFile Create(BaseDirectory directories, int port)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);

        var name = port.ToString(CultureInfo.InvariantCulture) + ".pid";
        var path = System.IO.Path.Combine(directories.Logs, name);
        var content = Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n";
        var bytes = Encoding.ASCII.GetBytes(content);
        AtomicFile.Write(path, path + ".tmp", bytes, [], overwrite: true, WorldReadable);
        return new PidFile(path, content);
    }

    /// <summary>Deletes the file unless another process has written its own id there since.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (string.Equals(File.ReadAllText(Path), _content, StringComparison.Ordinal))
            {
                File.Delete(Path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Gone already, or not ours to remove: either way nothing is left to do.
        }
    }
}
