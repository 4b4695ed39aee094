using JackrabbitDlm.Engine.Entries;

namespace JackrabbitDlm.Engine.Memory;

/// <summary>The parts of a memory entry that plain anonymous locks do not have.</summary>
internal sealed class EntryPayload
{
    public IdentityStamp? Identity { get; init; }

    /// <summary>The value: an <see cref="EntryValue"/> in memory, a <see cref="SpilledValue"/> on disk, or null.</summary>
    public object? Value { get; init; }
}
