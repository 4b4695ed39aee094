using Xunit.Abstractions;

namespace JackrabbitDlm.Backends.Tests.Servers;

public sealed class FileSystemSharedStoreServeTests : SharedStoreServeTests
{
    public FileSystemSharedStoreServeTests(ITestOutputHelper output)
        : base(output)
    {
    }

    protected override Task<IReadOnlyList<string>> StoreArgumentsAsync(string storeDirectory) =>
        Task.FromResult<IReadOnlyList<string>>(
            ["--backend", "filesystem", "--fs-path", storeDirectory]);
}
