using JackrabbitDlm.Protocol.Wire;
namespace JackrabbitDlm.Tools.Identity;

/// <summary>An identity to send with requests: its name and what its file holds.</summary>
/// <param name="Name">The identity name (wire <c>Name</c>).</param>
/// <param name="File">The identity file's content.</param>
/// <param name="Path">Where the file was read from.</param>
public sealed record IdentityChoice(string Name, IdentityFile File, string Path)
{
    /// <summary>
    /// Finds the identity a command line asks for: <paramref name="file"/> when given (its name
    /// is <paramref name="name"/>, else the file's name without <c>.cfg</c>); else, for a
    /// <paramref name="name"/> alone, <c>Config/&lt;name&gt;.cfg</c> under the base directory.
    /// </summary>
    /// <returns>Null when neither a name nor a file is given: the requests are anonymous.</returns>
    /// <exception cref="ToolException">The name is not plain, or the file cannot be read.</exception>
    public static IdentityChoice? Resolve(string? name, string? file, string? baseDirectory)
    {
        if (name is null && file is null)
        {
            return null;
        }

        name ??= System.IO.Path.GetFileNameWithoutExtension(file!);
        if (!IdentityNames.IsPlain(name))
        {
            throw new ToolException($"'{name}' is not a plain identity name; the server would refuse it");
        }

        var path = file ?? BaseDirectory.IdentityFile(BaseDirectory.Resolve(baseDirectory), name);
        return new IdentityChoice(name, IdentityFile.Read(path), path);
    }
}
