namespace JackrabbitDlm.Server.Network;

/// <summary>
/// The open connections, one slot each: enforces the connection cap, closes idle connections and
/// lets a stopping server close the waiting ones and wait for the busy ones. Thread-safe.
/// </summary>
internal sealed class ConnectionTable
{
    private readonly Lock _gate = new();
    private readonly ConnectionSession?[] _sessions;
    private readonly int[] _freeSlots;
    private readonly TaskCompletionSource _drained =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _freeCount;
    private int _stopping;

    public ConnectionTable(int capacity)
    {
        _sessions = new ConnectionSession?[capacity];
        _freeSlots = new int[capacity];
        for (var i = 0; i < capacity; i++)
        {
            _freeSlots[i] = capacity - 1 - i;
        }

        _freeCount = capacity;
    }

    /// <summary>How many connections are open.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _sessions.Length - _freeCount;
            }
        }
    }

    public bool IsStopping => Volatile.Read(ref _stopping) != 0;

    /// <summary>Completes once the table is stopping and every connection has closed.</summary>
    public Task Drained => _drained.Task;

    /// <summary>Takes a free slot for a new connection.</summary>
    /// <returns>False when every slot is taken or the server is stopping.</returns>
    public bool TryReserve(out int slot)
    {
        lock (_gate)
        {
            if (_freeCount == 0 || IsStopping)
            {
                slot = -1;
                return false;
            }

            slot = _freeSlots[--_freeCount];
            return true;
        }
    }

    /// <summary>
    /// Puts the connection that now owns <paramref name="slot"/> in reach of idle and stop checks.
    /// </summary>
    public void Attach(int slot, ConnectionSession session) =>
        Volatile.Write(ref _sessions[slot], session);

    /// <summary>Frees a slot once its connection has closed.</summary>
    public void Release(int slot)
    {
        lock (_gate)
        {
            _sessions[slot] = null;
            _freeSlots[_freeCount++] = slot;
            if (_freeCount == _sessions.Length && IsStopping)
            {
                _drained.TrySetResult();
            }
        }
    }

    /// <summary>
    /// Closes every connection that has waited at least <paramref name="idleTicks"/> for a line.
    /// </summary>
    /// <param name="now">The current timestamp of the server's time provider.</param>
    /// <param name="idleTicks">The idle timeout in timestamp ticks.</param>
    public void CloseIdle(long now, long idleTicks)
    {
        // Slots are read without the lock: a session seen just after it closed ignores the call.
        foreach (var session in _sessions)
        {
            session?.TimeOutIfIdle(now, idleTicks);
        }
    }

    /// <summary>
    /// Refuses new connections from now on and closes those waiting for a request.
    /// </summary>
    public void BeginStop()
    {
        Interlocked.Exchange(ref _stopping, 1);
        foreach (var session in _sessions)
        {
            session?.StopIfWaiting();
        }

        lock (_gate)
        {
            if (_freeCount == _sessions.Length)
            {
                _drained.TrySetResult();
            }
        }
    }

    /// <summary>Closes every connection, busy or not.</summary>
    public void AbortAll()
    {
        foreach (var session in _sessions)
        {
            session?.Abort();
        }
    }
}
