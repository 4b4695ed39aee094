using System.Globalization;
using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Rules;
using JackrabbitDlm.Protocol.Wire;
using StackExchange.Redis;

namespace JackrabbitDlm.Backends.Redis;

/// <summary>
/// Entries in Redis, shared by every server that uses the same Redis and key prefix. Each action
/// reads its entry with one script, runs <see cref="EntryRules.Decide"/> here, and commits with a
/// second script that applies the decision only if the entry has not changed since (its token and
/// revision are checked), bumping the shared token counter for a new entry in the same script. A
/// commit that finds the entry changed decides again on the fresh state, so two servers never
/// both grant one entry, and the rules are written once, in the engine.
/// </summary>
/// <remarks>
/// Time is the Redis server's clock (<c>TIME</c> in the read script), the one clock all servers
/// share; expiry is handed to Redis with <c>PEXPIREAT</c>, so expired entries vanish on their
/// own and nothing lingers. A Redis that cannot be reached answers
/// <see cref="ActionOutcome.BackendUnavailable"/> at once (commands are not queued while the
/// connection is down) and the connection recovers on its own. As with any single-primary
/// Redis, a failover to a replica that had not yet received the last writes can lose them.
/// Needs Redis 5 or later (scripts that write after reading <c>TIME</c>). Thread-safe.
/// </remarks>
public sealed partial class RedisBackend : IEntryBackend
{
    private readonly RedisBackendOptions _options;
    private readonly ConnectionMultiplexer _connection;
    private readonly IDatabase _database;
    private readonly RedisKeys _keys;
    private readonly string _endpoints;
    private EntryCounts _lastCounts;
    private int _unavailable;
    private volatile bool _disposed;

    private RedisBackend(
        RedisBackendOptions options, ConnectionMultiplexer connection, string endpoints)
    {
        _options = options;
        _connection = connection;
        _database = connection.GetDatabase();
        _keys = new RedisKeys(options.KeyPrefix);
        _endpoints = endpoints;
        var interval = options.SweepInterval;
        _sweeper = options.Time.CreateTimer(_ => StartSweep(), null, interval, interval);
    }

    public string Name => "redis";

    /// <summary>Connects to Redis and checks that it answers.</summary>
    /// <exception cref="ArgumentException">The configuration string cannot be read.</exception>
    /// <exception cref="InvalidOperationException">Redis cannot be reached.</exception>
    public static async Task<RedisBackend> OpenAsync(
        RedisBackendOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Configuration);
        ArgumentNullException.ThrowIfNull(options.KeyPrefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.SweepInterval, TimeSpan.Zero);

        var configuration = ConfigurationOptions.Parse(options.Configuration);

        // Keep trying in the background rather than fail for good when Redis is briefly away,
        // and answer NO at once while it is, instead of queueing requests behind a dead link.
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;

        // Never the configuration string itself in messages: it may hold a password.
        var endpoints = string.Join(",", configuration.EndPoints.Select(point => point.ToString()));
        ConnectionMultiplexer? connection = null;
        try
        {
            connection = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
            var ping = connection.GetDatabase().PingAsync();
            await ping.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or OperationCanceledException)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            if (ex is OperationCanceledException)
            {
                throw;
            }

