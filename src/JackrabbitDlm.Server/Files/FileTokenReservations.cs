using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using JackrabbitDlm.Engine.Tokens;

namespace JackrabbitDlm.Server.Files;

/// <summary>
/// Keeps the fencing token ceiling in <c>Disk/fencing-tokens</c>, replaced atomically on each save,
/// so tokens keep growing across restarts. Thread-safe.
/// </summary>
/// <remarks>
/// The file holds one line, <c>&lt;ceiling&gt; &lt;SHA-256 of the decimal ceiling, hex&gt;</c>. A file
/// that does not check out is never guessed around: tokens going backwards would let two clients
/// both believe they hold the newest lock.
/// </remarks>
public sealed class FileTokenReservations : ITokenReservationStore
{
    /// <summary>The file's name in <c>Disk/</c>.</summary>
    public const string FileName = "fencing-tokens";

    private const int MaxFileBytes = 256;

    private readonly Lock _gate = new();
    private readonly string _path;
    private long _saved;

    /// <summary>Keeps the ceiling in the <c>Disk/</c> folder, which must exist.</summary>
    public FileTokenReservations(BaseDirectory directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        _path = Path.Combine(directories.Disk, FileName);
    }

    /// <summary>The file that holds the ceiling.</summary>
    public string FilePath => _path;

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">The file is damaged: the server must not start.</exception>
    /// <exception cref="IOException">The file exists but cannot be read.</exception>
    public long LoadCeiling()
    {
        lock (_gate)
        {
            byte[] content;
            try
            {
                content = ReadLimited();
            }
            catch (FileNotFoundException)
            {
                // No file: no earlier run handed out a token here. A leftover temporary file means
                // the first save never finished, so none of its tokens were handed out either.
                return _saved;
            }

            _saved = Math.Max(_saved, Parse(content) ?? throw Damaged());
            return _saved;
        }
    }

    /// <inheritdoc />
    /// <remarks>A ceiling below one saved before is ignored: the ceiling never goes down.</remarks>
    /// <exception cref="IOException">
    /// The ceiling could not be saved durably: no token above the old ceiling may be handed out.
    /// </exception>
    public void SaveCeiling(long ceiling)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ceiling);
        lock (_gate)
        {
            if (ceiling <= _saved)
            {
                return;
            }

            AtomicFile.Write(_path, _path + ".tmp", Format(ceiling), [], overwrite: true);
            _saved = ceiling;
        }
    }

    internal static byte[] Format(long ceiling)
    {
        var text = ceiling.ToString(CultureInfo.InvariantCulture);
        return Encoding.ASCII.GetBytes($"{text} {Digest(text)}\n");
    }

    internal static long? Parse(ReadOnlySpan<byte> content)
    {
        var text = Encoding.ASCII.GetString(content);
        var parts = text.TrimEnd('\n').Split(' ');
        if (parts.Length != 2 || !string.Equals(Digest(parts[0]), parts[1], StringComparison.Ordinal)
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ceiling))
        {
            return null;
        }

        return ceiling;
    }

    private static string Digest(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(text)));

    private byte[] ReadLimited()
    {
        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var buffer = new byte[MaxFileBytes + 1];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return buffer[..read];
    }

    private InvalidDataException Damaged() => new(
        $"The fencing token file '{_path}' is damaged. Starting would risk handing out tokens that were "
        + "handed out before. Restore the file from a backup, or delete it if no client relies on "
        + "fencing tokens growing across restarts.");
}
