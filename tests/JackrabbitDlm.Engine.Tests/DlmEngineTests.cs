using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Memory;
using JackrabbitDlm.Engine.Rules;
using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Engine.Tests.Infrastructure;
using JackrabbitDlm.Engine.Validation;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Tests;

public sealed class DlmEngineTests : IAsyncDisposable
{
    private static readonly string Secret = new('s', 1100);

    private readonly FakeTimeProvider _clock = new();
    private readonly CounterSet _counters = new();
    private readonly SettableMemoryPressure _pressure = new();
    private readonly MemoryBackend _backend;
    private readonly DlmEngine _engine;

    public DlmEngineTests()
    {
        _backend = TestBackends.Memory(_clock, _counters);
        var identities = new InMemoryIdentityStore().Add("ops", Secret);
        var validator = new RequestValidator(new RequestLimits(), identities);
        _engine = new DlmEngine(_backend, validator, _pressure, _counters, "1.2.3");
    }

    public ValueTask DisposeAsync() => _backend.DisposeAsync();

    [Fact]
    public async Task Version_AnswersProductAndVersionInId()
    {
        var reply = await HandleAsync(DlmAction.Version, ttlSeconds: 0);

        Assert.Equal(DlmStatus.Version, reply.Response.Status);
        Assert.Equal("JackrabbitDLM/1.2.3", Text(reply.Response.Id));
        Assert.Null(reply.Refusal);
        Assert.Equal(new(0, 0), _backend.CountEntries());
    }

    [Fact]
    public async Task Lock_Granted_AnswersLockedWithOwnerIdAndToken()
    {
        var reply = await HandleAsync(DlmAction.Lock);

        Assert.Equal(DlmStatus.Locked, reply.Response.Status);
        Assert.Equal("owner-A-4f1c9e", Text(reply.Response.Id));
        Assert.True(reply.Response.Token > 0);
        Assert.Null(reply.Response.Value);
        Assert.Equal(1, _counters.Get(Counter.Lock));
    }

    [Fact]
    public async Task Answers_WithoutOwner_CarryNoId()
    {
        await HandleAsync(DlmAction.Lock, owner: "other-B-77d2a0");

        var notOwner = await HandleAsync(DlmAction.Lock);
        var unlockedUnknown = await HandleAsync(DlmAction.Unlock, key: "unknown");
        var getUnknown = await HandleAsync(DlmAction.Get, key: "unknown");

        Assert.Equal(DlmStatus.NotOwner, notOwner.Response.Status);
        Assert.Equal(DlmStatus.Unlocked, unlockedUnknown.Response.Status);
        Assert.Equal(DlmStatus.NotFound, getUnknown.Response.Status);
        Assert.All([notOwner, unlockedUnknown, getUnknown], reply => Assert.Null(reply.Response.Id));
        Assert.All([notOwner, unlockedUnknown, getUnknown], reply => Assert.Null(reply.Response.Token));
    }

    [Fact]
    public async Task Get_OwnValue_AnswersDoneWithValue()
    {
        await HandleAsync(DlmAction.Put, value: "1l1g");

        var reply = await HandleAsync(DlmAction.Get);

        Assert.Equal(DlmStatus.Done, reply.Response.Status);
        Assert.Equal("owner-A-4f1c9e", Text(reply.Response.Id));
        Assert.Equal("1l1g", Text(reply.Response.Value));
        Assert.Null(reply.Response.Token);
    }