            throw new InvalidOperationException($"Cannot reach Redis at {endpoints}: {ex.Message}", ex);
        }

        Log.Opened(options.Logger, endpoints, options.KeyPrefix);
        return new RedisBackend(options, connection, endpoints);
    }

    public async ValueTask<ActionResult> ExecuteAsync(
        EntryCommand command, bool overloaded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ObjectDisposedException.ThrowIf(_disposed, this);

        var entryKey = _keys.Entry(command.Key);
        try
        {
            for (var attempt = 0; attempt < _options.MaxAttempts; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var withValue = command.Action == DlmAction.Get;
                var snapshot = await ReadAsync(entryKey, withValue).ConfigureAwait(false);
                var decision = EntryRules.Decide(command, snapshot.View, snapshot.Now, overloaded);
                var result = decision.Change == EntryChange.None
                    ? Answer(decision, snapshot)
                    : await CommitAsync(command, decision, snapshot, entryKey).ConfigureAwait(false);
                if (result is { } done)
                {
                    MarkAvailable();
                    return done;
                }
            }

            Log.Contended(_options.Logger, command.Key.ToString(), _options.MaxAttempts);
            return new ActionResult(ActionOutcome.BackendUnavailable);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            MarkUnavailable(ex);
            return new ActionResult(ActionOutcome.BackendUnavailable);
        }
    }

    /// <summary>
    /// Counts the unexpired entries of every server sharing this Redis and prefix; the last known
    /// counts while Redis is unavailable.
    /// </summary>
    public EntryCounts CountEntries()
    {
        try
        {
            var reply = (RedisResult[])_database.ScriptEvaluate(
                RedisScripts.Count, [_keys.Locks, _keys.Values])!;
            _lastCounts = new EntryCounts((long)reply[0], (long)reply[1]);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            MarkUnavailable(ex);
        }

        return _lastCounts;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _sweeper.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<EntrySnapshot> ReadAsync(RedisKey entryKey, bool withValue)
    {
        var reply = await _database
            .ScriptEvaluateAsync(RedisScripts.Read, [entryKey], [withValue ? "1" : "0"])
            .ConfigureAwait(false);
        return EntrySnapshot.Parse(reply);
    }

    private static ActionResult Answer(EntryDecision decision, EntrySnapshot snapshot)
    {
        var token = decision.PurgeExpired ? 0 : snapshot.View?.Token ?? 0;
        if (decision.Outcome != ActionOutcome.GotValue)
        {
            return new ActionResult(decision.Outcome, token);
        }

        return snapshot.Value is null
            ? new ActionResult(ActionOutcome.Corruption)
            : new ActionResult(ActionOutcome.GotValue, token, snapshot.Value);
    }

    /// <summary>Applies a decision if the entry is still as the snapshot saw it.</summary>
    /// <returns>The result, or null when the entry changed and the action must be decided anew.</returns>
    private async Task<ActionResult?> CommitAsync(
        EntryCommand command, EntryDecision decision, EntrySnapshot snapshot, RedisKey entryKey)
    {
        var value = decision.Value;
        RedisValue[] arguments =
        [
            snapshot.View?.Token ?? 0,
            snapshot.Revision,

            // An expired entry may be deleted by Redis between our read and our commit; that
            // changes nothing the rules relied on, since they treated it as absent already.
            decision.PurgeExpired ? "1" : "0",
            ChangeCode(decision.Change),
            ExpiryMilliseconds(decision.ExpiresAt),
            command.Owner.Utf8Array,
            command.Identity?.Name ?? string.Empty,
            command.Identity?.SecretDigest ?? [],
            value is null ? "0" : "1",
            value?.Length ?? 0,
            value?.Utf8 ?? [],
            command.Key.Utf8Array,
        ];
        RedisKey[] keys = [entryKey, _keys.Token, _keys.Locks, _keys.Values];
        var token = (long)await _database.ScriptEvaluateAsync(RedisScripts.Commit, keys, arguments)
            .ConfigureAwait(false);
        return token < 0 ? null : new ActionResult(decision.Outcome, token);
    }

    private static string ChangeCode(EntryChange change) => change switch
    {
        EntryChange.Create => "c",
        EntryChange.Extend => "e",
        EntryChange.ReplaceValue => "r",
        EntryChange.Delete => "d",
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "not a change to commit"),
    };

    private static string ExpiryMilliseconds(TimeSpan expiresAt) =>
        (expiresAt.Ticks / TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture);

    private void MarkAvailable()
    {
        if (Interlocked.Exchange(ref _unavailable, 0) == 1)
        {
            Log.Recovered(_options.Logger, _endpoints);
        }
    }

    private void MarkUnavailable(Exception exception)
    {
        if (Interlocked.Exchange(ref _unavailable, 1) == 0)
        {
            Log.Unavailable(_options.Logger, _endpoints, exception);
        }
    }
}
