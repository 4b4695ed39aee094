namespace JackrabbitDlm.Server.Files;

/// <summary>
/// Writes a file so that readers, and a restart after a crash, see either the old content or the
/// whole new content: write a temporary file, flush it to disk, rename it, flush the directory.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Files this server writes are readable by its own user only.</summary>
    public const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes <paramref name="head"/>, then <paramref name="body"/>, as one file.</summary>
    /// <param name="path">The final file.</param>
    /// <param name="tempPath">The temporary file, in the same directory; replaced if left over.</param>
    /// <param name="head">The first bytes.</param>
    /// <param name="body">The bytes after them.</param>
    /// <param name="overwrite">False to fail when <paramref name="path"/> exists.</param>
    /// <param name="mode">The file's permissions on Unix; owner read and write by default.</param>
    /// <exception cref="IOException">
    /// Nothing was written, or it is not known to be durable. A new file (no overwrite) is then
    /// removed again; a replacement stays, since its content is whole and the old one is gone.
    /// </exception>
    public static void Write(
        string path,
        string tempPath,
        ReadOnlySpan<byte> head,
        ReadOnlySpan<byte> body,
        bool overwrite,
        UnixFileMode mode = OwnerReadWrite)
    {
        try
        {
            WriteTemp(tempPath, head, body, mode);
            File.Move(tempPath, path, overwrite);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(tempPath);
            throw ex as IOException ?? new IOException($"Cannot write '{path}': {ex.Message}", ex);
        }

        try
        {
            DirectorySync.Flush(Path.GetDirectoryName(path)!);
        }
        catch (IOException)
        {
            // The caller will treat the write as failed; a new file left in place could come
            // back after a restart as if it had been accepted.
            if (!overwrite)
            {
                TryDelete(path);
            }

            throw;
        }
    }

    /// <summary>Deletes a file; true when it is gone afterwards, also when it never existed.</summary>
    public static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void WriteTemp(
        string tempPath, ReadOnlySpan<byte> head, ReadOnlySpan<byte> body, UnixFileMode mode)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        using var stream = new FileStream(tempPath, options);
        stream.Write(head);
        stream.Write(body);
        stream.Flush(flushToDisk: true);
    }
}
