using JackrabbitDlm.Protocol.Wire;
using System.Globalization;
using System.Text;

namespace JackrabbitDlm.Tools.Identity;

/// <summary>Writes new identity files for the server to read.</summary>
public static class IdentityFiles
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode OwnerOnlyDirectory =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// Writes <c>&lt;base&gt;/Config/&lt;name&gt;.cfg</c> with a new secret, readable by its owner
    /// only (0600 on Unix). <c>Config/</c> is made, owner-only, when missing.
    /// </summary>
    /// <param name="baseDirectory">The server's base directory.</param>
    /// <param name="name">The identity name; must be plain (<see cref="IdentityNames"/>).</param>
    /// <param name="maxSize">The largest value in characters the identity may store.</param>
    /// <returns>The path of the file written.</returns>
    /// <exception cref="ToolException">
    /// The name is not plain, the size is not positive, the file exists (it is never
    /// overwritten), or it cannot be written.
    /// </exception>
    public static string Create(string baseDirectory, string name, long maxSize)
    {
        if (!IdentityNames.IsPlain(name))
        {
            throw new ToolException(
                $"'{name}' is not a plain identity name: use 1 to {IdentityNames.MaxLength} "
                + "letters, digits, '.', '_' or '-', not starting with '.'");
        }

        if (maxSize < 1)
        {
            throw new ToolException($"the maximum size must be at least 1, not {maxSize}");
        }

        var path = BaseDirectory.IdentityFile(baseDirectory, name);
        if (File.Exists(path))
        {
            throw new ToolException($"{path} exists; an identity file is never overwritten");
        }

        var json = string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"Identity\": \"{IdentitySecrets.NewSecret()}\", \"MaxSize\": {maxSize}}}\n");
        try
        {
            CreateConfigDirectory(Path.GetDirectoryName(path)!);
            WriteOwnerOnly(path, json);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Made by someone else between the check above and the write: still never overwritten.
            throw new ToolException($"{path} exists; an identity file is never overwritten");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ToolException($"cannot write {path}: {e.Message}", e);
        }

        return path;
    }

    private static void CreateConfigDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }
    }

    // CreateNew makes the existence check atomic, and the mode is given at creation so the
    // secret is never readable by others, not even for a moment.
    private static void WriteOwnerOnly(string path, string json)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(Encoding.UTF8.GetBytes(json));
        }

        if (!OperatingSystem.IsWindows())
        {
            // The umask can only take bits away; this puts back the owner's own when it did.
            File.SetUnixFileMode(path, OwnerOnlyFile);
        }
    }
}
