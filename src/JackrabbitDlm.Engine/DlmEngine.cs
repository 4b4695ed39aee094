using JackrabbitDlm.Protocol.Encoding;
using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Pressure;
using JackrabbitDlm.Engine.Rules;
using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Engine.Validation;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine;

/// <summary>
/// Answers requests: validates them, runs them against the backend and turns outcomes into replies,
/// counting everything it does. Thread-safe; one instance serves the whole server.
/// </summary>
public sealed class DlmEngine
{
    /// <summary>The name clients look for in the <c>Version</c> reply.</summary>
    public const string ProductName = "JackrabbitDLM";

    private readonly IEntryBackend _backend;
    private readonly RequestValidator _validator;
    private readonly IMemoryPressure _pressure;
    private readonly CounterSet _counters;
    private readonly byte[] _versionId;

    public DlmEngine(
        IEntryBackend backend,
        RequestValidator validator,
        IMemoryPressure pressure,
        CounterSet counters,
        string version)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(pressure);
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentException.ThrowIfNullOrEmpty(version);
        _backend = backend;
        _validator = validator;
        _pressure = pressure;
        _counters = counters;
        _versionId = System.Text.Encoding.UTF8.GetBytes($"{ProductName}/{version}");
    }

    public IEntryBackend Backend => _backend;

    public CounterSet Counters => _counters;

    /// <summary>Answers one request read off the wire.</summary>
    /// <returns>The reply, and the reason when the request was refused before it ran.</returns>
    public async ValueTask<EngineReply> HandleAsync(DlmRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var validation = _validator.Validate(request);
        if (validation.Refusal is { } reason)
        {
            return Refuse(reason);
        }

        if (validation.UnknownAction)
        {
            _counters.Increment(Counter.BadAction);
            return new EngineReply(new DlmResponse(DlmStatus.BadAction), null);
        }

        var command = validation.Command!;
        if (command.Action == DlmAction.Version)
        {
            return new EngineReply(new DlmResponse(DlmStatus.Version) { Id = _versionId }, null);
        }

        CountValueIn(command);
        var overloaded = _pressure.UsageOfThreshold > 1.0;
        var result = await _backend.ExecuteAsync(command, overloaded, cancellationToken).ConfigureAwait(false);
        Count(result);
        return new EngineReply(ToResponse(command, result), null);
    }

    /// <summary>Counts and answers a request refused before it ran, including one that could not be read.</summary>
    public EngineReply Refuse(RefusalReason reason)
    {
        _counters.Increment(Counter.BadPayload);
        if (reason == RefusalReason.Identity)
        {
            _counters.Increment(Counter.AuthFailed);
        }

        return new EngineReply(new DlmResponse(DlmStatus.BadPayload), reason);
    }

    private static DlmResponse ToResponse(EntryCommand command, ActionResult result)
    {
        var outcome = result.Outcome;
        return new DlmResponse(outcome.ToStatus())
        {
            // The ID answered is the requester's, which is the owner's whenever one is answered.
            Id = outcome.RepliesWithOwner() ? command.Owner.Utf8Array : null,
            Value = result.Value,
            Token = outcome.RepliesWithToken() ? result.Token : null,
        };
    }

    private void CountValueIn(EntryCommand command)
    {
        if (command.Value is { } value)
        {
            _counters.Add(Counter.DataIn, value.Length);
        }
    }

    private void Count(ActionResult result)
    {
        var counter = result.Outcome switch
        {
            ActionOutcome.Locked => Counter.Lock,
            ActionOutcome.Relocked => Counter.Relock,
            ActionOutcome.Unlocked => Counter.Unlock,
            ActionOutcome.UnlockedNotFound => Counter.UnlockNF,
            ActionOutcome.TestLocked => Counter.TestLock,
            ActionOutcome.TestUnlocked => Counter.TestLockNF,
            ActionOutcome.GotValue or ActionOutcome.GotNoData => Counter.Get,
            ActionOutcome.GetNotFound => Counter.GetNF,
            ActionOutcome.PutNew => Counter.PutNew,
            ActionOutcome.PutUpdated => Counter.PutUpdate,
            ActionOutcome.Erased => Counter.Erased,
            ActionOutcome.EraseNotFound => Counter.EraseNF,
            ActionOutcome.NotOwner => Counter.NotOwner,
            ActionOutcome.Overloaded => Counter.MemoryOverloadCheck,
            ActionOutcome.Corruption => Counter.Corruption,
            _ => Counter.BackendDown,
        };
        _counters.Increment(counter);
        if (result.Value is { } value)
        {
            _counters.Add(Counter.DataOut, Utf8Strict.CountCodePoints(value));
        }
    }
}
