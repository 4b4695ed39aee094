using JackrabbitDlm.Engine.Tokens;
using JackrabbitDlm.Server.Files;

namespace JackrabbitDlm.Server.Tests.Files;

public sealed class FileTokenReservationsTests : IDisposable
{
    private readonly TempBase _base = new();

    public void Dispose() => _base.Dispose();

    private string TokenFile => Path.Combine(_base.Directories.Disk, FileTokenReservations.FileName);

    [Fact]
    public void LoadCeiling_NoFile_ReturnsZero()
    {
        Assert.Equal(0, new FileTokenReservations(_base.Directories).LoadCeiling());
    }

    [Fact]
    public void LoadCeiling_NewInstance_ReturnsTheSavedCeiling()
    {
        new FileTokenReservations(_base.Directories).SaveCeiling(131072);

        Assert.Equal(131072, new FileTokenReservations(_base.Directories).LoadCeiling());
        Assert.Empty(Directory.GetFiles(_base.Directories.Disk, "*.tmp"));
    }

    [Fact]
    public void SaveCeiling_LowerThanSaved_KeepsTheHigher()
    {
        var store = new FileTokenReservations(_base.Directories);
        store.SaveCeiling(500);
        store.SaveCeiling(200);

        Assert.Equal(500, new FileTokenReservations(_base.Directories).LoadCeiling());
    }

    [Fact]
    public void SaveCeiling_BelowTheFileOfAnEarlierRun_KeepsTheFile()
    {
        new FileTokenReservations(_base.Directories).SaveCeiling(900);
        var restarted = new FileTokenReservations(_base.Directories);
        restarted.LoadCeiling();

        restarted.SaveCeiling(100);

        Assert.Equal(900, new FileTokenReservations(_base.Directories).LoadCeiling());
    }

    [Fact]
    public void Next_AcrossRestarts_TokensOnlyGrow()
    {
        var seen = new List<long>();
        for (var run = 0; run < 3; run++)
        {
            var source = new FencingTokenSource(new FileTokenReservations(_base.Directories));
            seen.Add(source.Next());
            seen.Add(source.Next());
        }

        Assert.Equal(seen.Order(), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(1, seen[0]);
        Assert.True(seen[2] > FencingTokenSource.BlockSize);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("65536")]
    [InlineData("-5 x")]
    public void LoadCeiling_DamagedFile_RefusesToStart(string content)
    {
        File.WriteAllText(TokenFile, content);

        var ex = Assert.Throws<InvalidDataException>(() => new FileTokenReservations(_base.Directories).LoadCeiling());
        Assert.Contains(FileTokenReservations.FileName, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadCeiling_OneDigitChanged_RefusesToStart()
    {
        new FileTokenReservations(_base.Directories).SaveCeiling(131072);
        var text = File.ReadAllText(TokenFile);
        Assert.StartsWith("131072 ", text, StringComparison.Ordinal);
        File.WriteAllText(TokenFile, "9" + text[1..]);

        Assert.Throws<InvalidDataException>(() => new FileTokenReservations(_base.Directories).LoadCeiling());
    }

    [Fact]
    public void LoadCeiling_OnlyATemporaryFileLeft_ReturnsZero()
    {
        File.WriteAllText(TokenFile + ".tmp", "6553");

        Assert.Equal(0, new FileTokenReservations(_base.Directories).LoadCeiling());
    }
}
