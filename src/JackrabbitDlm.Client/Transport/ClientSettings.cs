using JackrabbitDlm.Protocol.Encoding;

namespace JackrabbitDlm.Client.Transport;

/// <summary>
/// A validated, immutable copy of <see cref="JackrabbitDlmClientOptions"/>, so a client never sees
/// later changes to the options object and every thread reads the same values.
/// </summary>
internal sealed record ClientSettings
{
    public required string Host { get; init; }

    public required int Port { get; init; }

    public required string OwnerId { get; init; }

    public string? IdentityName { get; init; }

    public string? IdentitySecret { get; init; }

    public required int RetryCount { get; init; }

    public required TimeSpan RetryDelay { get; init; }

    public required TimeSpan SocketTimeout { get; init; }

    public required bool KeepAlive { get; init; }

    public required TimeSpan LeaseDuration { get; init; }

    public required Func<string, string> ValueEncoder { get; init; }

    public required Func<string, string?> ValueDecoder { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Checks and copies the options.</summary>
    /// <exception cref="ArgumentException">
    /// An option is out of range; the parameter name says which.
    /// </exception>
    public static ClientSettings From(JackrabbitDlmClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Host, nameof(options.Host));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Port, 1, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfNegative(options.RetryCount, nameof(options.RetryCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(
            options.RetryDelay, TimeSpan.Zero, nameof(options.RetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(
            options.SocketTimeout, TimeSpan.Zero, nameof(options.SocketTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(
            options.LeaseDuration, TimeSpan.Zero, nameof(options.LeaseDuration));
        if (options.OwnerId is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(options.OwnerId, nameof(options.OwnerId));
        }

        // The wire carries the secret only beside a name (PROTOCOL.md section 4); a secret alone
        // would silently make every request anonymous.
        if (options.IdentitySecret is not null && options.IdentityName is null)
        {
            throw new ArgumentException(
                $"{nameof(options.IdentitySecret)} needs an {nameof(options.IdentityName)}.",
                nameof(options));
        }

        return new ClientSettings
        {
            Host = options.Host,
            Port = options.Port,
            OwnerId = options.OwnerId ?? OwnerIds.NewId(),
            IdentityName = options.IdentityName,
            IdentitySecret = options.IdentitySecret,
            RetryCount = options.RetryCount,
            RetryDelay = options.RetryDelay,
            SocketTimeout = options.SocketTimeout,
            KeepAlive = options.KeepAlive,
            LeaseDuration = options.LeaseDuration,
            ValueEncoder = options.ValueEncoder ?? DlmTextEncoding.EncodeText,
            ValueDecoder = options.ValueDecoder ?? DlmTextEncoding.DecodeText,
        };
    }
}
