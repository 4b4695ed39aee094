using JackrabbitDlm.Engine.Rules;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Tests.Rules;

/// <summary>The reply of each outcome: its status word, and whether it carries ID and token.</summary>
public sealed class ActionOutcomesTests
{
    [Theory]
    [InlineData(ActionOutcome.Locked, DlmStatus.Locked, true)]
    [InlineData(ActionOutcome.Relocked, DlmStatus.Locked, true)]
    [InlineData(ActionOutcome.Unlocked, DlmStatus.Unlocked, true)]
    [InlineData(ActionOutcome.UnlockedNotFound, DlmStatus.Unlocked, false)]
    [InlineData(ActionOutcome.TestLocked, DlmStatus.Locked, true)]
    [InlineData(ActionOutcome.TestUnlocked, DlmStatus.Unlocked, false)]
    [InlineData(ActionOutcome.GotValue, DlmStatus.Done, true)]
    [InlineData(ActionOutcome.GotNoData, DlmStatus.NoData, true)]
    [InlineData(ActionOutcome.GetNotFound, DlmStatus.NotFound, false)]
    [InlineData(ActionOutcome.PutNew, DlmStatus.Done, true)]
    [InlineData(ActionOutcome.PutUpdated, DlmStatus.Done, true)]
    [InlineData(ActionOutcome.Erased, DlmStatus.Done, true)]
    [InlineData(ActionOutcome.EraseNotFound, DlmStatus.NotFound, false)]
    [InlineData(ActionOutcome.NotOwner, DlmStatus.NotOwner, false)]
    [InlineData(ActionOutcome.Overloaded, DlmStatus.NO, false)]
    [InlineData(ActionOutcome.Corruption, DlmStatus.Corruption, false)]
    [InlineData(ActionOutcome.BackendUnavailable, DlmStatus.NO, false)]
    public void ToStatus_EveryOutcome_MatchesSectionSeven(
        ActionOutcome outcome,
        DlmStatus status,
        bool withId)
    {
        Assert.Equal(status, outcome.ToStatus());
        Assert.Equal(withId, outcome.RepliesWithOwner());
        Assert.Equal(status == DlmStatus.Locked, outcome.RepliesWithToken());
    }

    [Fact]
    public void ToStatus_EveryDefinedOutcome_IsCovered()
    {
        foreach (var outcome in Enum.GetValues<ActionOutcome>())
        {
            var status = outcome.ToStatus();

            Assert.True(Enum.IsDefined(status));
        }
    }
}
