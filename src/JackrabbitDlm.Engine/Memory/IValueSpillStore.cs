namespace JackrabbitDlm.Engine.Memory;

/// <summary>Keeps values on disk for the memory backend. Implementations must be thread-safe.</summary>
public interface IValueSpillStore
{
    /// <summary>
    /// Writes a value so that it is either wholly there or not at all, even if the process dies
    /// during the write. Every call writes a new location; nothing is overwritten.
    /// </summary>
    /// <exception cref="IOException">The value could not be written.</exception>
    SpilledValue Write(SpillRecord record, ReadOnlySpan<byte> valueUtf8);

    /// <summary>Reads a value back.</summary>
    /// <returns>Null when it is missing or damaged: the server answers <c>Corruption</c>.</returns>
    byte[]? TryRead(SpilledValue value);

    /// <summary>Removes a value; a missing one is not an error.</summary>
    void Delete(SpilledValue value);

    /// <summary>
    /// Lists the values an earlier run left behind, newest write per key only; older copies and
    /// unfinished writes are removed.
    /// </summary>
    IReadOnlyList<(SpillRecord Record, SpilledValue Value)> LoadAll();
}
