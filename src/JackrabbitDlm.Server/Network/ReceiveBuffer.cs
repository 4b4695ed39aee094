using System.Buffers;
using System.Diagnostics;

namespace JackrabbitDlm.Server.Network;

/// <summary>
/// The bytes a connection has received and not yet consumed, split into lines. A line is found
/// wherever its newline falls in a read (section 9: the original only looked at a read's end).
/// The array is pooled and grows on demand, never past what the line cap needs, and only as far
/// as the shared <see cref="LineBufferBudget"/> allows.
/// </summary>
/// <remarks>Not thread-safe: one connection's receive loop owns it.</remarks>
internal sealed class ReceiveBuffer : IDisposable
{
    private const int InitialSize = 4096;

    // A line longer than the initial array is usually much longer (a value of many KiB): growing
    // eightfold reaches 256 KiB in two steps, where doubling took six, each a copy of all received
    // so far and each followed by a receive into a small free space.
    private const int GrowthFactor = 8;

    private readonly int _maxLineBytes;
    private readonly LineBufferBudget _budget;
    private byte[] _array;
    private long _charged;
    private int _start;
    private int _end;

    // Everything in [_start, _scanned) is known to hold no newline, so a line arriving in many
    // small reads is scanned once, not once per read.
    private int _scanned;

    public ReceiveBuffer(int maxLineBytes, LineBufferBudget budget)
    {
        _maxLineBytes = maxLineBytes;
        _budget = budget;
        _array = ArrayPool<byte>.Shared.Rent(Math.Min(InitialSize, maxLineBytes + 1));
    }

    /// <summary>True when bytes of an unfinished line are waiting.</summary>
    public bool HasPartialLine => _end > _start;

    /// <summary>Takes the next complete line, without its newline.</summary>
    /// <remarks>The line stays valid until the next <see cref="TryGetFreeMemory"/>.</remarks>
    public LineState TakeLine(out ReadOnlyMemory<byte> line)
    {
        line = default;
        var found = _array.AsSpan(_scanned, _end - _scanned).IndexOf((byte)'\n');
        if (found < 0)
        {
            _scanned = _end;
            return _end - _start > _maxLineBytes ? LineState.TooLong : LineState.Incomplete;
        }

        var newline = _scanned + found;
        if (newline - _start > _maxLineBytes)
        {
            return LineState.TooLong;
        }

        line = _array.AsMemory(_start, newline - _start);
        _start = newline + 1;
        _scanned = _start;
        return LineState.Found;
    }

    /// <summary>
    /// Space to receive into: at least one byte, after compacting or growing the array.
    /// </summary>
    /// <returns>False when the array would have to grow and the shared budget is spent.</returns>
    public bool TryGetFreeMemory(out Memory<byte> free)
    {
        if (_start == _end)
        {
            _start = _end = _scanned = 0;
        }

        if (_end == _array.Length && !TryMakeRoom())
        {
            free = default;
            return false;
        }

        free = _array.AsMemory(_end);
        return true;
    }

    /// <summary>
    /// Records that <paramref name="count"/> bytes were received into the free memory.
    /// </summary>
    public void Advance(int count)
    {
        Debug.Assert(count > 0 && _end + count <= _array.Length, "received past the free space");
        _end += count;
    }

    public void Dispose()
    {
        var array = _array;
        _array = [];
        _budget.Give(_charged);
        _charged = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private bool TryMakeRoom()
    {
        var pending = _end - _start;
        if (_start > 0)
        {
            _array.AsSpan(_start, pending).CopyTo(_array);
            _scanned -= _start;
            _start = 0;
            _end = pending;
            return true;
        }

        // A full array holds one unfinished line within the cap (TakeLine reports anything
        // longer), so one more byte than the cap is all the room ever needed.
        Debug.Assert(pending <= _maxLineBytes, "a line over the cap is reported before more is read");
        var size = (int)Math.Min((long)_array.Length * GrowthFactor, (long)_maxLineBytes + 1);
        var larger = ArrayPool<byte>.Shared.Rent(size);
        if (!_budget.TryTake(larger.Length - _array.Length))
        {
            ArrayPool<byte>.Shared.Return(larger);
            return false;
        }

        _charged += larger.Length - _array.Length;
        _array.AsSpan(0, pending).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = larger;
        return true;
    }
}
