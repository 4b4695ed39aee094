using System.Text;
using JackrabbitDlm.Protocol.Wire;
using StackExchange.Redis;

namespace JackrabbitDlm.Backends.Redis;

/// <summary>
/// The keys the backend uses under its prefix: <c>e:&lt;entry key&gt;</c> per entry (a hash),
/// <c>token</c> (the fencing token counter), and <c>locks</c> and <c>values</c> (sorted sets
/// of entry keys by expiry, so counting needs no scan of the keyspace). Entry keys are taken
/// byte for byte, and the <c>e:</c> part keeps them apart from the backend's own keys.
/// </summary>
internal sealed class RedisKeys
{
    private readonly byte[] _entryPrefix;

    public RedisKeys(string prefix)
    {
        _entryPrefix = Encoding.UTF8.GetBytes(prefix + "e:");
        Token = prefix + "token";
        Locks = prefix + "locks";
        Values = prefix + "values";
    }

    public RedisKey Token { get; }

    public RedisKey Locks { get; }

    public RedisKey Values { get; }

    public RedisKey Entry(EntryKey key)
    {
        var bytes = new byte[_entryPrefix.Length + key.Utf8.Length];
        _entryPrefix.CopyTo(bytes, 0);
        key.Utf8.CopyTo(bytes.AsSpan(_entryPrefix.Length));
        return bytes;
    }
}
