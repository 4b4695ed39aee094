namespace JackrabbitDlm.Engine.Statistics;

/// <summary>
/// The statistics counters, named exactly as the original names them: the event log's statistics
/// line, the chart tool and existing dashboards all know these names.
/// </summary>
public enum Counter
{
    Lock,
    Relock,
    Unlock,
    UnlockNF,
    TestLock,
    TestLockNF,
    Get,
    GetNF,
    PutNew,
    PutUpdate,
    PutMemory,
    PutDisk,
    Erased,
    EraseNF,
    NotOwner,
    BadPayload,
    BadAction,
    AuthFailed,
    Corruption,

    /// <summary>Lock or Put requests refused with <c>NO</c> because the server was over its memory threshold.</summary>
    MemoryOverloadCheck,

    /// <summary>Gauge: the highest share of the memory threshold's base (RAM) seen, in percent.</summary>
    MemoryMax,
    ExpiredLock,
    ExpiredData,

    /// <summary>Characters of values received.</summary>
    DataIn,

    /// <summary>Characters of values sent.</summary>
    DataOut,
    Connections,

    /// <summary>Request lines received.</summary>
    In,

    /// <summary>Reply lines sent.</summary>
    Out,

    /// <summary>Connections closed without a complete request line.</summary>
    BadConn,

    /// <summary>Connections closed for sending more than the request size cap.</summary>
    DataOverrun,

    /// <summary>Connections closed by the idle timeout.</summary>
    Idle,

    /// <summary>Gauge: entries without a value (locks) held now.</summary>
    ALock,

    /// <summary>Gauge: entries with a value held now.</summary>
    AData,

    /// <summary>Gauge: connections open now.</summary>
    AIn,

    /// <summary>Gauge: replies being written now.</summary>
    AOut,

    /// <summary>Requests answered <c>NO</c> because the storage backend failed.</summary>
    BackendDown,
}
