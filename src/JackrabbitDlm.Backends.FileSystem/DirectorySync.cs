using System.Runtime.InteropServices;

namespace JackrabbitDlm.Backends.FileSystem;

/// <summary>
/// Flushes a directory to the disk, so that a rename or a delete in it survives a power cut, not
/// only a crash of the process. .NET has no API for it (it refuses to open a directory), so on
/// Unix this calls <c>open</c> and <c>fsync</c> directly. Windows journals renames itself.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0;

    private static bool s_unsupported = OperatingSystem.IsWindows();

    /// <exception cref="IOException">The directory could not be flushed.</exception>
    public static void Flush(string directory)
    {
        if (Volatile.Read(ref s_unsupported))
        {
            return;
        }

        int descriptor;
        try
        {
            descriptor = NativeMethods.Open(directory, ReadOnly);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A platform without a C library of that name: renames still happen atomically, they
            // are only not forced to the disk.
            Volatile.Write(ref s_unsupported, true);
            return;
        }

        if (descriptor < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"Cannot open directory '{directory}' to flush it (errno {errno}).");
        }

        try
        {
            if (NativeMethods.Fsync(descriptor) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                throw new IOException($"Cannot flush directory '{directory}' (errno {errno}).");
            }
        }
        finally
        {
            _ = NativeMethods.Close(descriptor);
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Fsync(int descriptor);

        [DllImport("libc", EntryPoint = "close")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Close(int descriptor);
    }
}
