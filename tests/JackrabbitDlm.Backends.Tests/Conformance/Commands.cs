using System.Text;
using JackrabbitDlm.Engine.Entries;
using JackrabbitDlm.Engine.Rules;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Backends.Tests.Conformance;

/// <summary>Builds validated commands the way the engine hands them to a backend.</summary>
internal static class Commands
{
    /// <summary>A TTL no test outlives.</summary>
    public static readonly TimeSpan LongTtl = TimeSpan.FromHours(1);

    public static EntryCommand Lock(
        string key, string owner, TimeSpan? ttl = null, IdentityStamp? identity = null) =>
        Make(DlmAction.Lock, key, owner, ttl ?? LongTtl, null, identity);

    public static EntryCommand Unlock(string key, string owner, IdentityStamp? identity = null) =>
        Make(DlmAction.Unlock, key, owner, TimeSpan.Zero, null, identity);

    public static EntryCommand TestLock(string key, string owner, IdentityStamp? identity = null) =>
        Make(DlmAction.TestLock, key, owner, TimeSpan.Zero, null, identity);

    public static EntryCommand Get(string key, string owner, IdentityStamp? identity = null) =>
        Make(DlmAction.Get, key, owner, TimeSpan.Zero, null, identity);

    public static EntryCommand Erase(string key, string owner, IdentityStamp? identity = null) =>
        Make(DlmAction.Erase, key, owner, TimeSpan.Zero, null, identity);

    public static EntryCommand Put(
        string key, string owner, string value, TimeSpan? ttl = null, IdentityStamp? identity = null) =>
        Make(DlmAction.Put, key, owner, ttl ?? LongTtl, Value(value), identity);

    public static EntryCommand Put(
        string key, string owner, EntryValue value, TimeSpan? ttl = null,
        IdentityStamp? identity = null) =>
        Make(DlmAction.Put, key, owner, ttl ?? LongTtl, value, identity);

    /// <summary>Any action by name; <c>Put</c> stores <paramref name="value"/>.</summary>
    public static EntryCommand For(
        DlmAction action, string key, string owner, string value = "v", TimeSpan? ttl = null,
        IdentityStamp? identity = null) =>
        Make(
            action,
            key,
            owner,
            action is DlmAction.Lock or DlmAction.Put ? ttl ?? LongTtl : TimeSpan.Zero,
            action == DlmAction.Put ? Value(value) : null,
            identity);

    public static EntryValue Value(string text) =>
        new(Encoding.UTF8.GetBytes(text), text.EnumerateRunes().Count());

    public static IdentityStamp Identity(string name, string secret) =>
        IdentityStamp.ForSecret(name, Encoding.UTF8.GetBytes(secret));

    private static EntryCommand Make(
        DlmAction action,
        string key,
        string owner,
        TimeSpan ttl,
        EntryValue? value,
        IdentityStamp? identity) =>
        new()
        {
            Action = action,
            Key = EntryKey.FromString(key),
            Owner = OwnerId.FromString(owner),
            Ttl = ttl,
            Value = value,
            Identity = identity,
        };
}
