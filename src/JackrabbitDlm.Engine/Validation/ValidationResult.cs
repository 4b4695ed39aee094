using JackrabbitDlm.Engine.Rules;

namespace JackrabbitDlm.Engine.Validation;

/// <summary>The result of validating a request: a command to run, an unknown action, or a refusal.</summary>
public readonly record struct ValidationResult
{
    /// <summary>The command, when the request is valid and its action known.</summary>
    public EntryCommand? Command { get; init; }

    /// <summary>Why the request was refused, or null.</summary>
    public RefusalReason? Refusal { get; init; }

    /// <summary>True when the request is valid but names no known action (answered <c>BadAction</c>).</summary>
    public bool UnknownAction { get; init; }

    public static ValidationResult Refused(RefusalReason reason) => new() { Refusal = reason };
}
