using JackrabbitDlm.Client.Tests.Infrastructure;
using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Client.Tests.Server;

/// <summary>Every Locker operation and the statuses it can get, against the real server.</summary>
public sealed class ServerLockerTests : IAsyncLifetime
{
    private RealServer _server = null!;

    public async Task InitializeAsync() => _server = await RealServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void Lock_FreeThenOwnThenOthers_LockedLockedNotOwner()
    {
        using var owner = Locker("job");
        using var other = Locker("job");

        var first = owner.Lock(TimeSpan.FromSeconds(30));
        var again = owner.Lock(TimeSpan.FromSeconds(30));
        var stranger = other.Lock(TimeSpan.FromSeconds(30));

        Assert.Equal(DlmStatus.Locked, first.Status);
        Assert.Equal(owner.OwnerId, first.Id);
        Assert.NotNull(first.Token);
        Assert.Equal(DlmStatus.Locked, again.Status);
        Assert.Equal(first.Token, again.Token);
        Assert.Equal(DlmStatus.NotOwner, stranger.Status);
        Assert.Null(stranger.Id);
    }

    [Fact]
    public void IsLocked_TestOnly_ReportsWithoutAcquiring()
    {
        using var owner = Locker("job");
        using var other = Locker("job");

        var free = owner.IsLocked(acquire: false);
        var stillFree = other.Lock(TimeSpan.FromSeconds(30));
        var othersLock = owner.IsLocked(acquire: false);
        var seenByHolder = other.IsLocked(acquire: false);

        Assert.Equal(DlmStatus.Unlocked, free.Status);
        Assert.Null(free.Id);
        Assert.Equal(DlmStatus.Locked, stillFree.Status);
        Assert.Equal(DlmStatus.NotOwner, othersLock.Status);
        Assert.Equal(DlmStatus.Locked, seenByHolder.Status);
        Assert.Equal(other.OwnerId, seenByHolder.Id);
    }

    [Fact]
    public void IsLocked_Acquire_TakesAFreeLock()
    {
        using var owner = Locker("job");
        using var other = Locker("job");

        Assert.Equal(DlmStatus.Locked, owner.IsLocked(TimeSpan.FromSeconds(30)).Status);
        Assert.Equal(DlmStatus.NotOwner, other.IsLocked(TimeSpan.FromSeconds(30)).Status);
    }

    [Fact]
    public void Unlock_OwnUnknownAndOthers_AnswersAsTheTableSays()
    {
        using var owner = Locker("job");
        using var other = Locker("job");
        owner.Lock(TimeSpan.FromSeconds(30));

        var byStranger = other.Unlock();
        var byOwner = owner.Unlock();
        var unknown = owner.Unlock();

        Assert.Equal(DlmStatus.NotOwner, byStranger.Status);
        Assert.Equal(DlmStatus.Unlocked, byOwner.Status);
        Assert.Equal(owner.OwnerId, byOwner.Id);
        Assert.Equal(DlmStatus.Unlocked, unknown.Status);
        Assert.Null(unknown.Id);
        Assert.Equal(DlmStatus.Locked, other.Lock(TimeSpan.FromSeconds(30)).Status);
    }

    [Fact]
    public void PutGetErase_OwnEntry_DoneThenGoneAfterErase()
    {
        using var owner = Locker("job:state");

        var put = owner.Put(TimeSpan.FromSeconds(30), "step 3 of 7");
        var get = owner.Get();
        var erase = owner.Erase();
        var afterErase = owner.Get();
        var eraseAgain = owner.Erase();

        Assert.Equal(DlmStatus.Done, put.Status);
        Assert.Equal(DlmStatus.Done, get.Status);
        Assert.Equal("step 3 of 7", get.Value);
        Assert.Equal(owner.OwnerId, get.Id);
        Assert.Equal(DlmStatus.Done, erase.Status);
        Assert.Equal(DlmStatus.NotFound, afterErase.Status);
        Assert.Equal(DlmStatus.NotFound, eraseAgain.Status);
    }

