using JackrabbitDlm.Client;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Tools.Fighting;

/// <summary>
/// Sends the fight's junk traffic: random large values, anonymous ones the server must refuse
/// for their size, and, when an identity is given, ones under the identity that it must store.
/// </summary>
internal sealed class JunkSender : IDisposable
{
    // Anonymous values may hold 16384 characters after the client's encoding, which doubles
    // ASCII; from 8193 characters on they are over the limit.
    private const int AnonymousMinLength = 8193;
    private const int AnonymousMaxLength = 65536;
    private const int IdentityMinLength = 1024;
    private const string Characters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static readonly TimeSpan JunkTtl = TimeSpan.FromSeconds(10);

    private readonly FightTally _tally;
    private readonly Locker _anonymous;
    private readonly Locker? _identified;
    private readonly int _identityMaxLength;

    public JunkSender(FightOptions options, FightTally tally, string tag, string ownerId)
    {
        _tally = tally;
        var key = $"{options.KeyPrefix}:junk:{tag}";
        _anonymous = new Locker(key, FighterClients.Options(options, ownerId, retryCount: 0));
        if (options.IdentityName is not null)
        {
            var identified = FighterClients.Options(options, ownerId, retryCount: 0, withIdentity: true);
            _identified = new Locker(key + ":id", identified);
            _identityMaxLength = (int)Math.Clamp(options.IdentityMaxSize / 2, 1, int.MaxValue / 2);
        }
    }

    /// <summary>Sends one junk value, half of the time under the identity when there is one.</summary>
    public async Task SendAsync(CancellationToken cancellationToken)
    {
        if (_identified is not null && Random.Shared.Next(2) == 0)
        {
            await SendIdentifiedAsync(_identified, cancellationToken).ConfigureAwait(false);
            return;
        }

        var value = RandomText(Random.Shared.Next(AnonymousMinLength, AnonymousMaxLength + 1));
        var reply = await _anonymous.PutAsync(JunkTtl, value, cancellationToken).ConfigureAwait(false);
        if (reply.Is(DlmStatus.BadPayload) || reply.IsFailure)
        {
            _tally.Killed++;
        }
        else if (reply.Is(DlmStatus.Done))
        {
            _tally.AnonymousJunkAccepted++;
            await _anonymous.EraseAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _anonymous.Dispose();
        _identified?.Dispose();
    }

    private async Task SendIdentifiedAsync(Locker identified, CancellationToken cancellationToken)
    {
        var low = Math.Min(IdentityMinLength, _identityMaxLength);
        var value = RandomText(Random.Shared.Next(low, _identityMaxLength + 1));
        var reply = await identified.PutAsync(JunkTtl, value, cancellationToken).ConfigureAwait(false);
        if (!reply.Is(DlmStatus.Done))
        {
            _tally.IdentityJunkRefused++;
            return;
        }

        _tally.JunkStored++;

        // Most junk is abandoned to expire, as a careless client's would be; some is cleaned up.
        if (Random.Shared.Next(4) == 0)
        {
            await identified.EraseAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string RandomText(int length) =>
        string.Create(length, 0, static (span, _) => Random.Shared.GetItems(Characters, span));
}
