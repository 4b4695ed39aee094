using JackrabbitDlm.Engine.Memory;

namespace JackrabbitDlm.Server.Files;

/// <summary>What a value file says about the value after its header.</summary>
/// <param name="Record">The entry the value belongs to.</param>
/// <param name="Sequence">Orders writes: the highest sequence of a key is its newest value.</param>
/// <param name="ValueByteCount">How many bytes of value follow the header.</param>
/// <param name="ValueSha256">The SHA-256 digest of those bytes.</param>
/// <param name="ValueOffset">Where the value starts in the file.</param>
internal sealed record SpillFileHeader(
    SpillRecord Record,
    long Sequence,
    long ValueByteCount,
    byte[] ValueSha256,
    int ValueOffset);
