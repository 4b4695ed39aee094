using JackrabbitDlm.Client;

namespace JackrabbitDlm.Tools.Fighting;

/// <summary>The client options of a fighter's lockers.</summary>
internal static class FighterClients
{
    /// <summary>Options for one locker; retries are few and short so a fight notices a dead server.</summary>
    public static JackrabbitDlmClientOptions Options(
        FightOptions fight,
        string ownerId,
        int retryCount,
        bool withIdentity = false) => new()
        {
            Host = fight.Host,
            Port = fight.Port,
            OwnerId = ownerId,
            IdentityName = withIdentity ? fight.IdentityName : null,
            IdentitySecret = withIdentity ? fight.IdentitySecret : null,
            RetryCount = retryCount,
            RetryDelay = TimeSpan.FromMilliseconds(200),
            SocketTimeout = TimeSpan.FromSeconds(10),
            KeepAlive = fight.KeepAlive,
        };
}
