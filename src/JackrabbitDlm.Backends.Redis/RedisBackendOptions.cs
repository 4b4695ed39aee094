using JackrabbitDlm.Engine.Statistics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JackrabbitDlm.Backends.Redis;

/// <summary>Which Redis the backend uses and how it names its keys there.</summary>
public sealed record RedisBackendOptions
{
    /// <summary>
    /// A StackExchange.Redis configuration string: <c>localhost:6379</c>,
    /// <c>redis.example:6380,ssl=true,password=…</c>, or sentinels with <c>serviceName=…</c>.
    /// </summary>
    public required string Configuration { get; init; }

    /// <summary>
    /// Put before every key the backend makes, so one Redis can hold other data or several lock
    /// tables. On Redis Cluster it must contain a hash tag (e.g. <c>{jrdlm}:</c>): each action is
    /// one script over the entry and the shared token counter, which must live in one slot.
    /// </summary>
    public string KeyPrefix { get; init; } = "jrdlm:";

    /// <summary>
    /// How often an action may find its entry changed by another server between reading and
    /// committing before it gives up and answers <c>NO</c>.
    /// </summary>
    public int MaxAttempts { get; init; } = 16;

    /// <summary>How often the count indexes are pruned of expired entries.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The clock for the sweep timer only; expiry itself runs on the Redis server's clock.
    /// </summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Where <c>ExpiredLock</c> and <c>ExpiredData</c> are counted, as this server's sweeps find
    /// expired entries.
    /// </summary>
    public CounterSet Counters { get; init; } = new();

    public ILogger Logger { get; init; } = NullLogger.Instance;
}
