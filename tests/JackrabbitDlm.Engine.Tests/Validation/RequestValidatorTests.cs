using System.Text;
using JackrabbitDlm.Engine.Entries;
using JackrabbitDlm.Engine.Tests.Infrastructure;
using JackrabbitDlm.Engine.Validation;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Tests.Validation;

public sealed class RequestValidatorTests
{
    private static readonly string Secret = new('s', 1100);

    private readonly InMemoryIdentityStore _identities = new InMemoryIdentityStore()
        .Add("ops", Secret)
        .Add("small", Secret, maxValueLength: 100)
        .Add("large", Secret, maxValueLength: 100_000);

    public static TheoryData<DlmAction?> EveryAction => new()
    {
        DlmAction.Lock, DlmAction.Unlock, DlmAction.TestLock, DlmAction.Get, DlmAction.Put,
        DlmAction.Erase, DlmAction.Version, null,
    };

    [Theory]
    [MemberData(nameof(EveryAction))]
    public void Validate_AnonymousTtlAtTheCap_IsAccepted(DlmAction? action)
    {
        var result = Validate(Requests.Make(action, ttlSeconds: 3543, value: "v"));

        Assert.Null(result.Refusal);
    }

    [Theory]
    [MemberData(nameof(EveryAction))]
    public void Validate_AnonymousTtlAboveTheCap_IsRefusedOnEveryAction(DlmAction? action)
    {
        var result = Validate(Requests.Make(action, ttlSeconds: 3543.5, value: "v"));

        Assert.Equal(RefusalReason.MaxTTL, result.Refusal);
        Assert.Null(result.Command);
        Assert.False(result.UnknownAction);
    }

    [Theory]
    [MemberData(nameof(EveryAction))]
    public void Validate_AnonymousValueAtTheCap_IsAccepted(DlmAction? action)
    {
        var result = Validate(Requests.Make(action, value: new string('é', 16384)));

        Assert.Null(result.Refusal);
    }

    [Theory]
    [MemberData(nameof(EveryAction))]
    public void Validate_AnonymousValueOverTheCap_IsRefusedOnEveryAction(DlmAction? action)
    {
        var result = Validate(Requests.Make(action, value: new string('é', 16385)));

        Assert.Equal(RefusalReason.MaxDataStoreSize, result.Refusal);
    }

    [Fact]
    public void Validate_AnonymousKeyOrOwnerOverTheCap_IsRefused()
    {
        var atCap = new string('k', 16384);
        var overCap = atCap + "k";

        Assert.Null(Refusal(Requests.Make(DlmAction.Lock, key: atCap, owner: atCap)));
        Assert.Equal(RefusalReason.MaxDataStoreSize, Refusal(Requests.Make(DlmAction.Lock, key: overCap)));
        Assert.Equal(RefusalReason.MaxDataStoreSize, Refusal(Requests.Make(DlmAction.TestLock, owner: overCap)));
    }

    [Fact]
    public void Validate_ValueOfAstralCharacters_CountedInCodePoints()
    {
        var atCap = string.Concat(Enumerable.Repeat("😀", 16384));

        Assert.Null(Refusal(Requests.Make(DlmAction.Put, value: atCap)));
        Assert.Equal(
            RefusalReason.MaxDataStoreSize,
            Refusal(Requests.Make(DlmAction.Put, value: atCap + "😀")));
    }

    [Fact]
    public void Validate_LimitsFromOptions_AreApplied()
    {
        var limits = new RequestLimits { MaxAnonymousTtlSeconds = 10, MaxAnonymousValueLength = 3 };
        var validator = new RequestValidator(limits, _identities);

        // A short key and owner id, since the size limit bounds them too.
        RefusalReason? RefusalOf(double ttlSeconds, string value) =>
            validator.Validate(Requests.Make(DlmAction.Put, ttlSeconds, value, owner: "o", key: "k")).Refusal;

        Assert.Null(RefusalOf(10, "abc"));
        Assert.Equal(RefusalReason.MaxTTL, RefusalOf(10.5, "abc"));
        Assert.Equal(RefusalReason.MaxDataStoreSize, RefusalOf(10, "abcd"));
    }