    [Fact]
    public void Values_OthersEntry_NotOwnerForEveryAction()
    {
        using var owner = Locker("job:state");
        using var other = Locker("job:state");
        owner.Put(TimeSpan.FromSeconds(30), "mine");

        Assert.Equal(DlmStatus.NotOwner, other.Get().Status);
        Assert.Equal(DlmStatus.NotOwner, other.Put(TimeSpan.FromSeconds(30), "theirs").Status);
        Assert.Equal(DlmStatus.NotOwner, other.Erase().Status);
        Assert.Equal("mine", owner.Get().Value);
    }

    [Fact]
    public void Get_LockWithoutValue_AnswersNoData()
    {
        using var owner = Locker("job");
        owner.Lock(TimeSpan.FromSeconds(30));

        var result = owner.Get();

        Assert.Equal(DlmStatus.NoData, result.Status);
        Assert.Equal(owner.OwnerId, result.Id);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Erase_OwnLockWithoutValue_RemovesIt()
    {
        using var owner = Locker("job");
        using var other = Locker("job");
        owner.Lock(TimeSpan.FromSeconds(30));

        Assert.Equal(DlmStatus.NotOwner, other.Erase().Status);
        Assert.Equal(DlmStatus.Done, owner.Erase().Status);
        Assert.Equal(DlmStatus.Locked, other.Lock(TimeSpan.FromSeconds(30)).Status);
    }

    [Fact]
    public void Put_ValueOverTheAnonymousLimit_AnswersBadPayload()
    {
        using var owner = Locker("job:state");

        // The limit counts the stored (encoded) characters: 8192 bytes encode to exactly 16384.
        var fits = owner.Put(TimeSpan.FromSeconds(30), new string('x', 8192));
        var tooLarge = owner.Put(TimeSpan.FromSeconds(30), new string('x', 8193));

        Assert.Equal(DlmStatus.Done, fits.Status);
        Assert.Equal(DlmStatus.BadPayload, tooLarge.Status);
    }

    [Fact]
    public void Lock_TtlOverTheAnonymousCap_AnswersBadPayload()
    {
        using var owner = Locker("job");

        Assert.Equal(DlmStatus.BadPayload, owner.Lock(TimeSpan.FromSeconds(3544)).Status);
        Assert.Equal(DlmStatus.Locked, owner.Lock(TimeSpan.FromSeconds(3543)).Status);
    }

    [Fact]
    public void Version_RealServer_IsJackrabbitDlm()
    {
        using var locker = Locker("job");

        var version = locker.Version();

        Assert.Equal(DlmStatus.Version, version.Status);
        Assert.StartsWith("JackrabbitDLM/", version.Id);
        Assert.True(locker.IsDLM());
    }

    [Fact]
    public async Task Lock_ExpiredLease_AnotherOwnerTakesIt()
    {
        using var owner = Locker("job");
        using var other = Locker("job");
        owner.Lock(TimeSpan.FromMilliseconds(300));

        await Task.Delay(TimeSpan.FromMilliseconds(700));

        Assert.Equal(DlmStatus.Locked, other.Lock(TimeSpan.FromSeconds(30)).Status);
        Assert.Equal(DlmStatus.NotOwner, owner.Lock(TimeSpan.FromSeconds(30)).Status);
    }

    [Fact]
    public void KeepAlive_RealServer_ServesManyRequestsOnOneConnection()
    {
        using var locker = new Locker("job", _server.Options(o => o.KeepAlive = true));
        var before = _server.Server.Counters.Get(Counter.Connections);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(DlmStatus.Locked, locker.Lock(TimeSpan.FromSeconds(30)).Status);
        }

        var connections = _server.Server.Counters.Get(Counter.Connections) - before;
        Assert.Equal(1, connections);
    }

    private Locker Locker(string key) => new(key, _server.Options());
}
