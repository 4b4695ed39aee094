using JackrabbitDlm.Engine.Entries;
using StackExchange.Redis;

namespace JackrabbitDlm.Backends.Redis;

/// <summary>An entry as the read script saw it, with the Redis clock at that moment.</summary>
/// <param name="Now">The Redis server's time, Unix milliseconds as a time span.</param>
/// <param name="View">The entry, or null when there was none.</param>
/// <param name="Revision">The entry's revision; 0 when there was none.</param>
/// <param name="Value">The value, when it was asked for and there is one.</param>
internal sealed record EntrySnapshot(TimeSpan Now, EntryView? View, long Revision, byte[]? Value)
{
    /// <summary>Reads the reply of <see cref="RedisScripts.Read"/>.</summary>
    public static EntrySnapshot Parse(RedisResult result)
    {
        var fields = (RedisResult[])result!;
        var now = TimeSpan.FromMilliseconds((long)fields[0]);
        if (fields[1].IsNull)
        {
            return new EntrySnapshot(now, null, 0, null);
        }

        var identity = fields[2].IsNull
            ? null
            : new IdentityStamp((string)fields[2]!, (byte[])fields[3]!);
        var view = new EntryView(
            (byte[])fields[1]!,
            identity,
            HasValue: !fields[7].IsNull,
            ExpiresAt: TimeSpan.FromMilliseconds((long)fields[4]),
            Token: (long)fields[5]);
        var value = fields[8].IsNull ? null : (byte[])fields[8]!;
        return new EntrySnapshot(now, view, (long)fields[6], value);
    }
}
