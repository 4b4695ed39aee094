using System.Runtime.CompilerServices;
using JackrabbitDlm.Engine.Entries;
using JackrabbitDlm.Engine.Rules;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Validation;

/// <summary>
/// Steps 3 to 5 of section 6, and the fixes of section 9 that concern a request's fields: turns
/// a request read off the wire into a command the backends can trust, or a refusal.
/// </summary>
public sealed class RequestValidator
{
    private readonly RequestLimits _limits;
    private readonly IIdentityStore _identities;

    // Hashing a secret of a thousand bytes and more per request cost more than the rest of the
    // validation. The secret has just matched the record's, so the record's digest is the
    // request's; a changed identity file is a new record, so a kept stamp is never stale.
    private readonly ConditionalWeakTable<IdentityRecord, IdentityStamp> _stamps = [];

    public RequestValidator(RequestLimits limits, IIdentityStore identities)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(identities);
        _limits = limits;
        _identities = identities;
    }

    /// <summary>Validates <paramref name="request"/>.</summary>
    public ValidationResult Validate(DlmRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var (refusal, identity, maxValueLength) = request.IdentityName is null
            ? CheckAnonymous(request)
            : Authenticate(request);
        if (refusal is { } reason)
        {
            return ValidationResult.Refused(reason);
        }

        // The size limit applies to every action, as in the original, and here to the entry key
        // and the owner id too: the original bounds only the value, so one anonymous client could
        // hold megabytes per entry in names alone.
        var tooLong = (request.Value is not null && request.ValueLength > maxValueLength)
            || request.KeyLength > maxValueLength
            || request.OwnerLength > maxValueLength;
        if (tooLong)
        {
            return ValidationResult.Refused(RefusalReason.MaxDataStoreSize);
        }

        if (request.Action is not { } action)
        {
            return new ValidationResult { UnknownAction = true };
        }

        return CheckCommand(request, action, identity);
    }

    private (RefusalReason? Refusal, IdentityStamp? Identity, int MaxValueLength) CheckAnonymous(DlmRequest request)
    {
        if (request.TtlSeconds > _limits.MaxAnonymousTtlSeconds)
        {
            return (RefusalReason.MaxTTL, null, 0);
        }

        return (null, null, _limits.MaxAnonymousValueLength);
    }

    private (RefusalReason? Refusal, IdentityStamp? Identity, int MaxValueLength) Authenticate(DlmRequest request)
    {
        var name = request.IdentityName!;
        var secret = request.IdentitySecret;
        if (!IdentityNames.IsPlain(name)
            || secret is null
            || request.IdentitySecretLength < IdentityRecord.MinSecretLength)
        {
            return (RefusalReason.Identity, null, 0);
        }

        // Every failure answers the same word, so a client cannot tell a missing file from a
        // wrong secret; the comparison takes the same time wherever the secrets differ.
        var record = _identities.Find(name);
        if (record is null || !SecretComparison.FixedTimeEquals(record.SecretUtf8, secret))
        {
            return (RefusalReason.Identity, null, 0);
        }

        return (null, StampFor(name, record), record.MaxValueLength);
    }

    private IdentityStamp StampFor(string name, IdentityRecord record)
    {
        if (_stamps.TryGetValue(record, out var kept)
            && string.Equals(kept.Name, name, StringComparison.Ordinal))
        {
            return kept;
        }

        var stamp = IdentityStamp.ForSecret(name, record.SecretUtf8);
        _stamps.AddOrUpdate(record, stamp);
        return stamp;
    }

    private static ValidationResult CheckCommand(DlmRequest request, DlmAction action, IdentityStamp? identity)
    {
        // Section 9: Expire must be finite and not negative; Lock and Put need a positive TTL,
        // since the original's zero or negative TTL makes a dead entry. The reader refuses
        // non-finite values already, but a request built in code has not been through it.
        var ttlSeconds = request.TtlSeconds;
        if (!double.IsFinite(ttlSeconds) || ttlSeconds < 0)
        {
            return ValidationResult.Refused(RefusalReason.KeyVerify);
        }

        // Positive means at least one tick: a shorter TTL is zero on the clock, just as dead.
        var needsTtl = action is DlmAction.Lock or DlmAction.Put;
        var ttl = ttlSeconds >= RequestLimits.LongestTtl.TotalSeconds
            ? RequestLimits.LongestTtl
            : TimeSpan.FromSeconds(ttlSeconds);
        if (needsTtl && ttl <= TimeSpan.Zero)
        {
            return ValidationResult.Refused(RefusalReason.KeyVerify);
        }

        if (action == DlmAction.Put && request.Value is null)
        {
            return ValidationResult.Refused(RefusalReason.Payload);
        }

        var command = new EntryCommand
        {
            Action = action,
            Key = request.Key,
            Owner = request.Owner,
            Ttl = needsTtl ? ttl : TimeSpan.Zero,
            Value = action == DlmAction.Put ? new EntryValue(request.Value!, request.ValueLength) : null,
            Identity = identity,
        };
        return new ValidationResult { Command = command };
    }
}
