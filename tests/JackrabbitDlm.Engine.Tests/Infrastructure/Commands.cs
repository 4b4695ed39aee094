using JackrabbitDlm.Engine.Entries;
using JackrabbitDlm.Engine.Rules;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Tests.Infrastructure;

/// <summary>Validated commands, as the request validator makes them.</summary>
internal static class Commands
{
    /// <summary>The owner ids the recorded transcripts use.</summary>
    public static readonly OwnerId OwnerA = OwnerId.FromString("owner-A-4f1c9e");

    public static readonly OwnerId OwnerB = OwnerId.FromString("other-B-77d2a0");

    public const string Key = "t:lock:1";

    /// <summary>A command; a <c>Put</c> without a given value stores <c>"v"</c>.</summary>
    public static EntryCommand Make(
        DlmAction action,
        OwnerId owner,
        double ttlSeconds = 30,
        string? value = null,
        IdentityStamp? identity = null,
        string key = Key)
    {
        var stored = action == DlmAction.Put ? value ?? "v" : null;
        return new EntryCommand
        {
            Action = action,
            Key = EntryKey.FromString(key),
            Owner = owner,
            Ttl = TimeSpan.FromSeconds(ttlSeconds),
            Value = stored is null ? null : Value(stored),
            Identity = identity,
        };
    }

    public static EntryValue Value(string text) =>
        new(System.Text.Encoding.UTF8.GetBytes(text), text.EnumerateRunes().Count());
}
