using JackrabbitDlm.Engine.Tokens;

namespace JackrabbitDlm.Engine.Tests.Tokens;

public sealed class FencingTokenSourceTests
{
    [Fact]
    public void Next_AcrossSeveralBlocks_StrictlyIncreases()
    {
        var source = new FencingTokenSource(new VolatileTokenReservations());
        var last = 0L;

        for (var i = 0; i < (2 * FencingTokenSource.BlockSize) + 10; i++)
        {
            var token = source.Next();

            Assert.True(token > last);
            last = token;
        }
    }

    [Fact]
    public void Next_EveryToken_ReservedBeforeItIsHandedOut()
    {
        var store = new RecordingReservations();
        var source = new FencingTokenSource(store);

        for (var i = 0; i < FencingTokenSource.BlockSize + 5; i++)
        {
            var token = source.Next();

            Assert.True(token <= store.Ceiling, $"token {token} above the saved ceiling {store.Ceiling}");
        }

        // One durable write per block, not per token.
        Assert.Equal(2, store.Saves);
    }

    [Fact]
    public void Next_NewSourceOnTheSameStore_ContinuesAboveEveryEarlierToken()
    {
        var store = new VolatileTokenReservations();
        var earlier = new FencingTokenSource(store);
        var highest = 0L;
        for (var i = 0; i < 100; i++)
        {
            highest = earlier.Next();
        }

        var next = new FencingTokenSource(store).Next();

        Assert.True(next > highest);
        Assert.True(next > store.LoadCeiling() - FencingTokenSource.BlockSize);
    }

    [Fact]
    public void Next_StoreWithAnEarlierCeiling_StartsAboveIt()
    {
        var store = new RecordingReservations { Ceiling = 1_000_000 };

        Assert.Equal(1_000_001, new FencingTokenSource(store).Next());
    }

    private sealed class RecordingReservations : ITokenReservationStore
    {
        public long Ceiling { get; set; }

        public int Saves { get; private set; }

        public long LoadCeiling() => Ceiling;

        public void SaveCeiling(long ceiling)
        {
            Assert.True(ceiling > Ceiling, "a ceiling never moves down");
            Ceiling = ceiling;
            Saves++;
        }
    }
}
