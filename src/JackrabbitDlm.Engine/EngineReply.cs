using JackrabbitDlm.Engine.Validation;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine;

/// <summary>The engine's answer to one request.</summary>
/// <param name="Response">The reply to send.</param>
/// <param name="Refusal">Why the request was refused before it ran, or null; refused requests are quarantined.</param>
public readonly record struct EngineReply(DlmResponse Response, RefusalReason? Refusal);
