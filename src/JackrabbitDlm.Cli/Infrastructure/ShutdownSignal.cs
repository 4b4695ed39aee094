using System.Runtime.InteropServices;

namespace JackrabbitDlm.Cli.Infrastructure;

/// <summary>
/// Turns SIGINT (Ctrl+C) and SIGTERM into a graceful stop instead of an abrupt exit. A second
/// signal asks to hurry: the stop then skips its grace period.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly TaskCompletionSource _requested =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _hurry = new();
    private readonly PosixSignalRegistration[] _registrations;

    public ShutdownSignal()
    {
        _registrations = [Register(PosixSignal.SIGINT), Register(PosixSignal.SIGTERM)];
    }

    /// <summary>Completes at the first signal.</summary>
    public Task Requested => _requested.Task;

    /// <summary>Cancelled at the first signal, for work that may be abandoned (a start).</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Cancelled at the second signal.</summary>
    public CancellationToken Hurry => _hurry.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stopping.Dispose();
        _hurry.Dispose();
    }

    private PosixSignalRegistration Register(PosixSignal signal) =>
        PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            if (_requested.TrySetResult())
            {
                _stopping.Cancel();
            }
            else
            {
                _hurry.Cancel();
            }
        });
}
