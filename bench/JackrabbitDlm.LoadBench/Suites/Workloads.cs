using JackrabbitDlm.LoadBench.Load;

namespace JackrabbitDlm.LoadBench.Suites;

/// <summary>The workloads every suite runs, built once per benchmark run.</summary>
internal sealed class Workloads
{
    /// <summary>The value size of the large-value workload, in characters (wire DataStore).</summary>
    public const int LargeValueLength = 64 * 1024;

    public Workloads(string runId)
    {
        // A long random-looking secret, as identity files require at least 1023 characters.
        Identity = new BenchIdentity("bench", string.Concat(Enumerable.Repeat(runId, 160)));
        LockUnlock = Workload.LockUnlock(runId);
        OneName = Workload.OneName(runId);
        SmallValues = Workload.PutGet(runId, "put+get, 100-char values", 100, 30, identity: null);

        // A TTL of 10 s keeps values in memory (only longer-lived large values go to disk).
        LargeValues = Workload.PutGet(runId, "put+get, 64 KiB values", LargeValueLength, 10, Identity);
        LargeValuesOnDisk = Workload.PutGet(
            runId, "put+get, 64 KiB values, TTL 60 s (on disk)", LargeValueLength, 60, Identity);
    }

    public BenchIdentity Identity { get; }

    public Workload LockUnlock { get; }

    public Workload OneName { get; }

    public Workload SmallValues { get; }

    public Workload LargeValues { get; }

    public Workload LargeValuesOnDisk { get; }

    public IEnumerable<Workload> All => [LockUnlock, OneName, SmallValues, LargeValues];
}