    [Fact]
    public void Validate_ValidIdentity_CommandCarriesItsStamp()
    {
        var result = Validate(Requests.Make(DlmAction.Lock, name: "ops", secret: Secret));

        Assert.Null(result.Refusal);
        var identity = result.Command!.Identity;
        Assert.NotNull(identity);
        var expected = IdentityStamp.ForSecret("ops", System.Text.Encoding.UTF8.GetBytes(Secret));
        Assert.True(identity.Matches(expected));
    }

    [Fact]
    public void Validate_SameIdentityTwice_StampsMatch()
    {
        var validator = new RequestValidator(new RequestLimits(), _identities);

        var first = StampOf(validator, Authenticated(DlmAction.Lock, "ops"));
        var second = StampOf(validator, Authenticated(DlmAction.Put, "ops", value: "v"));

        Assert.NotNull(first);
        Assert.True(first.Matches(second));
        Assert.Equal("ops", second!.Name);
    }

    [Fact]
    public void Validate_IdentityFileChanged_StampsTheNewSecret()
    {
        var identities = new InMemoryIdentityStore().Add("ops", Secret);
        var validator = new RequestValidator(new RequestLimits(), identities);
        var before = StampOf(validator, Authenticated(DlmAction.Lock, "ops"));
        var newSecret = new string('t', 1100);
        identities.Add("ops", newSecret);

        var after = StampOf(validator, Authenticated(DlmAction.Lock, "ops", newSecret));

        var expected = IdentityStamp.ForSecret("ops", Encoding.UTF8.GetBytes(newSecret));
        Assert.True(after!.Matches(expected));
        Assert.False(after.Matches(before));
    }

    [Fact]
    public void Validate_TwoNamesSharingARecord_EachStampCarriesItsName()
    {
        var record = new IdentityRecord(Encoding.UTF8.GetBytes(Secret), 100);
        var validator = new RequestValidator(new RequestLimits(), new SharedRecordStore(record));

        var first = StampOf(validator, Authenticated(DlmAction.Lock, "one"));
        var second = StampOf(validator, Authenticated(DlmAction.Lock, "two"));

        Assert.Equal("one", first!.Name);
        Assert.Equal("two", second!.Name);
        Assert.False(first.Matches(second));
    }

    [Fact]
    public void Validate_IdentityFileMissing_IsRefused()
    {
        var result = Validate(Requests.Make(DlmAction.Lock, name: "nobody", secret: Secret));

        Assert.Equal(RefusalReason.Identity, result.Refusal);
        Assert.Equal(["nobody"], _identities.Lookups);
    }

    [Fact]
    public void Validate_NameWithoutSecret_IsRefused()
    {
        var result = Validate(Requests.Make(DlmAction.Lock, name: "ops", secret: null));

        Assert.Equal(RefusalReason.Identity, result.Refusal);
    }

    [Fact]
    public void Validate_SecretShorterThan1023_IsRefusedEvenWhenItMatches()
    {
        var shortSecret = new string('s', 1022);
        var identities = new InMemoryIdentityStore().Add("ops", shortSecret);
        var validator = new RequestValidator(new RequestLimits(), identities);

        var result = validator.Validate(Authenticated(DlmAction.Lock, "ops", shortSecret));

        Assert.Equal(RefusalReason.Identity, result.Refusal);
    }

