namespace JackrabbitDlm.Backends.Tests.Servers;

/// <summary>What a <see cref="CounterFight"/> saw.</summary>
/// <param name="Grants">How many times a client was granted the lock.</param>
/// <param name="Violations">
/// Grants while another client held the lock, or whose fencing token was not above every earlier
/// one.
/// </param>
/// <param name="Refusals">How many lock requests found the lock held and tried again.</param>
/// <param name="Counts">The counter's final value as read through each server.</param>
internal sealed record CounterFightResult(
    int Grants, int Violations, int Refusals, IReadOnlyList<int> Counts);
