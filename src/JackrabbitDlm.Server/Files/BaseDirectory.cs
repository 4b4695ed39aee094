namespace JackrabbitDlm.Server.Files;

/// <summary>
/// The server's base directory (section 10) and its subfolders <c>Config/</c>, <c>Disk/</c>,
/// <c>Logs/</c> and <c>Quarantine/</c>. Only paths until <see cref="EnsureCreated"/> runs.
/// </summary>
public sealed class BaseDirectory
{
    /// <summary>The environment variable that overrides the default base directory.</summary>
    public const string EnvironmentVariable = "JACKRABBIT_BASE";

    // Config/ holds identity secrets and Quarantine/ holds what clients sent: owner only.
    private const UnixFileMode OwnerOnly =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode GroupOrOther = (UnixFileMode)0b000_111_111;

    /// <summary>Names the folders below <paramref name="root"/>, made absolute; creates nothing.</summary>
    public BaseDirectory(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        Config = Path.Combine(Root, "Config");
        Disk = Path.Combine(Root, "Disk");
        Logs = Path.Combine(Root, "Logs");
        Quarantine = Path.Combine(Root, "Quarantine");
    }

    /// <summary>The base directory itself, as an absolute path.</summary>
    public string Root { get; }

    /// <summary>Identity files, <c>&lt;Name&gt;.cfg</c> (section 8).</summary>
    public string Config { get; }

    /// <summary>Values kept on disk (section 11) and the fencing token ceiling.</summary>
    public string Disk { get; }

    /// <summary>The event log and the pid file.</summary>
    public string Logs { get; }

    /// <summary>Refused requests, kept for inspection.</summary>
    public string Quarantine { get; }

    /// <summary>
    /// Creates the folders that are missing and makes <c>Config/</c> and <c>Quarantine/</c> owner-only
    /// on Unix, tightening them if they already exist.
    /// </summary>
    /// <exception cref="IOException">A folder cannot be created or its permissions cannot be set.</exception>
    public void EnsureCreated()
    {
        Create(Root, secret: false);
        Create(Config, secret: true);
        Create(Disk, secret: false);
        Create(Logs, secret: false);
        Create(Quarantine, secret: true);
    }

    private static void Create(string path, bool secret)
    {
        try
        {
            if (OperatingSystem.IsWindows() || !secret)
            {
                Directory.CreateDirectory(path);
                return;
            }

            var existing = Directory.Exists(path);
            Directory.CreateDirectory(path, OwnerOnly);
            if (existing && (File.GetUnixFileMode(path) & GroupOrOther) != 0)
            {
                File.SetUnixFileMode(path, OwnerOnly);
            }
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new IOException($"Cannot create or secure the folder '{path}': {ex.Message}", ex);
        }
    }
}
