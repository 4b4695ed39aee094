using System.Globalization;

namespace JackrabbitDlm.Server.Monitoring;

/// <summary>
/// How much memory this process may use: the machine's RAM, or less under a container or GC
/// limit. The memory threshold of section 7 is a share of it.
/// </summary>
internal static class MemoryLimit
{
    // cgroup v2 and v1 limit files as a container sees its own cgroup.
    private static readonly string[] CgroupLimitFiles =
    [
        "/sys/fs/cgroup/memory.max",
        "/sys/fs/cgroup/memory/memory.limit_in_bytes",
    ];

    /// <summary>The memory available to this process, in bytes.</summary>
    public static long AvailableBytes()
    {
        // The GC's figure already honours the process's own cgroup and any heap hard limit; the
        // files are read as well because they are cheap and cannot make the answer larger.
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        foreach (var file in CgroupLimitFiles)
        {
            available = Smaller(available, ReadLimitFile(file));
        }

        return available;
    }

    /// <summary>The smaller of an amount and a limit that may be absent; 0 counts as unknown.</summary>
    internal static long Smaller(long available, long? limit) =>
        limit is > 0 && (available <= 0 || limit < available) ? limit.Value : available;

    /// <summary>Reads a cgroup limit file.</summary>
    /// <returns>The limit in bytes, or null when the file is missing, unreadable, or says <c>max</c>.</returns>
    internal static long? ReadLimitFile(string path)
    {
        try
        {
            var text = File.ReadAllText(path).Trim();
            var isNumber = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes);
            return isNumber ? bytes : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
