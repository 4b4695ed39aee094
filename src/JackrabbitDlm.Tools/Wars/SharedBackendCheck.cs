using JackrabbitDlm.Client;
using JackrabbitDlm.Protocol.Wire;
using JackrabbitDlm.Tools.Fighting;

namespace JackrabbitDlm.Tools.Wars;

/// <summary>
/// Before a war over several servers, a value stored through the first must read back through
/// every other. Servers with tables of their own would give each group of fighters a counter of
/// its own, and such a war could pass without two groups ever meeting over the lock.
/// </summary>
internal static class SharedBackendCheck
{
    /// <summary>
    /// Stores a probe in the fence entry through the first server and reads it through the others.
    /// </summary>
    /// <remarks>The reset that follows erases the fence, probe and all.</remarks>
    /// <exception cref="ToolException">
    /// A server cannot be reached or refuses, the fence belongs to another owner, or a server
    /// does not see the probe.
    /// </exception>
    public static async Task RunAsync(
        IReadOnlyList<ServerAddress> servers,
        FightOptions fight,
        CancellationToken cancellationToken)
    {
        var first = servers[0];
        var others = servers.Where(server => server != first).Distinct().ToArray();
        if (others.Length == 0)
        {
            return;
        }

        // A fencing record with token 0: a fighter that still found it would take it for an
        // older holder's, never for a newer one.
        var probe = new FencingRecord(0, $"war-probe-{Guid.NewGuid():N}").Format();
        var stored = await SendAsync(
            fight, first, fence => fence.PutAsync(fight.DataTtl, probe, cancellationToken))
            .ConfigureAwait(false);
        if (stored.Is(DlmStatus.NotOwner))
        {
            throw new ToolException(
                $"{fight.FenceKey} belongs to another owner; choose another --data-id or --prefix");
        }

        if (!stored.Is(DlmStatus.Done))
        {
            throw new ToolException(
                $"the server {first} answered {stored.StatusWord} to Put of {fight.FenceKey}");
        }

        foreach (var server in others)
        {
            var read = await SendAsync(fight, server, fence => fence.GetAsync(cancellationToken))
                .ConfigureAwait(false);
            if (!read.Is(DlmStatus.Done) || read.Value != probe)
            {
                throw new ToolException(
                    $"the server {server} does not see what {first} stored ({read.StatusWord}): "
                        + "the servers of one war must share one backend");
            }
        }
    }

    private static async Task<LockerResult> SendAsync(
        FightOptions fight,
        ServerAddress server,
        Func<Locker, Task<LockerResult>> send)
    {
        var through = fight with { Host = server.Host, Port = server.Port };
        using var fence = new Locker(
            fight.FenceKey,
            FighterClients.Options(through, fight.EffectiveDataOwnerId, retryCount: 1));
        LockerResult reply;
        try
        {
            reply = await send(fence).ConfigureAwait(false);
        }
        catch (DlmProtocolException e)
        {
            throw new ToolException(
                $"the server {server} sent an unreadable reply: {e.Message}", e);
        }

        if (reply.IsFailure)
        {
            throw new ToolException($"cannot reach the server {server}: {reply.Error}");
        }

        return reply;
    }
}
