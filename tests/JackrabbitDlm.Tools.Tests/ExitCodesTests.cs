using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Tools.Tests;

public sealed class ExitCodesTests
{
    [Theory]
    [InlineData(DlmStatus.Locked, 0)]
    [InlineData(DlmStatus.Unlocked, 0)]
    [InlineData(DlmStatus.Done, 0)]
    [InlineData(DlmStatus.Version, 0)]
    [InlineData(DlmStatus.NotOwner, 3)]
    [InlineData(DlmStatus.NotFound, 4)]
    [InlineData(DlmStatus.NoData, 5)]
    [InlineData(DlmStatus.BadPayload, 6)]
    [InlineData(DlmStatus.BadAction, 7)]
    [InlineData(DlmStatus.NO, 8)]
    [InlineData(DlmStatus.Corruption, 9)]
    public void ForStatus_EachStatus_HasItsDocumentedCode(DlmStatus status, int code)
    {
        Assert.Equal(code, ExitCodes.ForStatus(status));
    }

    [Fact]
    public void ForStatus_UnknownWord_IsProtocolError()
    {
        Assert.Equal(ExitCodes.ProtocolError, ExitCodes.ForStatus(null));
    }

    [Fact]
    public void Table_EveryCode_AppearsOnceInOrder()
    {
        var codes = ExitCodes.Table.Select(row => row.Code).ToArray();

        Assert.Equal(Enumerable.Range(0, codes.Length), codes);
    }

    [Fact]
    public void ForStatus_FailureStatuses_AreAllDistinct()
    {
        var failures = Enum.GetValues<DlmStatus>()
            .Select(status => ExitCodes.ForStatus(status))
            .Where(code => code != 0);

        Assert.Equal(7, failures.Distinct().Count());
    }
}
