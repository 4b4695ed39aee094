namespace JackrabbitDlm.Backends.Redis;

/// <summary>
/// The server-side scripts. Each runs atomically in Redis, so no other server's change can fall
/// between its reads and its writes. The rules themselves are not here: they run in .NET between
/// <see cref="Read"/> and <see cref="Commit"/>, and the commit only applies what they decided
/// if the entry is still as they saw it.
/// </summary>
/// <remarks>
/// Entry hash fields: <c>o</c> owner id, <c>n</c> identity name, <c>d</c> secret digest,
/// <c>x</c> expiry (Unix ms on the Redis clock), <c>t</c> fencing token, <c>r</c> revision
/// (bumped by every change, so a commit can tell the entry moved on), <c>l</c> value length in
/// code points and <c>v</c> the value, both only when there is a value.
/// </remarks>
internal static class RedisScripts
{
    /// <summary>
    /// KEYS: entry. ARGV: '1' to include the value. Returns the Redis clock and the entry's fields
    /// (nil when absent): now, o, n, d, x, t, r, l, v.
    /// </summary>
    public const string Read = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local e = redis.call('HMGET', KEYS[1], 'o', 'n', 'd', 'x', 't', 'r', 'l')
        local v = false
        if ARGV[1] == '1' then
            v = redis.call('HGET', KEYS[1], 'v')
        end
        return {now, e[1], e[2], e[3], e[4], e[5], e[6], e[7], v}
        """;

    /// <summary>
    /// KEYS: entry, token counter, locks index, values index. ARGV: 1 expected token, 2 expected
    /// revision (both 0 for an absent entry), 3 '1' when the entry may also have vanished (it had
    /// expired), 4 change (c create, e extend, r replace value, d delete), 5 expiry ms, 6 owner,
    /// 7 identity name ('' for none), 8 digest, 9 '1' when a value is given, 10 value length,
    /// 11 value, 12 the entry key for the indexes. Returns the entry's token, or -1 when the
    /// entry changed since it was read.
    /// </summary>
    public const string Commit = """
        local cur = redis.call('HMGET', KEYS[1], 't', 'r')
        local token = tonumber(cur[1]) or 0
        local rev = tonumber(cur[2]) or 0
        local same = token == tonumber(ARGV[1]) and rev == tonumber(ARGV[2])
        if not same and not (token == 0 and ARGV[3] == '1') then
            return -1
        end
        local change = ARGV[4]
        local member = ARGV[12]
        if change == 'd' then
            redis.call('DEL', KEYS[1])
            redis.call('ZREM', KEYS[3], member)
            redis.call('ZREM', KEYS[4], member)
            return token
        end
        if change == 'c' then
            redis.call('DEL', KEYS[1])
            token = redis.call('INCR', KEYS[2])
            redis.call('HSET', KEYS[1], 'o', ARGV[6], 't', token, 'r', 1, 'x', ARGV[5])
            if ARGV[7] ~= '' then
                redis.call('HSET', KEYS[1], 'n', ARGV[7], 'd', ARGV[8])
            end
        else
            redis.call('HINCRBY', KEYS[1], 'r', 1)
            redis.call('HSET', KEYS[1], 'x', ARGV[5])
        end
        local hasValue
        if change == 'e' then
            hasValue = redis.call('HEXISTS', KEYS[1], 'l') == 1
        else
            hasValue = ARGV[9] == '1'
            if hasValue then
                redis.call('HSET', KEYS[1], 'l', ARGV[10], 'v', ARGV[11])
            end
        end
        if hasValue then
            redis.call('ZREM', KEYS[3], member)
            redis.call('ZADD', KEYS[4], ARGV[5], member)
        else
            redis.call('ZREM', KEYS[4], member)
            redis.call('ZADD', KEYS[3], ARGV[5], member)
        end
        redis.call('PEXPIREAT', KEYS[1], ARGV[5])
        return token
        """;

    /// <summary>KEYS: locks index, values index. Returns how many of each expire after now.</summary>
    public const string Count = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local after = string.format('(%d', now)
        local locks = redis.call('ZCOUNT', KEYS[1], after, '+inf')
        return {locks, redis.call('ZCOUNT', KEYS[2], after, '+inf')}
        """;

    /// <summary>
    /// KEYS: locks index, values index. ARGV: the most members to remove from each. Removes
    /// members whose entry has expired (Redis itself deletes the entries) and returns how many
    /// of each.
    /// </summary>
    public const string Prune = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local removed = {}
        for i = 1, 2 do
            local members = redis.call('ZRANGEBYSCORE', KEYS[i], '-inf', string.format('%d', now),
                'LIMIT', 0, tonumber(ARGV[1]))
            if #members > 0 then
                redis.call('ZREM', KEYS[i], unpack(members))
            end
            removed[i] = #members
        end
        return removed
        """;
}
