namespace JackrabbitDlm.Tools.Fighting;

/// <summary>One broken mutual exclusion, with what was seen.</summary>
/// <param name="Kind">How it broke.</param>
/// <param name="Detail">What was expected and what was found, in a sentence.</param>
public sealed record Violation(ViolationKind Kind, string Detail)
{
    /// <summary>The violation as one printable line.</summary>
    public override string ToString() => $"{Kind}: {Detail}";
}
