using System.Diagnostics;
using System.Globalization;
using JackrabbitDlm.Client;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Tools.Fighting;

/// <summary>
/// The lock fighter: increments a counter kept on the server, only while holding a lock, until
/// it reaches the target, and checks on the way that no other holder got in between. Many
/// fighters against one server (<c>jrdlm wars</c>) test that the lock excludes.
/// </summary>
/// <remarks>
/// Each round takes the lock (<see cref="FightMode"/> says how), reads the counter, and at a
/// random rate particular to this fighter writes it plus one and reads it back. When the server
/// sends fencing tokens, the holder's token goes into a fence entry too, and is checked again
/// before release. Unless told otherwise, each round also sends junk traffic.
/// </remarks>
public sealed class Fighter : IDisposable
{
    private const int MaxConnectionErrorsInARow = 20;
    private static readonly TimeSpan PatientPause = TimeSpan.FromMilliseconds(100);

    private readonly FightOptions _options;
    private readonly FightTally _tally = new();
    private readonly Locker _lock;
    private readonly SharedEntries _shared;
    private readonly JunkSender? _junk;
    private readonly double _writeRate;
    private int _connectionErrorsInARow;

    /// <summary>Makes a fighter; nothing is sent until <see cref="RunAsync"/>.</summary>
    /// <exception cref="ToolException">The options are out of range.</exception>
    public Fighter(FightOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        Tag = string.Create(
            CultureInfo.InvariantCulture, $"{Environment.ProcessId}-{Random.Shared.Next(0x10000):x4}");

        // Every fighter writes at its own rate, so rounds that only read mix with ones that write.
        _writeRate = 0.25 + (Random.Shared.NextDouble() * 0.65);
        var ownerId = $"fighter-{Tag}-{Guid.NewGuid():N}";
        _lock = new Locker(options.LockKey, FighterClients.Options(options, ownerId, retryCount: 3));
        _shared = new SharedEntries(options, _tally, Tag);
        _junk = options.LocksOnly ? null : new JunkSender(options, _tally, Tag, ownerId);
    }

    /// <summary>This fighter's tag in the fence entry: its process id and a random suffix.</summary>
    public string Tag { get; }

    /// <summary>Fights until the counter reaches the target, the time limit passes or the
    /// server is gone.</summary>
    /// <param name="cancellationToken">Stops the fight; the result says it was cancelled.</param>
    /// <returns>The counts, the violations seen, and why the fight stopped early if it did.</returns>
    public async Task<FightResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        string? error = null;
        try
        {
            if (!await _lock.IsDLMAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new FightAbortedException(
                    $"no JackrabbitDLM server answers at {_options.Host}:{_options.Port}");
            }

            await FightAsync(started, cancellationToken).ConfigureAwait(false);
        }
        catch (FightAbortedException e)
        {
            error = e.Message;
        }
        catch (DlmProtocolException e)
        {
            error = e.Message;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error = "cancelled";
        }

