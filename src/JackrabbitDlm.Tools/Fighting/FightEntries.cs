using System.Globalization;
using JackrabbitDlm.Client;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Tools.Fighting;

/// <summary>The shared entries of a fight seen from outside it: reset before, read during.</summary>
public static class FightEntries
{
    /// <summary>Erases the counter and fence entries, so a new fight starts from 0.</summary>
    /// <exception cref="ToolException">
    /// The server cannot be reached, or an entry belongs to another owner id.
    /// </exception>
    public static async Task ResetAsync(FightOptions fight, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fight);
        foreach (var key in new[] { fight.CounterKey, fight.FenceKey })
        {
            using var entry = new Locker(key, DataOptions(fight));
            var reply = await entry.EraseAsync(cancellationToken).ConfigureAwait(false);
            if (reply.IsFailure)
            {
                throw new ToolException($"cannot reach the server to reset {key}: {reply.Error}");
            }

            if (reply.Is(DlmStatus.NotOwner))
            {
                throw new ToolException(
                    $"{key} belongs to another owner; choose another --data-id or --prefix");
            }
        }
    }

    /// <summary>Reads the counter; absent is 0.</summary>
    /// <returns>Null when the server cannot be reached or the counter is not a number.</returns>
    public static async Task<long?> TryReadCounterAsync(
        FightOptions fight,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fight);
        using var counter = new Locker(fight.CounterKey, DataOptions(fight));
        try
        {
            var reply = await counter.GetAsync(cancellationToken).ConfigureAwait(false);
            if (reply.Is(DlmStatus.NotFound))
            {
                return 0;
            }

            return reply.Is(DlmStatus.Done)
                && long.TryParse(reply.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : null;
        }
        catch (DlmProtocolException)
        {
            return null;
        }
    }

    private static JackrabbitDlmClientOptions DataOptions(FightOptions fight) =>
        FighterClients.Options(fight, fight.EffectiveDataOwnerId, retryCount: 1);
}
