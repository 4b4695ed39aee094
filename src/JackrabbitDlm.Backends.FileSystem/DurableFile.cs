namespace JackrabbitDlm.Backends.FileSystem;

/// <summary>
/// Replaces and deletes files so that a reader, or the next run after a crash, sees either the
/// old file whole or the new one whole: write a temporary file beside it, flush it, rename it over.
/// </summary>
internal static class DurableFile
{
    /// <summary>Writes <paramref name="path"/> anew through a temporary file and a rename.</summary>
    public static void Replace(string path, bool durable, Action<FileStream> write)
    {
        var directory = Path.GetDirectoryName(path)!;
        var stem = path[..^Path.GetExtension(path).Length];
        var temporary = $"{stem}.{Guid.NewGuid():N}{StoreLayout.TemporaryExtension}";
        try
        {
            using (var stream = CreateNew(temporary, directory))
            {
                write(stream);
                stream.Flush(flushToDisk: durable);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        if (durable)
        {
            DirectorySync.Flush(directory);
        }
    }

    /// <summary>Deletes <paramref name="path"/>; a missing file is not an error.</summary>
    public static void Delete(string path, bool durable)
    {
        File.Delete(path);
        if (durable)
        {
            DirectorySync.Flush(Path.GetDirectoryName(path)!);
        }
    }

    private static FileStream CreateNew(string path, string directory)
    {
        try
        {
            return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }
        catch (DirectoryNotFoundException)
        {
            Directory.CreateDirectory(directory);
            return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left behind, it is an orphan that the sweep removes under the stripe's lock.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
