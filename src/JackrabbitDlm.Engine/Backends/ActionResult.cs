using JackrabbitDlm.Engine.Rules;

namespace JackrabbitDlm.Engine.Backends;

/// <summary>What a backend did with a command.</summary>
/// <param name="Outcome">The outcome to answer.</param>
/// <param name="Token">The entry's fencing token, for outcomes answered <c>Locked</c>.</param>
/// <param name="Value">The value's UTF-8 bytes, for <see cref="ActionOutcome.GotValue"/>.</param>
public readonly record struct ActionResult(ActionOutcome Outcome, long Token = 0, byte[]? Value = null);