        return _tally.ToResult(_options, Tag, Stopwatch.GetElapsedTime(started), error);
    }

    /// <summary>Closes the fighter's kept-alive connections.</summary>
    public void Dispose()
    {
        _lock.Dispose();
        _shared.Dispose();
        _junk?.Dispose();
    }

    private async Task FightAsync(long started, CancellationToken cancellationToken)
    {
        while (_tally.Counter < _options.Target)
        {
            if (Stopwatch.GetElapsedTime(started) > _options.TimeLimit)
            {
                throw new FightAbortedException(
                    $"gave up after {_options.TimeLimit.TotalSeconds:0} s at counter {_tally.Counter}");
            }

            var patient = _options.Mode == FightMode.Patient
                || (_options.Mode == FightMode.Chaos && Random.Shared.Next(2) == 0);
            await RoundAsync(patient, cancellationToken).ConfigureAwait(false);
            if (patient)
            {
                await Task.Delay(PatientPause, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RoundAsync(bool patient, CancellationToken cancellationToken)
    {
        var reply = patient
            ? await _lock.LockAsync(_options.LockTtl, cancellationToken).ConfigureAwait(false)
            : await _lock.IsLockedAsync(_options.LockTtl, acquire: true, cancellationToken).ConfigureAwait(false);
        if (reply.IsFailure)
        {
            await CountConnectionErrorAsync(reply.Error, cancellationToken).ConfigureAwait(false);
            return;
        }

        _connectionErrorsInARow = 0;
        switch (reply.Status)
        {
            case DlmStatus.Locked:
                _tally.Successes++;
                await HoldAsync(reply.Token, cancellationToken).ConfigureAwait(false);
                break;
            case DlmStatus.NotOwner or DlmStatus.NO:
                _tally.Failures++;
                break;
            default:
                throw new FightAbortedException(
                    $"the server answered {reply.StatusWord} to Lock of {_options.LockKey}");
        }
    }

    // The critical section. A round whose requests find no server is given up, but the lock is
    // released all the same, so the others need not wait for it to expire.
    private async Task HoldAsync(long? token, CancellationToken cancellationToken)
    {
        try
        {
            if (token is { } opened)
            {
                _tally.FencingChecked = true;
                await _shared.OpenFenceAsync(opened, cancellationToken).ConfigureAwait(false);
            }

            await CountAsync(cancellationToken).ConfigureAwait(false);
            if (_junk is not null)
            {
                await _junk.SendAsync(cancellationToken).ConfigureAwait(false);
            }

            if (token is { } closed)
            {
                await _shared.CloseFenceAsync(closed, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RoundAbandonedException e)
        {
            await CountConnectionErrorAsync(e.Message, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ReleaseAsync(token).ConfigureAwait(false);
        }
    }

    private async Task CountAsync(CancellationToken cancellationToken)
    {
        var counter = await _shared.ReadCounterAsync(cancellationToken).ConfigureAwait(false);
        if (counter < _tally.LastWritten)
        {
            _tally.Violations.Add(new Violation(
                ViolationKind.LostIncrement,
                $"read {counter} under the lock after writing {_tally.LastWritten} earlier"));
        }

        if (counter < _options.Target && Random.Shared.NextDouble() < _writeRate)
        {
            var next = counter + 1;
            await _shared.WriteCounterAsync(next, cancellationToken).ConfigureAwait(false);
            _tally.LastWritten = next;
            counter = await _shared.ReadCounterAsync(cancellationToken).ConfigureAwait(false);
            if (counter != next)
            {
                _tally.Violations.Add(new Violation(
                    ViolationKind.LostIncrement, $"wrote {next} under the lock, read back {counter}"));
            }
        }

        _tally.Counter = counter;
    }

    // Not cancellable: a lock left behind would stall every other fighter until it expires.
    private async Task ReleaseAsync(long? token)
    {
        var reply = await _lock.UnlockAsync(CancellationToken.None).ConfigureAwait(false);
        if (reply.IsFailure)
        {
            _tally.ConnectionErrors++;
        }
        else if (reply.Is(DlmStatus.NotOwner))
        {
            var held = token is { } value ? value.ToString(CultureInfo.InvariantCulture) : "none";
            _tally.Violations.Add(new Violation(
                ViolationKind.Overlap,
                $"another owner held the lock when this fighter released it (token {held})"));
        }
        else if (reply.Is(DlmStatus.Unlocked) && reply.Id is null)
        {
            _tally.LeasesExpired++;
        }
    }

    private async Task CountConnectionErrorAsync(string? error, CancellationToken cancellationToken)
    {
        _tally.ConnectionErrors++;
        if (++_connectionErrorsInARow >= MaxConnectionErrorsInARow)
        {
            throw new FightAbortedException(
                $"{MaxConnectionErrorsInARow} requests in a row found no server; the last: {error}");
        }

        await Task.Delay(PatientPause, cancellationToken).ConfigureAwait(false);
    }
}
