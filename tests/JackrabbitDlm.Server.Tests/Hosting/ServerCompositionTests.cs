using JackrabbitDlm.Engine.Tokens;
using JackrabbitDlm.Server.Files;
using JackrabbitDlm.Server.Hosting;
using JackrabbitDlm.Server.Options;
using JackrabbitDlm.Server.Tests.Files;
using Microsoft.Extensions.Logging.Abstractions;

namespace JackrabbitDlm.Server.Tests.Hosting;

/// <summary>What <c>jrdlm serve</c> is made of, for the memory backend and the others.</summary>
public sealed class ServerCompositionTests : IDisposable
{
    private readonly TempBase _base = new(create: false);

    public void Dispose() => _base.Dispose();

    [Fact]
    public void CreateDefault_MemoryBackend_KeepsValuesAndTokensOnDisk()
    {
        var services = Compose(BackendNames.Memory);

        Assert.NotNull(services.SpillStore);
        Assert.IsNotType<VolatileTokenReservations>(services.TokenReservations);
        Assert.Null(services.Backend);
    }

    [Fact]
    public void CreateDefault_MemoryBackendWithDamagedTokenFile_Refused()
    {
        DamageTokenFile();

        Assert.Throws<InvalidDataException>(() => Compose(BackendNames.Memory));
    }

    [Theory]
    [InlineData(BackendNames.Sqlite)]
    [InlineData(BackendNames.FileSystem)]
    [InlineData(BackendNames.Redis)]
    public void CreateDefault_PersistentBackend_LeavesTheMemoryBackendsFilesAlone(string backend)
    {
        // Tokens come from the backend then, so the memory backend's ceiling is never read.
        DamageTokenFile();

        var services = Compose(backend);

        Assert.Null(services.SpillStore);
        Assert.IsType<VolatileTokenReservations>(services.TokenReservations);
        Assert.Null(services.Backend);
    }

    private void DamageTokenFile()
    {
        Directory.CreateDirectory(_base.Directories.Disk);
        var path = Path.Combine(_base.Directories.Disk, FileTokenReservations.FileName);
        File.WriteAllText(path, "not a number");
    }

    private ServerServices Compose(string backend)
    {
        var options = new DlmServerOptions
        {
            BaseDirectory = _base.Root,
            Backend = backend,
            Redis = "localhost:6379",
        };
        var services = ServerComposition.CreateDefault(options, NullLoggerFactory.Instance);
        foreach (var resource in services.OwnedResources)
        {
            resource.Dispose();
        }

        return services;
    }
}
