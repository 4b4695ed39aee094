using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace JackrabbitDlm.Engine.Validation;

/// <summary>
/// Compares secrets in a time that depends on their length only, never on where they differ,
/// like <c>CryptographicOperations.FixedTimeEquals</c>, but a vector at a time: that one reads a
/// byte per step, unoptimized on purpose, and a secret of a thousand bytes and more is compared
/// on every request that names an identity.
/// </summary>
internal static class SecretComparison
{
    /// <summary>True when both spans hold the same bytes.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool FixedTimeEquals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        // Differences are gathered, never tested, until the end: the loop has no early exit.
        var differences = Vector256<byte>.Zero;
        var at = 0;
        for (; at <= left.Length - Vector256<byte>.Count; at += Vector256<byte>.Count)
        {
            differences |= Vector256.Create(left.Slice(at, Vector256<byte>.Count))
                ^ Vector256.Create(right.Slice(at, Vector256<byte>.Count));
        }

        var tail = 0;
        for (; at < left.Length; at++)
        {
            tail |= left[at] ^ right[at];
        }

        return (differences == Vector256<byte>.Zero) & (tail == 0);
    }
}
