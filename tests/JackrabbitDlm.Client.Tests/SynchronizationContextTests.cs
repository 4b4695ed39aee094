using JackrabbitDlm.Client.Tests.Infrastructure;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Client.Tests;

/// <summary>
/// The blocking methods must not need the caller's context: under a context that never runs what is
/// posted to it (a UI thread blocked in the call), any await that captured it would hang.
/// </summary>
public sealed class SynchronizationContextTests
{
    [Fact]
    public async Task BlockingCalls_UnderAContextThatNeverRuns_Complete()
    {
        await using var server = new CannedServer(request => request.Action switch
        {
            DlmAction.Lock => CannedServer.Reply(DlmStatus.Locked, request.Owner(), token: 1),
            DlmAction.Unlock => CannedServer.Reply(DlmStatus.Unlocked, request.Owner()),
            _ => CannedServer.Reply(DlmStatus.Version, "JackrabbitDLM/1"),
        });
        using var client = new DlmClient(server.Options());
        var locker = client.CreateLocker("job");
        var theLock = new DlmLockProvider(client).CreateLock("job");

        var calls = Task.Factory.StartNew(
            () =>
            {
                SynchronizationContext.SetSynchronizationContext(new NeverRunningContext());
                var locked = locker.Lock();
                var isDlm = locker.IsDLM();
                using (theLock.Acquire(TimeSpan.FromSeconds(5)))
                {
                }

                return (locked.Status, isDlm);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        var (status, isDlm) = await calls.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(DlmStatus.Locked, status);
        Assert.True(isDlm);
    }

    private sealed class NeverRunningContext : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state)
        {
        }

        public override void Send(SendOrPostCallback d, object? state)
        {
        }
    }
}
