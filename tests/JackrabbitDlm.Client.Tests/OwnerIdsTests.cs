using System.Buffers.Text;
using JackrabbitDlm.Client.Transport;

namespace JackrabbitDlm.Client.Tests;

public sealed class OwnerIdsTests
{
    [Fact]
    public void NewId_Always_IsUnpaddedUrlSafeBase64Of37To72Bytes()
    {
        var lengths = new HashSet<int>();
        for (var i = 0; i < 500; i++)
        {
            var id = OwnerIds.NewId();

            Assert.Matches("^[A-Za-z0-9_-]+$", id);
            var bytes = Base64Url.DecodeFromChars(id);
            Assert.InRange(bytes.Length, OwnerIds.MinRandomBytes, OwnerIds.MaxRandomBytes);
            lengths.Add(bytes.Length);
        }

        // The original varies the length too; 500 draws from 36 lengths hit many of them.
        Assert.True(lengths.Count > 10, $"only {lengths.Count} different lengths");
    }

    [Fact]
    public void NewId_TwoCalls_Differ()
    {
        Assert.NotEqual(OwnerIds.NewId(), OwnerIds.NewId());
    }

    [Fact]
    public void ClientSettings_NoOwnerIdGiven_GetsARandomOne()
    {
        var first = ClientSettings.From(new JackrabbitDlmClientOptions());
        var second = ClientSettings.From(new JackrabbitDlmClientOptions());

        Assert.NotEqual(first.OwnerId, second.OwnerId);
        Assert.InRange(Base64Url.DecodeFromChars(first.OwnerId).Length, 37, 72);
    }
}