    [Fact]
    public async Task Counters_EveryOutcome_CountedUnderTheOriginalsName()
    {
        await HandleAsync(DlmAction.Lock);
        await HandleAsync(DlmAction.Lock);
        await HandleAsync(DlmAction.TestLock);
        await HandleAsync(DlmAction.Get);
        await HandleAsync(DlmAction.Lock, owner: "other-B-77d2a0");
        await HandleAsync(DlmAction.Unlock);
        await HandleAsync(DlmAction.Unlock);
        await HandleAsync(DlmAction.TestLock);
        await HandleAsync(DlmAction.Get);
        await HandleAsync(DlmAction.Put, key: "data", value: "abc");
        await HandleAsync(DlmAction.Put, key: "data", value: "abcd");
        await HandleAsync(DlmAction.Get, key: "data");
        await HandleAsync(DlmAction.Erase, key: "data");
        await HandleAsync(DlmAction.Erase, key: "data");

        Assert.Equal(
            [
                "DataIn: 7", "DataOut: 4", "EraseNF: 1", "Erased: 1", "Get: 2", "GetNF: 1", "Lock: 1",
                "NotOwner: 1", "PutMemory: 2", "PutNew: 1", "PutUpdate: 1", "Relock: 1", "TestLock: 1",
                "TestLockNF: 1", "Unlock: 1", "UnlockNF: 1",
            ],
            _counters.NonZero().Select(pair => $"{pair.Key}: {pair.Value}"));
    }

    [Fact]
    public async Task Counters_DataInAndOut_CountCharactersNotBytes()
    {
        await HandleAsync(DlmAction.Put, value: "é😀");

        await HandleAsync(DlmAction.Get);

        Assert.Equal(2, _counters.Get(Counter.DataIn));
        Assert.Equal(2, _counters.Get(Counter.DataOut));
    }

    [Fact]
    public async Task UnknownAction_AnswersBadActionAndCounts()
    {
        var reply = await _engine.HandleAsync(Requests.Make(action: null), CancellationToken.None);

        Assert.Equal(DlmStatus.BadAction, reply.Response.Status);
        Assert.Null(reply.Response.Id);
        Assert.Null(reply.Refusal);
        Assert.Equal(1, _counters.Get(Counter.BadAction));
        Assert.Equal(0, _counters.Get(Counter.BadPayload));
    }

    [Theory]
    [InlineData(3543.5, null, RefusalReason.MaxTTL)]
    [InlineData(-1, null, RefusalReason.KeyVerify)]
    [InlineData(30, "x", RefusalReason.MaxDataStoreSize)]
    public async Task Refusal_AnswersBadPayloadWithReason(
        double ttlSeconds,
        string? valueSeed,
        RefusalReason reason)
    {
        var value = valueSeed is null ? null : new string('x', 16385);

        var reply = await HandleAsync(DlmAction.Lock, ttlSeconds, value);

        Assert.Equal(DlmStatus.BadPayload, reply.Response.Status);
        Assert.Null(reply.Response.Id);
        Assert.Equal(reason, reply.Refusal);
        Assert.Equal(1, _counters.Get(Counter.BadPayload));
        Assert.Equal(0, _counters.Get(Counter.AuthFailed));
        Assert.Equal(new(0, 0), _backend.CountEntries());
    }

    [Fact]
    public async Task PutWithoutValue_IsBadPayload()
    {
        var reply = await HandleAsync(DlmAction.Put, value: null);

        Assert.Equal(DlmStatus.BadPayload, reply.Response.Status);
        Assert.Equal(RefusalReason.Payload, reply.Refusal);
    }

    [Fact]
    public async Task IdentityFailure_CountsBadPayloadAndAuthFailed()
    {
        var reply = await HandleAsync(DlmAction.Lock, name: "ops", secret: new string('t', 1100));

        Assert.Equal(DlmStatus.BadPayload, reply.Response.Status);
        Assert.Equal(RefusalReason.Identity, reply.Refusal);
        Assert.Equal(1, _counters.Get(Counter.BadPayload));
        Assert.Equal(1, _counters.Get(Counter.AuthFailed));
    }

    [Fact]
    public async Task Identity_Valid_OnlyTheSameIdentityOwnsTheEntry()
    {
        var locked = await HandleAsync(DlmAction.Lock, ttlSeconds: 7200, name: "ops", secret: Secret);

        var anonymous = await HandleAsync(DlmAction.Unlock);
        var authenticated = await HandleAsync(DlmAction.Unlock, name: "ops", secret: Secret);

        Assert.Equal(DlmStatus.Locked, locked.Response.Status);
        Assert.Equal(DlmStatus.NotOwner, anonymous.Response.Status);
        Assert.Equal(DlmStatus.Unlocked, authenticated.Response.Status);
        Assert.Equal("owner-A-4f1c9e", Text(authenticated.Response.Id));
    }

