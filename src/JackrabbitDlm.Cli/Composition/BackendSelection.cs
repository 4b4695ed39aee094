using JackrabbitDlm.Backends.FileSystem;
using JackrabbitDlm.Backends.Redis;
using JackrabbitDlm.Backends.Sqlite;
using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Server.Hosting;
using JackrabbitDlm.Server.Options;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace JackrabbitDlm.Cli.Composition;

/// <summary>
/// Opens the backend <see cref="DlmServerOptions.Backend"/> names. It lives here, not in the host
/// library, so that only the executable depends on SQLite and Redis.
/// </summary>
internal static class BackendSelection
{
    /// <summary>
    /// The services with the chosen backend in <see cref="ServerServices.Backend"/>, counting its
    /// expiries into <see cref="ServerServices.Counters"/>; unchanged for the memory backend,
    /// which the server builds itself.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The store cannot be used; the message says why.
    /// </exception>
    /// <exception cref="ServerOptionsException">
    /// The Redis configuration string is malformed.
    /// </exception>
    /// <exception cref="OperationCanceledException">
    /// Cancelled while waiting for the store.
    /// </exception>
    public static async Task<ServerServices> OpenAsync(
        DlmServerOptions options,
        ServerServices services,
        CancellationToken cancellationToken)
    {
        var backend = await OpenBackendAsync(options, services, cancellationToken)
            .ConfigureAwait(false);
        return backend is null ? services : services with { Backend = backend };
    }

    private static async Task<IEntryBackend?> OpenBackendAsync(
        DlmServerOptions options,
        ServerServices services,
        CancellationToken cancellationToken)
    {
        var loggers = services.LoggerFactory;
        switch (options.Backend)
        {
            case BackendNames.Sqlite:
                var sqlite = new SqliteBackendOptions
                {
                    Path = options.ResolveSqlitePath(),
                    Counters = services.Counters,
                    Logger = loggers.CreateLogger<SqliteBackend>(),
                };
                return await SqliteBackend.OpenAsync(sqlite, cancellationToken)
                    .ConfigureAwait(false);

            case BackendNames.FileSystem:
                var fileSystem = new FileSystemBackendOptions
                {
                    Directory = options.ResolveFileSystemPath(),
                    Counters = services.Counters,
                    Logger = loggers.CreateLogger<FileSystemBackend>(),
                };
                return await FileSystemBackend.OpenAsync(fileSystem, cancellationToken)
                    .ConfigureAwait(false);

            case BackendNames.Redis:
                return await OpenRedisAsync(options, services, cancellationToken)
                    .ConfigureAwait(false);

            default:
                return null;
        }
    }

    private static async Task<IEntryBackend> OpenRedisAsync(
        DlmServerOptions options,
        ServerServices services,
        CancellationToken cancellationToken)
    {
        var redis = new RedisBackendOptions
        {
            Configuration = options.Redis,
            KeyPrefix = options.RedisKeyPrefix,
            Counters = services.Counters,
            Logger = services.LoggerFactory.CreateLogger<RedisBackend>(),
        };
        try
        {
            return await RedisBackend.OpenAsync(redis, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            // The client library names the offending option, never the password's value.
            throw new ServerOptionsException($"{ServerSettings.Redis.Describe()}: {e.Message}");
        }
        catch (InvalidOperationException e)
            when (e.InnerException is RedisConnectionException outer)
        {
            throw new InvalidOperationException(Summarize(e.Message, outer), e);
        }
    }

    // The client's messages trail a page of connection diagnostics; what an operator needs is
    // the innermost kind of failure (UnableToConnect, AuthenticationFailure, ...) and the Redis
    // server's own words, if any.
    private static string Summarize(string message, RedisConnectionException outer)
    {
        var deepest = outer;
        for (var inner = outer.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is RedisConnectionException connection)
            {
                deepest = connection;
            }
        }

        var reason = deepest.FailureType.ToString();
        if (deepest.InnerException is { } cause and not RedisConnectionException)
        {
            reason = $"{reason}: {cause.Message}";
        }

        // The backend's message is "Cannot reach Redis at <endpoints>: " and the client's own.
        var prefix = message.EndsWith(outer.Message, StringComparison.Ordinal)
            ? message[..^outer.Message.Length]
            : "Cannot reach Redis: ";
        return prefix + reason;
    }
}
