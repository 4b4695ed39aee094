using JackrabbitDlm.Server.Monitoring;

namespace JackrabbitDlm.Server.Tests.Monitoring;

public sealed class MemoryLimitTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "jrdlm-memory-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void ReadLimitFile_Number_ReturnsBytes()
    {
        File.WriteAllText(_file, "536870912\n");

        Assert.Equal(536870912, MemoryLimit.ReadLimitFile(_file));
    }

    [Theory]
    [InlineData("max\n")]
    [InlineData("")]
    [InlineData("-1")]
    public void ReadLimitFile_NoLimit_ReturnsNull(string content)
    {
        File.WriteAllText(_file, content);

        Assert.Null(MemoryLimit.ReadLimitFile(_file));
    }

    [Fact]
    public void ReadLimitFile_Missing_ReturnsNull()
    {
        Assert.Null(MemoryLimit.ReadLimitFile(_file));
    }

    [Theory]
    [InlineData(8_000L, 2_000L, 2_000L)]
    [InlineData(8_000L, 9_000L, 8_000L)]
    [InlineData(8_000L, null, 8_000L)]
    [InlineData(8_000L, 0L, 8_000L)]
    [InlineData(0L, 2_000L, 2_000L)]
    public void Smaller_TakesTheTighterKnownLimit(long available, long? limit, long expected)
    {
        Assert.Equal(expected, MemoryLimit.Smaller(available, limit));
    }

    [Fact]
    public void AvailableBytes_ThisMachine_IsPositive()
    {
        Assert.True(MemoryLimit.AvailableBytes() > 0);
    }
}