    [Fact]
    public void Refuse_ReadFailure_CountsBadPayload()
    {
        var reply = _engine.Refuse(RefusalReason.Payload);

        Assert.Equal(DlmStatus.BadPayload, reply.Response.Status);
        Assert.Equal(RefusalReason.Payload, reply.Refusal);
        Assert.Equal(1, _counters.Get(Counter.BadPayload));
        Assert.Equal(0, _counters.Get(Counter.AuthFailed));
    }

    [Fact]
    public async Task OverThreshold_NewLockAnswersNoAndCounts()
    {
        await HandleAsync(DlmAction.Lock, key: "held");
        _pressure.UsageOfThreshold = 1.01;

        var newLock = await HandleAsync(DlmAction.Lock, key: "new");
        var put = await HandleAsync(DlmAction.Put, key: "data", value: "v");
        var relock = await HandleAsync(DlmAction.Lock, key: "held");

        Assert.Equal(DlmStatus.NO, newLock.Response.Status);
        Assert.Null(newLock.Response.Id);
        Assert.Equal(DlmStatus.NO, put.Response.Status);
        Assert.Equal(DlmStatus.Locked, relock.Response.Status);
        Assert.Equal(2, _counters.Get(Counter.MemoryOverloadCheck));
    }

    [Fact]
    public async Task AtThreshold_IsNotOverloaded()
    {
        _pressure.UsageOfThreshold = 1.0;

        Assert.Equal(DlmStatus.Locked, (await HandleAsync(DlmAction.Lock)).Response.Status);
    }

    [Fact]
    public async Task BackendUnavailable_AnswersNoAndCountsBackendDown()
    {
        var engine = new DlmEngine(
            new UnavailableBackend(),
            new RequestValidator(new RequestLimits(), new InMemoryIdentityStore()),
            _pressure,
            _counters,
            "1.2.3");

        var reply = await engine.HandleAsync(Requests.Make(DlmAction.Lock), CancellationToken.None);

        Assert.Equal(DlmStatus.NO, reply.Response.Status);
        Assert.Null(reply.Response.Id);
        Assert.Equal(1, _counters.Get(Counter.BackendDown));
    }

    [Fact]
    public async Task Expiry_FollowsTheBackendsClock()
    {
        await HandleAsync(DlmAction.Lock, ttlSeconds: 10);
        _clock.Advance(TimeSpan.FromSeconds(10));

        var reply = await HandleAsync(DlmAction.Lock, owner: "other-B-77d2a0");

        Assert.Equal(DlmStatus.Locked, reply.Response.Status);
        Assert.Equal(1, _counters.Get(Counter.ExpiredLock));
    }

    private Task<EngineReply> HandleAsync(
        DlmAction action,
        double ttlSeconds = 30,
        string? value = null,
        string? name = null,
        string? secret = null,
        string owner = "owner-A-4f1c9e",
        string key = Commands.Key)
    {
        var request = Requests.Make(action, ttlSeconds, value, name, secret, owner, key);
        return _engine.HandleAsync(request, CancellationToken.None).AsTask();
    }

    private static string? Text(byte[]? utf8) =>
        utf8 is null ? null : System.Text.Encoding.UTF8.GetString(utf8);

    private sealed class UnavailableBackend : IEntryBackend
    {
        public string Name => "unavailable";

        public ValueTask<ActionResult> ExecuteAsync(
            EntryCommand command,
            bool overloaded,
            CancellationToken cancellationToken) =>
            ValueTask.FromResult(new ActionResult(ActionOutcome.BackendUnavailable));

        public EntryCounts CountEntries() => default;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
