namespace JackrabbitDlm.Engine.Memory;

/// <summary>A handle to a value kept on disk.</summary>
/// <param name="Location">Where the store keeps it (for the file store: the file name).</param>
/// <param name="Length">The value's length in code points.</param>
public sealed record SpilledValue(string Location, int Length);
