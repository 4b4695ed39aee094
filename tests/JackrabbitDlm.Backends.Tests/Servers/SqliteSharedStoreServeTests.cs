using Xunit.Abstractions;

namespace JackrabbitDlm.Backends.Tests.Servers;

public sealed class SqliteSharedStoreServeTests : SharedStoreServeTests
{
    public SqliteSharedStoreServeTests(ITestOutputHelper output)
        : base(output)
    {
    }

    protected override Task<IReadOnlyList<string>> StoreArgumentsAsync(string storeDirectory) =>
        Task.FromResult<IReadOnlyList<string>>(
            ["--backend", "sqlite", "--sqlite-path", Path.Combine(storeDirectory, "jrdlm.db")]);
}