    [Fact]
    public void Validate_SecretOf1023Characters_IsAccepted()
    {
        var secret = new string('é', 1023);
        var identities = new InMemoryIdentityStore().Add("ops", secret);
        var validator = new RequestValidator(new RequestLimits(), identities);

        var result = validator.Validate(Requests.Make(DlmAction.Lock, name: "ops", secret: secret));

        Assert.Null(result.Refusal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(500)]
    [InlineData(1099)]
    public void Validate_WrongSecretOfTheSameLength_IsRefused(int differingAt)
    {
        var wrong = Secret[..differingAt] + "t" + Secret[(differingAt + 1)..];

        var result = Validate(Requests.Make(DlmAction.Lock, name: "ops", secret: wrong));

        Assert.Equal(Secret.Length, wrong.Length);
        Assert.Equal(RefusalReason.Identity, result.Refusal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void Validate_SecretOfAnotherLength_IsRefused(int lengthDifference)
    {
        var wrong = new string('s', Secret.Length + lengthDifference);

        Assert.Equal(RefusalReason.Identity, Refusal(Authenticated(DlmAction.Lock, "ops", wrong)));
    }

    [Theory]
    [InlineData("../ops")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\b")]
    [InlineData(".ops")]
    [InlineData(".")]
    [InlineData("")]
    [InlineData("ops name")]
    [InlineData("ops\u0000")]
    [InlineData("opé")]
    [InlineData("ops:1")]
    public void Validate_IdentityNameNotAPlainFileName_IsRefusedWithoutLookingItUp(string name)
    {
        var result = Validate(Requests.Make(DlmAction.Lock, name: name, secret: Secret));

        Assert.Equal(RefusalReason.Identity, result.Refusal);
        Assert.Empty(_identities.Lookups);
    }

    [Fact]
    public void Validate_IdentityNameOver128Characters_IsRefused()
    {
        var longName = new string('a', IdentityNames.MaxLength + 1);
        _identities.Add(longName, Secret);

        Assert.Equal(RefusalReason.Identity, Refusal(Authenticated(DlmAction.Lock, longName)));
        Assert.Empty(_identities.Lookups);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("ops.team_2-b")]
    [InlineData("A.B")]
    public void Validate_PlainIdentityName_IsLookedUp(string name)
    {
        _identities.Add(name, Secret);

        Assert.Null(Refusal(Requests.Make(DlmAction.Lock, name: name, secret: Secret)));
        Assert.True(IdentityNames.IsPlain(new string('a', IdentityNames.MaxLength)));
    }

    [Fact]
    public void Validate_Identity_MaxSizeComesFromTheRecord()
    {
        Assert.Null(Refusal(Authenticated(DlmAction.Put, "small", value: new string('x', 100))));
        Assert.Equal(
            RefusalReason.MaxDataStoreSize,
            Refusal(Authenticated(DlmAction.Put, "small", value: new string('x', 101))));
        Assert.Null(Refusal(Authenticated(DlmAction.Put, "large", value: new string('x', 50_000))));
    }

    [Theory]
    [InlineData(3544)]
    [InlineData(86_400 * 30)]
    public void Validate_Identity_HasNoTtlCap(double ttlSeconds)
    {
        var result = Validate(Requests.Make(DlmAction.Lock, ttlSeconds, name: "ops", secret: Secret));

        Assert.Null(result.Refusal);
        Assert.Equal(TimeSpan.FromSeconds(ttlSeconds), result.Command!.Ttl);
    }

    [Fact]
    public void Validate_IdentityWithHugeTtl_IsHeldForTheLongestTtl()
    {
        var result = Validate(Requests.Make(DlmAction.Lock, 1e300, name: "ops", secret: Secret));

        Assert.Equal(RequestLimits.LongestTtl, result.Command!.Ttl);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-0.001)]
    public void Validate_NegativeTtl_IsRefusedOnEveryAction(double ttlSeconds)
    {
        DlmAction[] actions =
        [
            DlmAction.Lock, DlmAction.Unlock, DlmAction.TestLock, DlmAction.Get,
            DlmAction.Put, DlmAction.Erase, DlmAction.Version,
        ];
        foreach (var action in actions)
        {
            var refusal = Refusal(Requests.Make(action, ttlSeconds, value: "v"));
            Assert.Equal(RefusalReason.KeyVerify, refusal);
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Validate_NonFiniteTtl_IsRefusedAnonymousOrNot(double ttlSeconds)
    {
        // The protocol reader already refuses these; the validator must not rely on it (section 9).
        foreach (var action in new[] { DlmAction.Lock, DlmAction.Get, DlmAction.Put, DlmAction.Unlock })
        {
            Assert.NotNull(Refusal(Requests.Make(action, ttlSeconds, value: "v")));
            Assert.NotNull(Refusal(Requests.Make(action, ttlSeconds, "v", "ops", Secret)));
        }
    }

    [Theory]
    [InlineData(DlmAction.Lock)]
    [InlineData(DlmAction.Put)]
    public void Validate_ZeroTtlForLockOrPut_IsRefused(DlmAction action)
    {
        // The original answers Locked for these, but the entry is dead on arrival (section 9).
        Assert.Equal(RefusalReason.KeyVerify, Refusal(Requests.Make(action, 0, value: "v")));
    }

    [Theory]
    [InlineData(DlmAction.Lock, 1e-9)]
    [InlineData(DlmAction.Put, 1e-300)]
    public void Validate_TtlBelowOneTickForLockOrPut_IsRefused(DlmAction action, double ttlSeconds)
    {
        // Such a TTL is zero on the clock, so the entry would be as dead as with zero.
        Assert.Equal(RefusalReason.KeyVerify, Refusal(Requests.Make(action, ttlSeconds, value: "v")));
    }

    [Fact]
    public void Validate_SmallestTtlOfOneTick_IsAccepted()
    {
        var command = Validate(Requests.Make(DlmAction.Lock, 1e-7)).Command!;

        Assert.Equal(TimeSpan.FromTicks(1), command.Ttl);
    }

    [Theory]
    [InlineData(DlmAction.Unlock)]
    [InlineData(DlmAction.TestLock)]
    [InlineData(DlmAction.Get)]
    [InlineData(DlmAction.Erase)]
    [InlineData(DlmAction.Version)]
    public void Validate_ZeroTtlForActionsThatIgnoreIt_IsAccepted(DlmAction action)
    {
        var result = Validate(Requests.Make(action, 0));

        Assert.Null(result.Refusal);
        Assert.Equal(TimeSpan.Zero, result.Command!.Ttl);
    }

    [Theory]
    [InlineData(DlmAction.Unlock)]
    [InlineData(DlmAction.Get)]
    public void Validate_TtlOnActionsThatIgnoreIt_IsDropped(DlmAction action)
    {
        Assert.Equal(TimeSpan.Zero, Validate(Requests.Make(action, 30)).Command!.Ttl);
    }

    [Fact]
    public void Validate_PutWithoutValue_IsPayloadRefusal()
    {
        Assert.Equal(RefusalReason.Payload, Refusal(Requests.Make(DlmAction.Put, value: null)));
    }

    [Fact]
    public void Validate_PutWithEmptyValue_IsAccepted()
    {
        var command = Validate(Requests.Make(DlmAction.Put, value: string.Empty)).Command!;

        Assert.NotNull(command.Value);
        Assert.Equal(0, command.Value.Length);
    }

    [Fact]
    public void Validate_Put_CommandHasTheValueAndTtl()
    {
        var command = Validate(Requests.Make(DlmAction.Put, 12.5, "é😀x")).Command!;

        Assert.Equal(DlmAction.Put, command.Action);
        Assert.Equal(TimeSpan.FromSeconds(12.5), command.Ttl);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes("é😀x"), command.Value!.Utf8);
        Assert.Equal(3, command.Value.Length);
        Assert.Equal(OwnerId.FromString("owner-A-4f1c9e"), command.Owner);
        Assert.Equal(EntryKey.FromString(Commands.Key), command.Key);
        Assert.Null(command.Identity);
    }

    [Theory]
    [InlineData(DlmAction.Lock)]
    [InlineData(DlmAction.Get)]
    [InlineData(DlmAction.Erase)]
    public void Validate_ValueOnOtherActions_IsCheckedButNotCarried(DlmAction action)
    {
        var result = Validate(Requests.Make(action, value: "v"));

        Assert.Null(result.Refusal);
        Assert.Null(result.Command!.Value);
    }

    [Fact]
    public void Validate_UnknownAction_IsReportedWithoutCommand()
    {
        var result = Validate(Requests.Make(action: null));

        Assert.True(result.UnknownAction);
        Assert.Null(result.Command);
        Assert.Null(result.Refusal);
    }

    private ValidationResult Validate(DlmRequest request) =>
        new RequestValidator(new RequestLimits(), _identities).Validate(request);

    private RefusalReason? Refusal(DlmRequest request) => Validate(request).Refusal;

    private static IdentityStamp? StampOf(RequestValidator validator, DlmRequest request) =>
        validator.Validate(request).Command!.Identity;

    private static DlmRequest Authenticated(
        DlmAction action,
        string name,
        string? secret = null,
        string? value = null) =>
        Requests.Make(action, value: value, name: name, secret: secret ?? Secret);
}
